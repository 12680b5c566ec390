// The metrics' own listener (Headscale's pattern): /metrics on metrics.listen, apart from the main port, so it
// can stay on loopback or a private network while the API faces the internet. Nothing else is served there.
import { splitListen } from "../config/fields.ts";
import type { Logger } from "../core/log.ts";
import type { Metrics } from "./registry.ts";

export interface MetricsListener {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Throws a clear error when the address cannot be bound (in use, not local, no permission). */
export function listenMetrics(listen: string, metrics: Metrics, log: Logger): MetricsListener {
  const { host, port } = splitListen(listen);
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({
      hostname: host,
      port,
      development: false,
      async fetch(request) {
        const path = new URL(request.url).pathname;
        if (path !== "/metrics" || (request.method !== "GET" && request.method !== "HEAD")) return new Response("not found; metrics are at /metrics\n", { status: 404 });
        return new Response(await metrics.text(), { headers: { "content-type": metrics.contentType } });
      },
      error(e) {
        log.error("metrics scrape failed", e);
        return new Response("metrics unavailable\n", { status: 500 });
      },
    });
  } catch (e) {
    throw new Error(`cannot listen for metrics on ${listen} (metrics.listen): ${(e as Error).message}`);
  }
  const bound = server.port ?? port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}/metrics`,
    port: bound,
    stop: () => server.stop(true),
  };
}
