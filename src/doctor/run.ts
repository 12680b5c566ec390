// `rdconsole doctor` and GET /api/admin/doctor: every check, in a fixed order; the network ones run together.
import type { Config } from "../config/schema.ts";
import { guarded, type CheckResult } from "./check.ts";
import { checkClock, providerDates } from "./clock.ts";
import { checkConfig } from "./config.ts";
import { checkDatabase, WAL_WARN_BYTES } from "./database.ts";
import { checkDataDir, serverUid } from "./data-dir.ts";
import { checkDisk, DISK_THRESHOLDS, type DiskThresholds } from "./disk.ts";
import { checkHeartbeat } from "./heartbeat.ts";
import { checkPublicUrl } from "./public-url.ts";
import { checkRustdeskServers, checkServerKey } from "./rustdesk.ts";
import { checkSmtp } from "./smtp.ts";
import { checkSso } from "./sso.ts";
import { checkTls } from "./tls.ts";

export type { CheckResult, CheckStatus } from "./check.ts";

export interface DoctorInput {
  config: Config;
  /** The config file read; undefined: the running server's configuration. */
  file?: string | null;
  /** The running server's base URL on loopback, or null when it has no fixed port. */
  loopback: string | null;
  /** Console settings the server sets aside (src/doctor/settings.ts). */
  setAside?: string[];
  /** The uid the server runs as, when the caller knows it (the server itself). */
  serverUid?: number | null;
  /** Tests: thresholds, extra trusted roots, the hbbs key file's place, timeouts. */
  tune?: { disk?: DiskThresholds; walWarn?: number; ca?: string; hbbsKeyFile?: string; timeoutMs?: number; now?: () => number };
}

export async function runDoctor(input: DoctorInput): Promise<CheckResult[]> {
  const { config, tune = {} } = input;
  const dir = config.data.dir;
  const timeout = tune.timeoutMs ?? 5000;
  const local = [
    checkConfig(config, input.file, [], input.setAside),
    ...(await guarded("data dir", () => checkDataDir(dir, input.serverUid === undefined ? serverUid(dir) : input.serverUid))),
    ...(await guarded("database integrity", () => checkDatabase(dir, tune.walWarn ?? WAL_WARN_BYTES))),
    ...(await guarded("disk space", () => checkDisk(dir, tune.disk ?? DISK_THRESHOLDS))),
  ];
  const [url, tls, servers, key, smtp, sso, beat, dates] = await Promise.all([
    checkPublicUrl(config, timeout),
    guarded("tls certificate", () => checkTls(config, { ca: tune.ca, timeoutMs: timeout, now: tune.now?.() })),
    guarded("rustdesk servers", () => checkRustdeskServers(config, Math.min(timeout, 3000))),
    guarded("server key", () => checkServerKey(config, tune.hbbsKeyFile)),
    guarded("smtp", () => checkSmtp(config)),
    guarded("sso", () => checkSso(config)),
    guarded("heartbeat", () => checkHeartbeat(input.loopback, timeout)),
    providerDates(config, timeout),
  ]);
  const clock = checkClock([...dates, { source: "server.public_url's answer (a reverse proxy's clock, or this server's own)", date: url.date }], tune.now?.() ?? Date.now());
  return [...local, clock, url.result, ...tls, ...servers, ...key, ...smtp, ...sso, ...beat];
}

/** Exit status 1 (and ok false) when any check failed; warnings do not fail. */
export const doctorPassed = (checks: readonly CheckResult[]) => checks.every((c) => c.status !== "fail");
