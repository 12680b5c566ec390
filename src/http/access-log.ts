// One line per request: method, path, status, duration, client IP. Never bodies, queries or tokens.
import type { Config } from "../config/schema.ts";
import type { Logger } from "../log.ts";
import { clientIpOf, startOf } from "./request-info.ts";

export type AccessLog = (request: Request, status: number) => void;

export function accessLog(config: Config, log: Logger): AccessLog {
  if (!config.log.requests) return () => {};
  const http = log.withTag("http");
  const json = config.log.format === "json";
  return (request, status) => {
    const start = startOf(request);
    const ms = start === undefined ? 0 : Math.round((performance.now() - start) * 10) / 10;
    const path = new URL(request.url).pathname;
    const ip = clientIpOf(request) ?? "-";
    if (json) http.info("request", { method: request.method, path, status, ms, ip });
    else http.info(`${request.method} ${path} ${status} ${ms}ms ${ip}`);
  };
}
