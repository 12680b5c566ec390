// Presence is soft state (STACK.md): heartbeats update memory; one transaction writes the batch
// every devices.flush_ms and on shutdown. Only registered devices get here, so the map is bounded.
import type { Database } from "bun:sqlite";

interface Beat {
  at: number;
  ip: string | null;
  conns: number[];
}

export class Presence {
  private pending = new Map<number, Beat>();
  private readonly update;
  private readonly expireCuts;

  constructor(private readonly sqlite: Database) {
    this.update = sqlite.prepare("UPDATE devices SET last_seen_at = ?, last_ip = ?, conns = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at <= ?)");
    // A queued cut the device never acted on (it went offline, say) is dropped after 10 minutes.
    this.expireCuts = sqlite.prepare("DELETE FROM device_disconnects WHERE created_at < ?");
  }

  beat(deviceId: number, at: number, ip: string | null, conns: number[]): void {
    this.pending.set(deviceId, { at, ip, conns });
  }

  /** The latest unflushed beat of a device, if any. */
  peek(deviceId: number): Beat | undefined {
    return this.pending.get(deviceId);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Writes every pending beat in one transaction; returns how many. */
  flush(now = Date.now()): number {
    if (!this.pending.size) return 0;
    const batch = this.pending;
    this.pending = new Map();
    try {
      this.sqlite.transaction(() => {
        for (const [id, b] of batch) this.update.run(b.at, b.ip, JSON.stringify(b.conns), id, b.at);
        this.expireCuts.run(now - 600_000);
      }).immediate();
    } catch (e) {
      for (const [id, b] of batch) if (!this.pending.has(id)) this.pending.set(id, b); // keep for the next flush
      throw e;
    }
    return batch.size;
  }
}
