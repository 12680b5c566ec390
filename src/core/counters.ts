// In-memory counters of what the server has handled since it started (soft state: a restart resets them).
// Named counters are plain number properties: the heartbeat bumps one with `counters.heartbeats++` — no
// Map lookup and no allocation on the hot path. Readers (status, dashboard, metrics) read them when asked.

export class Counters {
  /** Heartbeats answered (well-formed bodies). */
  heartbeats = 0;
  /** Of those, from a banned device (answered 403). */
  heartbeats_banned = 0;
  /** Heartbeats refused before the beat: malformed or too large, or from a banned IP (native route only). */
  heartbeats_refused = 0;
  /** Strategies handed to devices in heartbeat replies, and confirmations written by the flush. */
  strategy_deliveries = 0;
  strategy_confirmations = 0;
  /** Device audit posts (connection, file, alarm, notes) stored. */
  audit_posts_accepted = 0;
  /** Device audit posts refused: over a rate limit, malformed, or not from a registered device. */
  audit_posts_refused = 0;
  /** The same two, by kind (the metrics' labels). */
  audit_conn_accepted = 0;
  audit_conn_refused = 0;
  audit_file_accepted = 0;
  audit_file_refused = 0;
  audit_alarm_accepted = 0;
  audit_alarm_refused = 0;
  audit_note_accepted = 0;
  audit_note_refused = 0;
  /** New devices refused by POST /api/sysinfo: registration closed, over a rate limit, or devices.max reached. */
  registrations_refused_closed = 0;
  registrations_refused_rate = 0;
  registrations_refused_limit = 0;
}

export type CounterName = { [K in keyof Counters]: Counters[K] extends number ? K : never }[keyof Counters];

/** Every counter by name, as plain numbers. */
export const countersSnapshot = (c: Counters): Record<CounterName, number> => ({ ...c });

/**
 * The rate of one counter over the last `windowMs`, from samples taken by `sample` (a timer, once a second)
 * and by every read: from the oldest sample inside the window to now. With no earlier sample (no timer, first
 * read) the rate is 0.
 */
export class RateMeter {
  private readonly times: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly read: () => number,
    private readonly windowMs = 10_000,
  ) {}

  sample(now: number): void {
    this.times.push(now);
    this.values.push(this.read());
    // Keep at most one sample from before the window: the reference when the window holds no other.
    while (this.times.length > 1 && this.times[1]! < now - this.windowMs) {
      this.times.shift();
      this.values.shift();
    }
  }

  /** Per second, over the window (or over what has been sampled of it). */
  perSecond(now: number): number {
    this.sample(now);
    let i = this.times.findIndex((t) => t >= now - this.windowMs);
    if (i === this.times.length - 1 && i > 0) i--; // only this reading is inside the window: from the one before
    const dt = now - this.times[i]!;
    return dt > 0 ? ((this.values.at(-1)! - this.values[i]!) * 1000) / dt : 0;
  }
}

export type AuditPostKind = "conn" | "file" | "alarm" | "note";
