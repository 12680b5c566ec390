// POST /api/heartbeat (client: src/hbbs_http/sync.rs:235-270 (rustdesk@7423dced)): presence and live connections into memory; the reply
// asks for a sysinfo upload when the server lacks one, and carries queued disconnects. The hot path
// of the server (every device, every 3-15 s: client: src/hbbs_http/sync.rs:17-19 (rustdesk@7423dced)):
// devices from memory (known.ts), no writes unless something changed.
import type { Database } from "bun:sqlite";
import { cidrMatcher } from "../bans/service.ts";
import type { ServiceContext } from "../core/context.ts";
import type { KnownDevice, KnownDevices } from "./known.ts";
import { NO_CONNS, type Presence } from "./presence.ts";
import type { RegistrationGuard } from "./registry.ts";

export interface HeartbeatBody {
  id: string;
  uuid: string;
  conns?: number[];
  modified_at?: number;
  ver?: number;
}

export interface HeartbeatReply {
  sysinfo?: boolean;
  disconnect?: number[];
  strategy?: { config_options: Record<string, string>; extra: Record<string, string> };
  modified_at?: number;
}

/** Client settings for a beat (src/strategies/delivery.ts, wired by the app). */
export interface StrategyDelivery {
  /** What to add to the reply, or undefined; `strategiesVersion`: the counter KnownDevices last read. */
  forBeat(d: KnownDevice, modifiedAt: number, now: number, strategiesVersion: number | null): Pick<HeartbeatReply, "strategy" | "modified_at"> | undefined;
  /** Writes what beats confirmed since the last call (soft state, like presence); returns how many. */
  flush(): number;
}

export const BANNED = Symbol("banned");

export class Heartbeats {
  private readonly dequeue;
  private readonly guidOf;
  private readonly matchBans = cidrMatcher();

  constructor(
    sqlite: Database,
    private readonly presence: Presence,
    private readonly known: KnownDevices,
    private readonly guard: RegistrationGuard,
    private readonly strategies: StrategyDelivery,
  ) {
    this.dequeue = sqlite.prepare<unknown, [number, number]>("DELETE FROM device_disconnects WHERE device_id = ? AND conn_id = ?");
    this.guidOf = sqlite.prepare<{ guid: string }, [number]>("SELECT guid FROM devices WHERE id = ?");
  }

  /** The reply, or BANNED when the client IP is banned (checked here, from the same cache as the device). */
  beat(ctx: ServiceContext, body: HeartbeatBody): HeartbeatReply | typeof BANNED {
    const now = ctx.now();
    this.known.sync(now);
    if (ctx.ip) {
      const bans = this.known.activeBans(now);
      if (bans.length > 0 && this.matchBans(bans, ctx.ip)) return BANNED;
    }
    const d = this.known.get(body.id);
    // Unknown (new, or deleted by an admin): ask for sysinfo, which registers it again.
    if (!d) return ctx.config.devices.registration === "closed" ? {} : { sysinfo: true };
    if (d.uuid === "") return { sysinfo: true }; // pre-registered: the first sysinfo binds the uuid
    if (d.uuid !== body.uuid) {
      this.guard.reportMismatch(ctx, { id: d.id, guid: this.guidOf.get(d.id)?.guid ?? "", rdId: body.id });
      return {};
    }
    const conns = body.conns ?? NO_CONNS;
    this.presence.beat(d, now, ctx.ip ?? null, conns);
    const reply: HeartbeatReply = {};
    if (d.sysinfo_at === null || now - d.sysinfo_at > ctx.config.devices.sysinfo_max_age_hours * 3_600_000) reply.sysinfo = true;
    // A disabled (or not yet approved) device may not be used: every live connection is cut.
    const cut = d.enabled ? this.pendingCuts(body.id, d, conns) : [...conns];
    if (cut.length) reply.disconnect = cut;
    if (d.enabled) {
      const settings = this.strategies.forBeat(d, body.modified_at ?? 0, now, this.known.strategiesVersion);
      if (settings) Object.assign(reply, settings);
    }
    return reply;
  }

  /**
   * Queued connection ids the device still reports. The ones it no longer reports (an idle beat
   * reports none) are done and dropped: ids are per-process counters a restarted client reuses.
   */
  private pendingCuts(rdId: string, d: KnownDevice, conns: readonly number[]): number[] {
    if (d.queued === null) return [];
    const live = new Set(conns);
    const cut: number[] = [];
    let dropped = false;
    for (const c of d.queued.split(",").map(Number)) {
      if (live.has(c)) cut.push(c);
      else (this.dequeue.run(d.id, c), (dropped = true));
    }
    if (dropped) this.known.forget(rdId);
    return cut;
  }
}
