// Runs first for every request: client IP, IP bans, body-size limit, CORS for /api/*, and the access log.
import { Elysia } from "elysia";
import type { Config } from "../config/schema.ts";
import type { Logger } from "../log.ts";
import { accessLog } from "./access-log.ts";
import { chunkedParser, declaredTooLarge, tooLarge } from "./body-limit.ts";
import { compileCidrs, resolveClientIp } from "./client-ip.ts";
import { corsPolicy } from "./cors.ts";
import { setRequestInfo } from "./request-info.ts";

const banned = () =>
  new Response(JSON.stringify({ error: "Your IP address is banned from this server" }), {
    status: 403,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

export function pipeline(config: Config, log: Logger, isBanned: (ip: string) => boolean) {
  const trusted = compileCidrs(config.server.trusted_proxies);
  const limit = config.server.body_limit;
  const cors = corsPolicy(config.server.cors_origins);
  const logRequest = accessLog(config, log);
  // Responses returned from onRequest skip onAfterResponse (so they are logged here) and set.headers
  // (so CORS is copied: a browser must be able to read the 413 or the ban).
  const early = (request: Request, response: Response, headers: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(headers)) if (!response.headers.has(k)) response.headers.set(k, String(v));
    logRequest(request, response.status);
    return response;
  };
  return new Elysia({ name: "rdconsole/pipeline" })
    .onRequest(({ request, server, set }) => {
      const socketIp = server?.requestIP(request)?.address;
      const ip = resolveClientIp(socketIp, request.headers.get("x-forwarded-for"), trusted);
      setRequestInfo(request, ip);
      const preflight = cors(request, set.headers);
      if (ip && isBanned(ip)) return early(request, banned(), set.headers);
      if (preflight) return early(request, preflight, {});
      if (declaredTooLarge(request, limit)) return early(request, tooLarge(limit), set.headers);
    })
    .onParse({ as: "global" }, chunkedParser(limit))
    .onAfterResponse({ as: "global" }, ({ request, set, responseValue }) => {
      logRequest(request, responseValue instanceof Response ? responseValue.status : Number(set.status ?? 200));
    });
}
