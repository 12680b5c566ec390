// Runs first for every request: client IP, IP bans, body-size limit, CORS for /api/*, and the access log.
import { Elysia } from "elysia";
import type { Config } from "../config/schema.ts";
import type { Logger } from "../core/log.ts";
import { accessLog, type RequestObserver } from "./access-log.ts";
import { chunkedParser } from "./body-limit.ts";
import { corsPolicy } from "./cors.ts";
import type { Gate } from "./gate.ts";

export function pipeline(config: Config, log: Logger, gate: Gate, observe?: RequestObserver) {
  const cors = corsPolicy(config.server.cors_origins);
  const logRequest = accessLog(config, log, observe);
  // Responses returned from onRequest skip onAfterResponse (so they are logged here) and set.headers
  // (so CORS is copied: a browser must be able to read the 413 or the ban).
  const early = (request: Request, response: Response, headers: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(headers)) if (!response.headers.has(k)) response.headers.set(k, String(v));
    logRequest(request, response.status);
    return response;
  };
  return new Elysia({ name: "rdconsole/pipeline" })
    .onRequest(({ request, server, set }) => {
      const stop = gate.admit(request, server);
      const preflight = cors(request, set.headers);
      if (stop) return early(request, stop, set.headers);
      if (preflight) return early(request, preflight, {});
    })
    .onParse({ as: "global" }, chunkedParser(() => config.server.body_limit))
    .onAfterResponse({ as: "global" }, ({ request, set, responseValue }) => {
      logRequest(request, responseValue instanceof Response ? responseValue.status : Number(set.status ?? 200));
    });
}
