// Strategy delivery on the heartbeat (client-contract §8.4), from memory: the strategies and who has
// them are loaded when the 'strategies' counter moves (any process's change), a device's own
// assignment, owner and group come with its cached row, and its delivery state is read once per
// cache fill. A beat reads nothing else; it writes only when a delivery starts (at once) or is confirmed
// (queued, flushed with presence).
// client: src/hbbs_http/sync.rs:263-267 (rustdesk@7423dced) applies `strategy` whenever present, as a merge:
// client: src/hbbs_http/sync.rs:287-304 (rustdesk@7423dced) removes a key only when it is sent with "".
import type { Database } from "bun:sqlite";
import type { HeartbeatReply, StrategyDelivery } from "../devices/heartbeat.ts";
import type { KnownDevice, StrategyState } from "../devices/known.ts";
import { periodOf, stampOf } from "./stamp.ts";

interface Loaded {
  enabled: boolean;
  options: Record<string, string>;
  keys: readonly string[];
  keysJson: string;
  reapplyHours: number | null;
  /** The stamp of the current re-apply period. */
  period: number;
  stamp: number;
  /** The state of every device that has confirmed this stamp: one object shared by them all (a fleet holds 100,000). */
  settled?: StrategyState;
}

const NONE: Record<string, string> = {};
const NONE_STAMP = stampOf(NONE);
const NO_KEYS: readonly string[] = Object.freeze([]);
const NEVER_SENT: StrategyState = Object.freeze({ keys: NO_KEYS, sentStamp: null, confirmedStamp: null });
const CLEARED: StrategyState = Object.freeze({ keys: NO_KEYS, sentStamp: NONE_STAMP, confirmedStamp: NONE_STAMP, settled: NONE_STAMP });
const EXTRA = Object.freeze({});

export class StrategyIndex implements StrategyDelivery {
  private version: number | null | undefined = undefined;
  private byId = new Map<number, Loaded>();
  private byUser = new Map<number, number>();
  private byGroup = new Map<number, number>();
  private fallback: Loaded | undefined;
  /** Nothing to deliver to anyone: no strategy, and no device holds keys from one. */
  private idle = true;
  private readonly q;
  private readonly write;
  /** Confirmations not yet written: device id → [keys JSON, stamp, at]. */
  private readonly confirmed = new Map<number, [string, number, number]>();

  constructor(sqlite: Database) {
    this.q = {
      strategies: sqlite.prepare<{ id: number; enabled: number; options: string; reapply_hours: number | null; is_default: number }, []>(
        "SELECT id, enabled, options, reapply_hours, is_default FROM strategies",
      ),
      users: sqlite.prepare<{ id: number; strategy_id: number }, []>("SELECT id, strategy_id FROM users WHERE strategy_id IS NOT NULL"),
      groups: sqlite.prepare<{ id: number; strategy_id: number }, []>("SELECT id, strategy_id FROM device_groups WHERE strategy_id IS NOT NULL"),
      held: sqlite.prepare<{ n: number }, []>("SELECT EXISTS (SELECT 1 FROM device_strategy_state WHERE keys <> '[]') AS n"),
      state: sqlite.prepare<{ keys: string; sent_stamp: number | null; confirmed_stamp: number | null }, [number]>(
        "SELECT keys, sent_stamp, confirmed_stamp FROM device_strategy_state WHERE device_id = ?",
      ),
      sent: sqlite.prepare<unknown, [number, string, number, string, number]>(
        "INSERT INTO device_strategy_state (device_id, keys, sent_stamp, sent_options, sent_at) VALUES (?1, ?2, ?3, ?4, ?5) " +
          "ON CONFLICT (device_id) DO UPDATE SET keys = ?2, sent_stamp = ?3, sent_options = ?4, sent_at = ?5",
      ),
      confirmed: sqlite.prepare<unknown, [number, string, number, number]>(
        "INSERT INTO device_strategy_state (device_id, keys, confirmed_stamp, confirmed_at) VALUES (?1, ?2, ?3, ?4) " +
          "ON CONFLICT (device_id) DO UPDATE SET keys = ?2, confirmed_stamp = ?3, confirmed_at = ?4",
      ),
    };
    this.write = sqlite.transaction(() => {
      for (const [id, [keys, stamp, at]] of this.confirmed) this.q.confirmed.run(id, keys, stamp, at);
      this.confirmed.clear();
    });
  }

  flush(): number {
    const n = this.confirmed.size;
    if (n) this.write();
    return n;
  }

  private reload(version: number | null): void {
    this.version = version;
    this.byId.clear();
    this.fallback = undefined;
    for (const r of this.q.strategies.all()) {
      const options = JSON.parse(r.options) as Record<string, string>;
      const keys = Object.freeze(Object.keys(options));
      const s: Loaded = { enabled: r.enabled === 1, options, keys, keysJson: JSON.stringify(keys), reapplyHours: r.reapply_hours, period: -1, stamp: 0 };
      this.byId.set(r.id, s);
      if (r.is_default === 1) this.fallback = s;
    }
    this.byUser = new Map(this.q.users.all().map((r) => [r.id, r.strategy_id]));
    this.byGroup = new Map(this.q.groups.all().map((r) => [r.id, r.strategy_id]));
    this.idle = this.byId.size === 0 && this.q.held.get()!.n === 0;
  }

  /** The enabled strategy that applies: device > owner > device group > default (no allocation: every beat runs it). */
  private effective(d: KnownDevice): Loaded | undefined {
    let s = d.strategy_id === null ? undefined : this.byId.get(d.strategy_id);
    if (s?.enabled) return s;
    s = d.owner_id === null ? undefined : this.byId.get(this.byUser.get(d.owner_id) ?? 0);
    if (s?.enabled) return s;
    s = d.group_id === null ? undefined : this.byId.get(this.byGroup.get(d.group_id) ?? 0);
    if (s?.enabled) return s;
    return this.fallback?.enabled ? this.fallback : undefined;
  }

  private stampAt(s: Loaded, now: number): number {
    if (s.reapplyHours === null) return s.stamp || (s.stamp = stampOf(s.options));
    const period = periodOf(s.reapplyHours, now);
    if (period !== s.period) ((s.period = period), (s.stamp = stampOf(s.options, period)));
    return s.stamp;
  }

  private settledState(s: Loaded, stamp: number): StrategyState {
    if (s.settled?.settled !== stamp) s.settled = Object.freeze({ keys: s.keys, sentStamp: stamp, confirmedStamp: stamp, settled: stamp });
    return s.settled;
  }

  private stateOf(d: KnownDevice): StrategyState {
    if (d.strategy) return d.strategy;
    const row = this.q.state.get(d.id);
    d.strategy = row ? { keys: JSON.parse(row.keys), sentStamp: row.sent_stamp, confirmedStamp: row.confirmed_stamp } : NEVER_SENT;
    // A confirmation still queued is newer than the row (the device was dropped from the cache meanwhile).
    const queued = this.confirmed.get(d.id);
    if (queued) d.strategy = { ...d.strategy, keys: JSON.parse(queued[0]), confirmedStamp: queued[1] };
    return d.strategy;
  }

  forBeat(d: KnownDevice, modifiedAt: number, now: number, version: number | null): Pick<HeartbeatReply, "strategy" | "modified_at"> | undefined {
    if (version !== this.version) this.reload(version);
    if (this.idle) return undefined;
    const target = this.effective(d);
    const state = this.stateOf(d);
    if (!target && state.keys.length === 0) return undefined;
    const options = target?.options ?? NONE;
    const stamp = target ? this.stampAt(target, now) : NONE_STAMP;
    if (modifiedAt === stamp) {
      if (state.settled === stamp) return undefined;
      // The device has exactly `options` from this server: keys outside them are no longer set.
      const keys = target?.keys ?? NO_KEYS;
      // Soft state, written in batches: lost in a crash, it is confirmed again at the next beat.
      if (state.confirmedStamp !== stamp || !sameKeys(state.keys, keys)) this.confirmed.set(d.id, [target?.keysJson ?? "[]", stamp, now]);
      d.strategy = target ? this.settledState(target, stamp) : CLEARED;
      return undefined;
    }
    const configOptions: Record<string, string> = { ...options };
    for (const k of state.keys) if (!(k in options)) configOptions[k] = "";
    // configOptions holds every key of state.keys: the same count means the same keys.
    if (state.sentStamp !== stamp || Object.keys(configOptions).length !== state.keys.length) {
      const keys = Object.keys(configOptions);
      // Written before the reply: which keys the device may now hold must survive anything. If it cannot be
      // written (the database busy past its timeout), nothing is sent: the next beat tries again.
      try {
        this.q.sent.run(d.id, JSON.stringify(keys), stamp, JSON.stringify(configOptions), now);
      } catch {
        return undefined;
      }
      this.confirmed.delete(d.id);
      d.strategy = { ...state, keys, sentStamp: stamp, settled: undefined };
    }
    return { strategy: { config_options: configOptions, extra: EXTRA }, modified_at: stamp };
  }
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k) => b.includes(k));
