// The checks every request passes before any handler: client IP, IP bans, declared body size.
// Shared by the Elysia pipeline and the native fast path of the heartbeat.
import type { Server } from "bun";
import type { Config } from "../config/schema.ts";
import { declaredTooLarge, tooLarge } from "./body-limit.ts";
import { compileCidrs, resolveClientIp } from "./client-ip.ts";
import { HEADER_LIMIT, headersTooLarge } from "./header-limit.ts";
import { setRequestInfo } from "./request-info.ts";
import { errorResponse } from "./errors.ts";

export interface Gate {
  /** The client IP, or the response that stops the request here; records nothing (the heartbeat's hot path). */
  check(request: Request, server: Server<unknown> | null | undefined, checkBan: boolean, bodyLimit?: number): { ip: string | undefined } | Response;
  /**
   * Records the request's client IP and start time; returns a response when it must stop here.
   * `checkBan: false` for a caller that checks bans itself (the heartbeat, in its one query).
   */
  admit(request: Request, server: Server<unknown> | null | undefined, checkBan?: boolean, bodyLimit?: number): Response | undefined;
}

const headersRefused = () => errorResponse(431, `request headers too large (limit ${HEADER_LIMIT} bytes)`, { connection: "close" });

export const bannedResponse = () => errorResponse(403, "Your IP address is banned from this server");

export function createGate(config: Config, isBanned: (ip: string) => boolean): Gate {
  const trusted = compileCidrs(config.server.trusted_proxies);
  // X-Forwarded-For only matters behind a trusted proxy; not reading it spares the heartbeat's hot path.
  const clientIp = (request: Request, server: Server<unknown> | null | undefined) =>
    resolveClientIp(server?.requestIP(request)?.address, trusted.length ? request.headers.get("x-forwarded-for") : null, trusted);
  return {
    // server.body_limit is read per request (it can change at runtime, src/config/live.ts); the heartbeat
    // passes the value it started with.
    check(request, server, checkBan, bodyLimit = config.server.body_limit) {
      // The heartbeat's gate: summing every header cost ~2.7 points of its throughput (bench:heartbeat), and its
      // client sends ~150 bytes of them. Measured only where a large one is realistic (credentials); any other
      // stays within Bun's ceiling (header-limit.ts).
      if ((request.headers.has("authorization") || request.headers.has("cookie")) && headersTooLarge(request)) return headersRefused();
      const ip = clientIp(request, server);
      if (checkBan && ip && isBanned(ip)) return bannedResponse();
      if (declaredTooLarge(request, bodyLimit)) return tooLarge(bodyLimit);
      return { ip };
    },
    admit(request, server, checkBan = true, bodyLimit = config.server.body_limit) {
      const ip = clientIp(request, server);
      setRequestInfo(request, ip);
      if (headersTooLarge(request)) return headersRefused();
      if (checkBan && ip && isBanned(ip)) return bannedResponse();
      if (declaredTooLarge(request, bodyLimit)) return tooLarge(bodyLimit);
    },
  };
}
