// One line per request: method, path, status, duration, client IP. Never bodies, queries or tokens.
// The same call feeds the request metrics, when an observer is given (src/metrics/http.ts).
import type { Config } from "../config/schema.ts";
import type { Logger } from "../core/log.ts";
import { clientIpOf, startOf } from "./request-info.ts";

/** `path`, when the caller knows it, spares parsing the URL (the heartbeat's hot path). */
export type AccessLog = (request: Request, status: number, path?: string) => void;

/** Told of every request that reaches the access log: `ms` since it arrived, or undefined where unknown. */
export type RequestObserver = (path: string, status: number, ms: number | undefined) => void;

export function accessLog(config: Config, log: Logger, observe?: RequestObserver): AccessLog {
  const write = logLine(config, log);
  if (!observe) return write;
  return (request, status, knownPath) => {
    const path = knownPath ?? new URL(request.url).pathname;
    const start = startOf(request);
    observe(path, status, start === undefined ? undefined : performance.now() - start);
    write(request, status, path);
  };
}

function logLine(config: Config, log: Logger): AccessLog {
  if (!config.log.requests) return () => {};
  const http = log.withTag("http");
  const json = config.log.format === "json";
  // Every device posts these every few seconds: at info level they would drown everything else.
  const chatty = new Set(["/api/heartbeat", "/api/sysinfo", "/api/sysinfo_ver"]);
  const debugOn = () => log.level >= 4;
  return (request, status, knownPath) => {
    const path = knownPath ?? new URL(request.url).pathname;
    const level = chatty.has(path) && status < 400 ? "debug" : "info";
    if (level === "debug" && !debugOn()) return;
    const start = startOf(request);
    const ms = start === undefined ? 0 : Math.round((performance.now() - start) * 10) / 10;
    const ip = clientIpOf(request) ?? "-";
    if (json) http[level]("request", { method: request.method, path, status, ms, ip });
    else http[level](`${request.method} ${path} ${status} ${ms}ms ${ip}`);
  };
}
