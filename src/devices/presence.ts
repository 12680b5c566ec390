// Presence is soft state (STACK.md): heartbeats update memory; one transaction writes the batch
// every devices.flush_ms and on shutdown. Only registered devices get here, so the map is bounded.
import type { Database } from "bun:sqlite";

interface Beat {
  at: number;
  ip: string | null;
  conns: number[];
}

const CHUNK = 500;

export class Presence {
  private pending = new Map<number, Beat>();
  /** What was last written per device, to skip writes that change only the time by a little. */
  private readonly written = new Map<number, { at: number; ip: string | null; conns: string }>();
  private readonly update;
  private readonly expireCuts;

  /**
   * `resolutionMs`: last-seen is stored at this precision. Rewriting every device's row at every
   * flush made each heartbeat's read ~3x slower (a growing WAL) for a time nobody needs to the second.
   */
  constructor(
    private readonly sqlite: Database,
    private readonly resolutionMs = 10_000,
  ) {
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

  /** Takes the pending beats worth writing; the rest stay pending. */
  private take(all: boolean): [number, Beat, string][] {
    const batch = this.pending;
    this.pending = new Map();
    const rows: [number, Beat, string][] = [];
    for (const [id, b] of batch) {
      const conns = JSON.stringify(b.conns);
      const last = this.written.get(id);
      if (all || !last || last.conns !== conns || last.ip !== b.ip || b.at - last.at >= this.resolutionMs) rows.push([id, b, conns]);
      else this.pending.set(id, b); // not worth a write yet; kept for a later flush
    }
    return rows;
  }

  private write(rows: [number, Beat, string][], now: number): void {
    try {
      this.sqlite.transaction(() => {
        for (const [id, b, conns] of rows) this.update.run(b.at, b.ip, conns, id, b.at);
        this.expireCuts.run(now - 600_000);
      }).immediate();
    } catch (e) {
      for (const [id, b] of rows) if (!this.pending.has(id)) this.pending.set(id, b); // keep for the next flush
      throw e;
    }
    if (this.written.size > 1_000_000) this.written.clear();
    for (const [id, b, conns] of rows) this.written.set(id, { at: b.at, ip: b.ip, conns });
  }

  /**
   * Writes the pending beats that matter in one transaction (shutdown, tests); returns how many.
   * `all`: every pending beat, not only the ones past the resolution.
   */
  flush(now = Date.now(), all = false): number {
    const rows = this.take(all);
    if (rows.length) this.write(rows, now);
    return rows.length;
  }

  /**
   * The periodic flush: chunks of CHUNK rows, yielding to requests in between. One transaction of
   * ~7,000 updates (100,000 devices) blocked the event loop long enough to push heartbeat p99 past 200 ms.
   */
  async flushInChunks(now = Date.now()): Promise<number> {
    const rows = this.take(false);
    for (let i = 0; i < rows.length; i += CHUNK) {
      if (i > 0) await new Promise((r) => setImmediate(r));
      try {
        this.write(rows.slice(i, i + CHUNK), now);
      } catch (e) {
        // write() kept its own chunk; keep the ones not reached either
        for (const [id, b] of rows.slice(i + CHUNK)) if (!this.pending.has(id)) this.pending.set(id, b);
        throw e;
      }
    }
    return rows.length;
  }
}
