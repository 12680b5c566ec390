// Request metrics by route family and status class: one histogram, bounded labels. A family is the route's
// first static segment under /api/admin/, /api/ or /, and only one the app registers: any other path (a scan,
// a typo, a device id) is "other", so no caller can grow the label set. The heartbeat's native route is not
// observed at all (src/app.ts): it is the busiest path and counted by rdconsole_heartbeats_total instead.
import client from "prom-client";
import type { RequestObserver } from "../http/access-log.ts";

const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The family of a request path or a route pattern (`/api/admin/users/:guid` → `/api/admin/users`). */
export function familyOf(path: string): string {
  const parts = path.split("/", 5); // "", "api", "admin", noun, …
  if (parts[1] === "api") return parts[2] === "admin" && parts[3] ? `/api/admin/${parts[3]}` : parts[2] ? `/api/${parts[2]}` : "/api";
  return parts[1] ? `/${parts[1]}` : "/";
}

const statusClass = (status: number) => (status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other");

export function requestMetrics(registry: client.Registry) {
  const histogram = new client.Histogram({
    name: "rdconsole_http_request_duration_seconds",
    help: "HTTP requests on the main port by route family and status class, and how long they took (the heartbeat excluded: see rdconsole_heartbeats_total)",
    labelNames: ["family", "status"] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  let known = new Set<string>();
  const observe: RequestObserver = (path, status, ms) => {
    const family = familyOf(path);
    histogram.observe({ family: known.has(family) ? family : "other", status: statusClass(status) }, (ms ?? 0) / 1000);
  };
  return {
    observe,
    /** The app's route patterns, once it is built: their families are the only ones labelled. */
    knowRoutes(paths: Iterable<string>): void {
      known = new Set([...paths].map(familyOf).filter((f) => !/[:*]/.test(f)));
    },
  };
}
