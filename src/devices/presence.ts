// Presence is soft state (STACK.md): heartbeats update memory; one transaction writes the batch
// every devices.flush_ms and on shutdown. Only registered devices get here, so it is bounded.
// Each device's presence lives in its known-device entry (known.ts): one object per device, not
// three (with 100,000 devices the live heap, and so the GC's sawtooth and RSS, is mostly these).
import type { Database } from "bun:sqlite";

/** A device's latest beat and what was last written for it. */
export interface PresenceSlot {
  readonly id: number;
  seenAt: number;
  ip: string | null;
  conns: readonly number[];
  writtenAt: number;
  writtenIp: string | null;
  /** JSON of the conns last written. */
  writtenConns: string;
  dirty: boolean;
  /** Dropped from the known-device cache: written once more if it has an unwritten beat, then let go. */
  retired: boolean;
}

export const NO_CONNS: readonly number[] = Object.freeze([]);

export const emptySlot = (id: number): PresenceSlot => ({ id, seenAt: 0, ip: null, conns: NO_CONNS, writtenAt: 0, writtenIp: null, writtenConns: "", dirty: false, retired: false });

type Row = [slot: PresenceSlot, at: number, ip: string | null, conns: string];

const CHUNK = 500;

export class Presence {
  private pending: PresenceSlot[] = [];
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
    this.update = sqlite.prepare("UPDATE device_presence SET last_seen_at = ?, last_ip = ?, conns = ? WHERE device_id = ? AND (last_seen_at IS NULL OR last_seen_at <= ?)");
    // A queued cut the device never acted on (it went offline, say) is dropped after 10 minutes.
    this.expireCuts = sqlite.prepare("DELETE FROM device_disconnects WHERE created_at < ?");
  }

  beat(slot: PresenceSlot, at: number, ip: string | null, conns: readonly number[]): void {
    slot.seenAt = at;
    slot.ip = ip;
    slot.conns = conns.length ? conns : NO_CONNS;
    if (!slot.dirty) {
      slot.dirty = true;
      this.pending.push(slot);
    }
  }

  /** Devices with a beat not written yet. */
  get size(): number {
    return this.pending.length;
  }

  /** Takes the pending beats worth writing, in row order; the rest stay pending. */
  private take(all: boolean): Row[] {
    const batch = this.pending;
    this.pending = [];
    const rows: Row[] = [];
    for (const s of batch) {
      const conns = s.conns === NO_CONNS ? "[]" : JSON.stringify(s.conns);
      if (all || s.retired || s.writtenConns !== conns || s.writtenIp !== s.ip || s.seenAt - s.writtenAt >= this.resolutionMs) {
        s.dirty = false;
        rows.push([s, s.seenAt, s.ip, conns]);
      } else this.pending.push(s); // not worth a write yet; kept for a later flush
    }
    // In row order, chunks cover disjoint pages: each page is written once per flush, not once per chunk.
    return rows.sort((a, b) => a[0].id - b[0].id);
  }

  /** Puts rows that could not be written back, unless a newer beat already did. */
  private keep(rows: Row[]): void {
    for (const [s] of rows)
      if (!s.dirty) {
        s.dirty = true;
        this.pending.push(s);
      }
  }

  private write(rows: Row[], now: number): void {
    try {
      this.sqlite.transaction(() => {
        for (const [s, at, ip, conns] of rows) this.update.run(at, ip, conns, s.id, at);
        this.expireCuts.run(now - 600_000);
      }).immediate();
    } catch (e) {
      this.keep(rows);
      throw e;
    }
    for (const [s, at, ip, conns] of rows) {
      s.writtenAt = at;
      s.writtenIp = ip;
      s.writtenConns = conns;
    }
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
        this.keep(rows.slice(i + CHUNK)); // write() kept its own chunk; keep the ones not reached either
        throw e;
      }
    }
    return rows.length;
  }
}
