// startServer: data dir → lock → open + migrate → createApp → listen. stop(): stop accepting,
// let in-flight requests finish (bounded), run shutdown hooks, close the database, release the lock.
import { createApp } from "./app.ts";
import { loadConsoleDev } from "./system/console-dev.ts";
import type { Config } from "./config/schema.ts";
import { Counters, RateMeter } from "./core/counters.ts";
import type { LiveConfig } from "./config/live.ts";
import type { LoadedConfig } from "./config/load.ts";
import { systemActor, type ServiceContext } from "./core/context.ts";
import { openDb } from "./db/client.ts";
import { startJobs } from "./jobs/scheduler.ts";
import { createMailer } from "./mail/mailer.ts";
import { createDeliverer } from "./notify/deliver.ts";
import { startNotifier } from "./notify/notifier.ts";
import { RecordingStore } from "./recordings/store.ts";
import { createDeviceRuntime } from "./devices/runtime.ts";
import { createEventHub } from "./events/hub.ts";
import { logRingOf } from "./core/log.ts";
import { deviceHooks } from "./provisioning/hooks.ts";
import { ensureDataDir } from "./lifecycle/data-dir.ts";
import { drain } from "./lifecycle/drain.ts";
import { cliInvocation } from "./lifecycle/invocation.ts";
import { acquireLock } from "./lifecycle/lock.ts";
import { removeSetupCode, setupCodePath, writeSetupCode } from "./lifecycle/setup-code.ts";
import type { Logger } from "./core/log.ts";
import { hasActiveAdmin } from "./users/service.ts";
import { openLiveConfig } from "./settings/store.ts";
import { currentTargets } from "./notifications/deliveries.ts";
import { versionLine } from "./core/version.ts";
import { listenMetrics, type MetricsListener } from "./metrics/listener.ts";
import { createMetrics } from "./metrics/registry.ts";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The metrics listener's bound port, when metrics.listen is set. */
  readonly metricsPort?: number;
  stop(): Promise<void>;
}

export async function startServer(loaded: LoadedConfig, log: Logger): Promise<RunningServer> {
  const dir = loaded.config.data.dir;
  ensureDataDir(dir);
  const lock = acquireLock(dir);
  let database: ReturnType<typeof openDb>;
  try {
    database = openDb(dir, undefined, loaded.config.data.mmap_size);
  } catch (e) {
    lock.release();
    throw e;
  }
  const now = () => Date.now();
  const consoleDev = process.env.RDC_CONSOLE_DEV === "1" ? await loadConsoleDev() : undefined;
  const startedAt = now();
  const counters = new Counters();
  const heartbeatRate = new RateMeter(() => counters.heartbeats);
  let live: LiveConfig;
  try {
    live = openLiveConfig(loaded, database.sqlite, log);
  } catch (e) {
    database.close();
    lock.release();
    throw e;
  }
  // From here on the config includes the console settings (src/config/layers.ts), runtime keys live.
  const config = live.config;
  let devices: ReturnType<typeof createDeviceRuntime>;
  let app: ReturnType<typeof createApp>;
  let notifier: ReturnType<typeof startNotifier>;
  const events = createEventHub(database.sqlite, logRingOf(log));
  let metrics: ReturnType<typeof createMetrics> | undefined;
  try {
    devices = createDeviceRuntime(config, database.sqlite, deviceHooks(database.sqlite), counters);
    // The notifier starts after the app; status and metrics read it only once requests (or scrapes) come in.
    const notifications = () => notifier.stats();
    if (config.metrics.listen) metrics = createMetrics({ config, db: database.db, sqlite: database.sqlite, log, now, startedAt, counters, events, notifications });
    app = createApp({ config, db: database.db, sqlite: database.sqlite, log, now, devices, live, events, consoleDev, startedAt, heartbeatRate, notifications, observeRequest: metrics?.observeRequest });
    metrics?.knowRoutes(app.routes.map((r) => r.path));
    notifier = startNotifier(config, log, createDeliverer(config, createMailer(config.smtp)), { targets: currentTargets(config, database.sqlite) });
  } catch (e) {
    database.close();
    lock.release();
    throw e;
  }
  const flushStrategies = () => {
    try {
      counters.strategy_confirmations += devices.strategies.flush();
    } catch (e) {
      log.error("strategy confirmations flush failed", e); // kept in memory: the next flush retries
    }
  };
  const flushPresence = (all = false) => {
    flushStrategies();
    try {
      devices.presence.flush(Date.now(), all);
    } catch (e) {
      log.error("presence flush failed", e); // kept in memory: the next flush retries
    }
  };
  let flushing: Promise<unknown> | null = null;
  const flusher = setInterval(() => {
    flushStrategies();
    const started = performance.now();
    flushing ??= devices.presence
      .flushInChunks()
      .then((rows) => rows > 0 && metrics?.observeFlush((performance.now() - started) / 1000))
      .catch((e) => log.error("presence flush failed", e)) // kept in memory: the next flush retries
      .finally(() => (flushing = null));
  }, config.devices.flush_ms);
  const ctx: ServiceContext = { db: database.db, config, log, actor: systemActor, now };
  const jobs = startJobs(database.sqlite, ctx, new RecordingStore(dir), [heartbeatRate]);
  let metricsListener: MetricsListener | undefined;
  try {
    if (metrics) metricsListener = listenMetrics(config.metrics.listen, metrics, log);
    app.listen({ hostname: config.server.host, port: config.server.port, development: consoleDev ? { hmr: true } : false });
  } catch (e) {
    clearInterval(flusher);
    await metricsListener?.stop();
    metrics?.stop();
    await jobs.stop();
    await notifier.stop(0);
    database.close();
    lock.release();
    if (metrics && !metricsListener) throw e; // listenMetrics says which address and key
    throw new Error(`cannot listen on ${config.server.host}:${config.server.port}: ${(e as Error).message}`);
  }
  const server = app.server!;
  const url = `http://${server.hostname?.includes(":") ? `[${server.hostname}]` : server.hostname}:${server.port}`;
  log.info(`${versionLine()} listening on ${url}, data dir ${dir}`);
  if (metricsListener) log.info(`metrics at ${metricsListener.url}`);
  try {
    // First run: a fresh one-time code for creating the first administrator from a browser; void once one exists.
    if (!hasActiveAdmin(ctx)) {
      const code = writeSetupCode(dir);
      const consoleUrl = `${config.server.public_url || url}/console/`;
      log.warn(`no admin user yet; create one with: ${cliInvocation()} user create admin --admin, or at ${consoleUrl} with the one-time setup code ${code} (also in ${setupCodePath(dir)})`);
    } else removeSetupCode(dir);
  } catch (e) {
    log.warn("could not check for an admin user", e); // a hint only: the server runs on
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info("shutting down");
      events.close(); // live event streams never finish by themselves
      const { forced } = await drain(server, config.server.shutdown_timeout * 1000);
      if (forced) log.warn(`requests still running after ${config.server.shutdown_timeout}s were cut off`);
      await metricsListener?.stop();
      metrics?.stop();
      clearInterval(flusher);
      await jobs.stop();
      await notifier.stop(2000);
      await flushing; // a chunked flush in progress finishes first; then everything left is written
      flushPresence(true);
      database.close();
      lock.release();
      log.info("stopped");
    })());
  return { url, port: server.port ?? config.server.port, metricsPort: metricsListener?.port, stop };
}

/** Runs until SIGTERM/SIGINT, then stops gracefully and exits 0. */
export async function serveUntilSignal(loaded: LoadedConfig, log: Logger): Promise<void> {
  const running = await startServer(loaded, log);
  await new Promise<void>((resolve) => {
    const onSignal = (signal: string) => {
      log.info(`received ${signal}`);
      running.stop().then(resolve, (e) => {
        log.error("shutdown failed", e);
        process.exit(1);
      });
    };
    process.once("SIGTERM", () => onSignal("SIGTERM"));
    process.once("SIGINT", () => onSignal("SIGINT"));
  });
}
