// POST /api/sysinfo as a service: trust on first use of (id, uuid), the registration policy, caps,
// and the presets a client may carry (preset-user-name, preset-device-group-name, preset-address-book-*),
// which the provisioning layer applies through the runtime's `provision` hook.
import { publish } from "../notify/events.ts";
import { eq, sql } from "drizzle-orm";
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { devicePresence, devices, type Sysinfo } from "../db/schema.ts";
import { invalid } from "../core/errors.ts";
import { abuseSubject } from "../net/cidr.ts";
import { BoundedMap } from "../net/bounded-map.ts";
import { WindowCounter } from "../net/window-counter.ts";
import { DEVICE_ID_RULE, isDeviceId } from "../net/device-id.ts";

export type DeviceRow = typeof devices.$inferSelect;

/** What a registration's presets set up: columns of the new row, then work once it exists (audit, address book). */
export interface Provisioning {
  readonly set: { ownerId?: number; groupId?: number; strategyId?: number };
  after(device: DeviceRow): void;
}

/** Reads a registering device's presets inside its transaction (wired by the app: src/provisioning/). */
export type ProvisionHook = (ctx: ServiceContext, body: Record<string, unknown>, info: Sysinfo) => Provisioning;

// client: src/hbbs_http/sync.rs:212-224 (rustdesk@7423dced): exactly "SYSINFO_UPDATED" marks the upload done and
// "ID_NOT_FOUND" is retried every 3 s; any other text is retried after 120 s, which refusals should get.
export type SysinfoOutcome = "SYSINFO_UPDATED" | "UUID_MISMATCH" | "NOT_REGISTERED" | "TRY_LATER" | "DEVICE_LIMIT";

const KEPT = ["cpu", "memory", "os", "hostname", "username", "version"];
const PRESETS = ["preset-address-book-name", "preset-address-book-tag", "preset-address-book-alias", "preset-address-book-note", "preset-note", "preset-user-name", "preset-strategy-name", "preset-device-group-name"];
export function checkDeviceId(id: unknown): string {
  if (!isDeviceId(id)) throw invalid(`missing or invalid id (${DEVICE_ID_RULE})`);
  return id;
}

export function checkUuid(uuid: unknown): string {
  if (typeof uuid !== "string" || uuid.length < 1 || uuid.length > 200) throw invalid("missing or invalid uuid");
  return uuid;
}

/** The fields worth keeping, as strings of bounded length; everything else is dropped. */
export function cleanSysinfo(body: Record<string, unknown>): Sysinfo {
  const out: Sysinfo = {};
  for (const k of [...KEPT, ...PRESETS]) {
    const v = body[k];
    if (typeof v === "string" && v !== "") out[k] = v.slice(0, 256);
  }
  return out;
}

/** Per-process limits on anonymous registrations. */
export class RegistrationGuard {
  readonly perIp: WindowCounter;
  /** Server-wide: behind a trusted proxy, a forged X-Forwarded-For per request makes every IP new. */
  readonly overall: WindowCounter;
  private lastLimitAudit = 0;
  private lastRateLog = 0;
  private counted: { n: number; at: number } | null = null;
  constructor(perHour: number, perMinute = Number.MAX_SAFE_INTEGER) {
    this.perIp = new WindowCounter(perHour, 3_600_000);
    this.overall = new WindowCounter(perMinute, 60_000);
  }

  /** False past devices.registrations_per_minute; says so in the log at most once an hour. */
  takeOverall(ctx: ServiceContext, now: number): boolean {
    if (this.overall.take("all", now)) return true;
    if (now - this.lastRateLog >= 3_600_000) {
      this.lastRateLog = now;
      ctx.log.warn(`new devices arrive faster than devices.registrations_per_minute (${ctx.config.devices.registrations_per_minute}): refused with TRY_LATER, the client retries in 120 s`);
    }
    return false;
  }

  /**
   * Registered devices, for the devices.max cap: counted at most once a minute and then kept up to
   * date by registrations (count(*) walks every row: at 100,000 devices that is per registration).
   */
  deviceCount(ctx: ServiceContext, now: number): number {
    if (!this.counted || now - this.counted.at > 60_000) this.counted = { n: ctx.db.select({ n: sql<number>`count(*)` }).from(devices).get()!.n, at: now };
    return this.counted.n;
  }

  registered(): void {
    if (this.counted) this.counted.n++;
  }

  // One audit row per device and hour (a cloned machine would otherwise write one every few seconds),
  // and at most 60 a minute in all: these come from unauthenticated requests.
  private readonly mismatchReported = new BoundedMap<number>(20_000);
  private readonly mismatchBudget = new WindowCounter(60, 60_000);

  reportMismatch(ctx: ServiceContext, device: { id: number; guid: string; rdId: string }): void {
    const now = ctx.now();
    const key = String(device.id);
    if (now - (this.mismatchReported.get(key) ?? 0) < 3_600_000) return;
    this.mismatchReported.set(key, now);
    if (!this.mismatchBudget.take("all", now)) return;
    emitAudit(ctx, "device.uuid_mismatch", target(device), { ip: ctx.ip });
    ctx.log.warn(`device ${device.rdId}: uuid differs from the registered one (ip ${ctx.ip ?? "?"}); use "rdconsole device rekey" if the machine was reinstalled`);
  }
  /** At most one "device limit reached" audit row and log line per hour. */
  shouldReportLimit(now: number): boolean {
    if (now - this.lastLimitAudit < 3_600_000) return false;
    this.lastLimitAudit = now;
    return true;
  }
}

const target = (d: { guid: string; rdId: string }) => ({ type: "device", guid: d.guid, name: d.rdId });

export function findDevice(ctx: ServiceContext, rdId: string): DeviceRow | undefined {
  return ctx.db.select().from(devices).where(eq(devices.rdId, rdId)).get();
}

/** `rt.known` forgets the device: its cached sysinfo time is not watched by the cache's triggers. */
export function reportSysinfo(ctx: ServiceContext, rt: { guard: RegistrationGuard; known: { forget(rdId: string): void }; provision: ProvisionHook }, body: Record<string, unknown>): SysinfoOutcome {
  const { guard } = rt;
  const rdId = checkDeviceId(body.id);
  const uuid = checkUuid(body.uuid);
  const info = cleanSysinfo(body);
  const now = ctx.now();
  return withTransaction(ctx, (tx) => {
    const existing = findDevice(tx, rdId);
    if (existing) {
      if (existing.uuid !== "" && existing.uuid !== uuid) {
        guard.reportMismatch(tx, existing);
        return "UUID_MISMATCH";
      }
      tx.db.update(devices).set({ uuid, sysinfo: info, sysinfoAt: now, updatedAt: now }).where(eq(devices.id, existing.id)).run();
      seen(tx, existing.id, now);
      rt.known.forget(rdId);
      return "SYSINFO_UPDATED";
    }
    const policy = tx.config.devices.registration;
    if (policy === "closed") return "NOT_REGISTERED";
    if (tx.ip && !guard.perIp.take(abuseSubject(tx.ip), now)) return "TRY_LATER";
    if (!guard.takeOverall(tx, now)) return "TRY_LATER";
    if (guard.deviceCount(tx, now) >= tx.config.devices.max) {
      if (guard.shouldReportLimit(now)) {
        tx.log.error(`device limit reached (devices.max = ${tx.config.devices.max}): new devices are refused`);
        emitAudit(tx, "device.limit_reached", { type: "device", name: rdId }, { max: tx.config.devices.max });
      }
      return "DEVICE_LIMIT";
    }
    const approval = policy === "approval";
    const provisioning = rt.provision(tx, body, info);
    const row = tx.db
      .insert(devices)
      .values({ rdId, uuid, sysinfo: info, sysinfoAt: now, enabled: !approval, pending: approval, createdAt: now, updatedAt: now, ...provisioning.set })
      .returning()
      .get();
    seen(tx, row.id, now);
    guard.registered();
    emitAudit(tx, "device.register", target(row), { hostname: info.hostname, os: info.os, pending: approval });
    publish(tx, {
      kind: "device",
      title: `New device ${rdId}${info.hostname ? ` (${info.hostname})` : ""}${approval ? " is waiting for approval" : " registered"}`,
      data: { device: rdId, hostname: info.hostname ?? null, os: info.os ?? null, username: info.username ?? null, ip: tx.ip ?? null, pending: approval },
    });
    provisioning.after(row);
    return "SYSINFO_UPDATED";
  });
}

/** A sysinfo upload is contact too: last seen and IP, written at once (the row is the trigger's). */
function seen(ctx: ServiceContext, deviceId: number, now: number): void {
  ctx.db.update(devicePresence).set({ lastSeenAt: now, lastIp: ctx.ip ?? null }).where(eq(devicePresence.deviceId, deviceId)).run();
}
