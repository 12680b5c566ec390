// POST /api/heartbeat (client-contract §8.4): presence and live connections into memory; the reply
// asks for a sysinfo upload when the server lacks one, and carries queued disconnects. The hot path
// of the server (every device, every 3-15 s): prepared statements, no writes unless something changed.
import type { Database } from "bun:sqlite";
import { cidrMatcher } from "../bans/service.ts";
import type { ServiceContext } from "../context.ts";
import type { Presence } from "./presence.ts";
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
}

interface Found {
  id: number;
  guid: string;
  rd_id: string;
  uuid: string;
  enabled: number;
  sysinfo_at: number | null;
  /** Active bans, newline-separated (or null): read in the same statement, one read lock per beat. */
  bans: string | null;
  /** Queued disconnects, comma-separated (or null). */
  queued: string | null;
}

export const BANNED = Symbol("banned");

export class Heartbeats {
  private readonly find;
  private readonly dequeue;

  private readonly matchBans = cidrMatcher();

  constructor(
    sqlite: Database,
    private readonly presence: Presence,
    private readonly isBanned: (ip: string) => boolean,
    private readonly guard: RegistrationGuard,
  ) {
    // Each statement on a WAL database takes a read lock (~3-4 µs here): the ban list rides along.
    this.find = sqlite.prepare<Found, [number, string]>(
      "SELECT id, guid, rd_id, uuid, enabled, sysinfo_at, (SELECT group_concat(cidr, char(10)) FROM bans WHERE expires_at IS NULL OR expires_at > ?) AS bans, (SELECT group_concat(conn_id) FROM device_disconnects WHERE device_id = devices.id) AS queued FROM devices WHERE rd_id = ?",
    );
    this.dequeue = sqlite.prepare<unknown, [number, number]>("DELETE FROM device_disconnects WHERE device_id = ? AND conn_id = ?");
  }

  /** The reply, or BANNED when the client IP is banned (checked here so a beat costs one query). */
  beat(ctx: ServiceContext, body: HeartbeatBody): HeartbeatReply | typeof BANNED {
    const d = this.find.get(ctx.now(), body.id);
    if (ctx.ip && (d ? d.bans !== null && this.matchBans(d.bans.split("\n"), ctx.ip) : this.isBanned(ctx.ip))) return BANNED;
    // Unknown (new, or deleted by an admin): ask for sysinfo, which registers it again.
    if (!d) return ctx.config.devices.registration === "closed" ? {} : { sysinfo: true };
    if (d.uuid === "") return { sysinfo: true }; // pre-registered: the first sysinfo binds the uuid
    if (d.uuid !== body.uuid) {
      this.guard.reportMismatch(ctx, { id: d.id, guid: d.guid, rdId: d.rd_id });
      return {};
    }
    const now = ctx.now();
    const conns = body.conns ?? [];
    this.presence.beat(d.id, now, ctx.ip ?? null, conns);
    const reply: HeartbeatReply = {};
    if (d.sysinfo_at === null || now - d.sysinfo_at > ctx.config.devices.sysinfo_max_age_hours * 3_600_000) reply.sysinfo = true;
    // A disabled (or not yet approved) device may not be used: every live connection is cut.
    const cut = d.enabled ? this.pendingCuts(d.id, d.queued, conns) : conns;
    if (cut.length) reply.disconnect = cut;
    return reply;
  }

  /**
   * Queued connection ids the device still reports. The ones it no longer reports (an idle beat
   * reports none) are done and dropped: ids are per-process counters a restarted client reuses.
   */
  private pendingCuts(deviceId: number, queued: string | null, conns: number[]): number[] {
    if (queued === null) return [];
    const live = new Set(conns);
    const cut: number[] = [];
    for (const c of queued.split(",").map(Number)) {
      if (live.has(c)) cut.push(c);
      else this.dequeue.run(deviceId, c);
    }
    return cut;
  }
}
