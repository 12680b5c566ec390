// The metric families /metrics serves, through prom-client. Counters and gauges are filled at scrape time from
// one snapshot (snapshot.ts): the hot paths only bump plain numbers (src/core/counters.ts) or write the rows
// they wrote anyway. The two histograms (HTTP requests, presence flushes) are observed as things happen.
// prom-client's collectDefaultMetrics is not used: under Bun its heap-space gauges read 0 and process_heap_bytes
// is the virtual size; RSS, heap and event-loop delay are reported here from what Bun measures right.
import client from "prom-client";
import { backupCounters } from "../backups/schedule.ts";
import { BUILD } from "../core/version.ts";
import { tallyKey } from "./audit-tally.ts";
import { requestMetrics } from "./http.ts";
import { snapshotReader, type Snapshot } from "./snapshot.ts";
import type { MetricsSources } from "./sources.ts";

type Labels = Record<string, string>;
type Read = (s: Snapshot) => [Labels, number][] | number;

export function createMetrics(src: MetricsSources) {
  const registry = new client.Registry();
  const reader = snapshotReader(src);
  let snap: Snapshot | null = null;
  const fill = (read: Read) =>
    function (this: client.Counter | client.Gauge) {
      const v = read(snap ?? (snap = reader.read()));
      this.reset();
      if (typeof v === "number") this.inc(v);
      else for (const [labels, n] of v) this.inc(labels, n);
    };
  const counter = (name: string, help: string, labelNames: string[], read: Read) =>
    new client.Counter({ name: `rdconsole_${name}`, help, labelNames, registers: [registry], collect: fill(read) });
  const gauge = (name: string, help: string, labelNames: string[], read: Read) =>
    new client.Gauge({ name: `rdconsole_${name}`, help, labelNames, registers: [registry], collect: fill(read) });
  const tally = (s: Snapshot, action: Parameters<typeof tallyKey>[0], method = "") => s.tally.get(tallyKey(action, method)) ?? 0;

  counter("heartbeats_total", "Heartbeats by result: ok, banned (a banned device), refused (malformed, too large, or from a banned IP)", ["result"], (s) => [
    [{ result: "ok" }, s.counters.heartbeats - s.counters.heartbeats_banned],
    [{ result: "banned" }, s.counters.heartbeats_banned],
    [{ result: "refused" }, s.counters.heartbeats_refused],
  ]);
  gauge("devices_registered", "Devices registered (pending ones included)", [], (s) => s.devices.registered);
  gauge("devices_online", "Devices heard from within devices.offline_after_seconds", [], (s) => s.devices.online);
  gauge("devices_pending", "Devices waiting for approval", [], (s) => s.devices.pending);
  counter("registrations_total", "New devices registered", [], (s) => tally(s, "device.register"));
  counter("registrations_refused_total", "New devices refused, by reason: closed (registration closed), rate (over a registration limit), limit (devices.max reached)", ["reason"], (s) => [
    [{ reason: "closed" }, s.counters.registrations_refused_closed],
    [{ reason: "rate" }, s.counters.registrations_refused_rate],
    [{ reason: "limit" }, s.counters.registrations_refused_limit],
  ]);
  counter("logins_total", "Logins (client and console) by method and result; failures count every attempt", ["method", "result"], (s) => {
    const out: [Labels, number][] = [];
    for (const [key, n] of s.tally) {
      const [action, method] = key.split("\t") as [string, string];
      if (action === "auth.login") out.push([{ method, result: "ok" }, n]);
      else if (action.endsWith("_failed")) out.push([{ method, result: "failed" }, n]);
    }
    return out.length ? out : [[{ method: "password", result: "ok" }, 0]];
  });
  counter("lockouts_total", "Accounts or IPs locked out after failed logins", [], (s) => tally(s, "auth.lockout"));
  counter("bans_added_total", "IP bans added (automatic and by an administrator)", [], (s) => tally(s, "ban.add"));
  gauge("bans_active", "IP bans in force now", [], (s) => s.bansActive);
  counter("audit_posts_total", "Device audit posts by kind (conn, file, alarm, note) and result (accepted, refused)", ["kind", "result"], (s) =>
    (["conn", "file", "alarm", "note"] as const).flatMap((kind): [Labels, number][] => [
      [{ kind, result: "accepted" }, s.counters[`audit_${kind}_accepted`]],
      [{ kind, result: "refused" }, s.counters[`audit_${kind}_refused`]],
    ]),
  );
  counter("notifications_total", "Notification deliveries (webhooks, e-mails) by result: ok, failed (after every retry), dropped (rate limit or full queue)", ["result"], (s) => [
    [{ result: "ok" }, s.notifications?.delivered ?? 0],
    [{ result: "failed" }, s.notifications?.failed ?? 0],
    [{ result: "dropped" }, s.notifications?.dropped ?? 0],
  ]);
  gauge("notification_queue_depth", "Notification deliveries waiting, being retried or in flight", [], (s) => s.notifications?.pending ?? 0);
  counter("enrolments_total", "Devices enrolled with an enrolment key", [], (s) => tally(s, "device.enrol"));
  counter("strategy_deliveries_total", "Strategies handed to devices in heartbeat replies", [], (s) => s.counters.strategy_deliveries);
  counter("strategy_confirmations_total", "Strategy deliveries confirmed by the devices' next heartbeats", [], (s) => s.counters.strategy_confirmations);
  counter("backups_total", "Scheduled backups by result (ok, failed); a failure is also logged and notified", ["result"], () => [
    [{ result: "ok" }, backupCounters.succeeded],
    [{ result: "failed" }, backupCounters.failed],
  ]);
  gauge("backup_last_success_timestamp_seconds", "When the last scheduled backup succeeded (Unix seconds; 0: none since start)", [], () => Math.floor(backupCounters.lastSuccessAt / 1000));
  gauge("sse_clients", "Live event streams open (GET /api/admin/events)", [], (s) => s.sseClients);
  gauge("database_bytes", "Size of the SQLite database file", [], (s) => s.database.size);
  gauge("database_wal_bytes", "Size of the SQLite write-ahead log", [], (s) => s.database.wal);
  gauge("event_loop_lag_seconds", "Event-loop delay since the previous scrape, by quantile (0.5, 0.99, 1 = max)", ["quantile"], (s) => [
    [{ quantile: "0.5" }, s.lag.p50],
    [{ quantile: "0.99" }, s.lag.p99],
    [{ quantile: "1" }, s.lag.max],
  ]);
  gauge("process_resident_memory_bytes", "Resident set size of the server process", [], (s) => s.memory.rss);
  gauge("process_heap_used_bytes", "JavaScript heap in use", [], (s) => s.memory.heapUsed);
  gauge("uptime_seconds", "Seconds since the server started", [], (s) => s.uptime);
  new client.Gauge({ name: "rdconsole_build_info", help: "Version and commit of the running server (always 1)", labelNames: ["version", "commit"], registers: [registry] }).set({ version: BUILD.version, commit: BUILD.commit }, 1);

  const flushes = new client.Histogram({
    name: "rdconsole_presence_flush_duration_seconds",
    help: "Time one presence flush (last seen, IP, live connections of the devices that beat) took to write",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const http = requestMetrics(registry);

  return {
    registry,
    observeRequest: http.observe,
    knowRoutes: http.knowRoutes,
    observeFlush: (seconds: number) => flushes.observe(seconds),
    /** The text exposition of one scrape. */
    async text(): Promise<string> {
      snap = null;
      try {
        return await registry.metrics();
      } finally {
        snap = null;
      }
    },
    contentType: registry.contentType,
    stop: () => reader.stop(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
