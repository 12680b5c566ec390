// Registered devices as a heartbeat needs them, kept in memory: under load one SQLite statement
// costs ~16 µs (the read lock and a cold cache), more than the rest of a beat together.
// Triggers (migrations 0006, 0010) bump state_versions 'heartbeat' on every change a beat depends on —
// rd_id, uuid, enabled, owner, group, strategy, deletes, queued cuts — 'bans' on ban changes and
// 'strategies' on strategy changes (read by the strategy delivery), whoever makes them, this
// process or the CLI. The counters are read after any local commit and at least every CHECK_MS of
// the server's clock; when one moved, the devices or the ban list are read again. These are admin
// actions: a full drop costs one query per device's next beat, as before the cache. sysinfo_at is
// not watched (a large fleet uploads sysinfo all the time): the upload forgets its own device, and
// a heartbeat that completes a queued cut forgets its own.
import type { Database } from "bun:sqlite";
import { localCommits } from "../core/context.ts";
import { emptySlot, type PresenceSlot } from "./presence.ts";

interface DeviceRow {
  id: number;
  uuid: string;
  enabled: number;
  sysinfo_at: number | null;
  /** Queued disconnects, comma-separated (or null). */
  queued: string | null;
  owner_id: number | null;
  group_id: number | null;
  strategy_id: number | null;
}

/** What the strategy delivery remembers of a device between beats (loaded by it on first use). */
export interface StrategyState {
  /** Keys this server may have set on the device. */
  keys: readonly string[];
  sentStamp: number | null;
  confirmedStamp: number | null;
  /** In memory: the confirmed stamp for which `keys` is known to be exactly its options' keys. */
  settled?: number;
}

/** The device as a beat needs it, and its presence (written by presence.ts). */
export type KnownDevice = Pick<DeviceRow, "uuid" | "enabled" | "sysinfo_at" | "queued" | "owner_id" | "group_id" | "strategy_id"> &
  PresenceSlot & { strategy?: StrategyState };

const CHECK_MS = 50;

export class KnownDevices {
  private readonly devices = new Map<string, KnownDevice>();
  private bans: { cidrs: string[]; until: number } | null = null;
  private version: number | null = null;
  private bansVersion: number | null = null;
  /** The 'strategies' counter as last read: the strategy delivery reloads when it moves. */
  strategiesVersion: number | null = null;
  private commitsSeen = -1;
  private checkedAt = 0;
  private readonly readVersion;
  private readonly find;
  private readonly readBans;

  constructor(sqlite: Database) {
    this.readVersion = sqlite.prepare<{ devices: number | null; bans: number | null; strategies: number | null }, []>(
      "SELECT (SELECT n FROM state_versions WHERE name = 'heartbeat') AS devices, (SELECT n FROM state_versions WHERE name = 'bans') AS bans, (SELECT n FROM state_versions WHERE name = 'strategies') AS strategies",
    );
    this.find = sqlite.prepare<DeviceRow, [string]>(
      "SELECT id, uuid, enabled, sysinfo_at, owner_id, group_id, strategy_id, (SELECT group_concat(conn_id) FROM device_disconnects WHERE device_id = devices.id) AS queued FROM devices WHERE rd_id = ?",
    );
    this.readBans = sqlite.prepare<{ cidr: string; expires_at: number | null }, [number]>("SELECT cidr, expires_at FROM bans WHERE expires_at IS NULL OR expires_at > ?");
  }

  /** Drops what changed in the database under the cache; call once per beat, before reading. */
  sync(now: number): void {
    const commits = localCommits();
    if (commits === this.commitsSeen && now - this.checkedAt < CHECK_MS && now >= this.checkedAt) return;
    this.commitsSeen = commits;
    this.checkedAt = now;
    const v = this.readVersion.get() ?? { devices: null, bans: null, strategies: null };
    this.strategiesVersion = v.strategies;
    if (v.bans !== this.bansVersion || v.bans === null) {
      this.bansVersion = v.bans;
      this.bans = null;
    }
    if (v.devices === this.version && v.devices !== null) return;
    this.version = v.devices;
    for (const d of this.devices.values()) d.retired = true;
    this.devices.clear();
  }

  /** The device registered under `rdId`, or undefined. Unknown ids are not cached (they are not bounded). */
  get(rdId: string): KnownDevice | undefined {
    let d = this.devices.get(rdId);
    if (d === undefined) {
      const row = this.find.get(rdId);
      if (row === null) return undefined;
      // Its presence counts as unwritten: one write after a drop, which a 15 s beat gets anyway at
      // the 10 s resolution (joining device_presence here tripled the cost of a miss).
      const { uuid, enabled, sysinfo_at, queued, owner_id, group_id, strategy_id } = row;
      d = { ...emptySlot(row.id), uuid, enabled, sysinfo_at, queued, owner_id, group_id, strategy_id };
      this.devices.set(rdId, d);
    }
    return d;
  }

  forget(rdId: string): void {
    const d = this.devices.get(rdId);
    if (d === undefined) return;
    d.retired = true;
    this.devices.delete(rdId);
  }

  /** The active bans' CIDR texts at `now`; re-read when the earliest of them expires. */
  activeBans(now: number): readonly string[] {
    if (this.bans === null || now >= this.bans.until) {
      const rows = this.readBans.all(now);
      this.bans = { cidrs: rows.map((r) => r.cidr), until: rows.reduce((m, r) => Math.min(m, r.expires_at ?? Infinity), Infinity) };
    }
    return this.bans.cidrs;
  }

  get size(): number {
    return this.devices.size;
  }
}
