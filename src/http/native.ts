// Device endpoints served as native Bun routes (audit posts, recording uploads): what the Elysia
// pipeline does for every request — client IP and start time for the access log, bans, the
// declared body size, CORS, the one error mapping — done here without the framework's per-request
// work. The heartbeat has its own, leaner path (heartbeat-route.ts).
import type { Server } from "bun";
import type { Config } from "../config/schema.ts";
import type { Logger } from "../core/log.ts";
import type { AccessLog } from "./access-log.ts";
import { corsPolicy } from "./cors.ts";
import { toErrorResponse } from "./errors.ts";
import type { Gate } from "./gate.ts";
import { clientIpOf } from "./request-info.ts";

const NO_METHODS = { allowed: () => [] };

export type NativeRoute = ReturnType<typeof nativeRoutes>;

export function nativeRoutes(config: Config, log: Logger, gate: Gate, access: AccessLog) {
  const cors = corsPolicy(config.server.cors_origins);
  return (path: string, handle: (request: Request, ip: string | undefined) => Promise<Response> | Response, bodyLimit?: number) =>
    async (request: Request, server: Server<unknown>): Promise<Response> => {
      let response = gate.admit(request, server, true, bodyLimit);
      if (!response) {
        try {
          response = await handle(request, clientIpOf(request));
        } catch (e) {
          response = toErrorResponse("UNKNOWN", e, request, log, NO_METHODS);
        }
      }
      const headers: Record<string, string | number> = {};
      cors(request, headers);
      for (const [k, v] of Object.entries(headers)) response.headers.set(k, String(v));
      access(request, response.status, path);
      return response;
    };
}
