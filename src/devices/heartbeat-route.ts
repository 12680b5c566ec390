// POST /api/heartbeat is the busiest endpoint (every device, every 3-15 s), so it is served as a
// native Bun route: the gate, a hand-checked body, the service, no framework in between. The
// Elysia route (docs, in-process tests) calls the same function, without the gate it already ran.
import type { Server } from "bun";
import type { CoreDeps } from "../core/deps.ts";
import type { AccessLog } from "../http/access-log.ts";
import { readCapped } from "../http/body-limit.ts";
import { anonymous, requestContext } from "../http/context.ts";
import { errorResponse } from "../http/errors.ts";
import { bannedResponse, type Gate } from "../http/gate.ts";
import { JSON_CONTENT_TYPE } from "../http/json.ts";
import { parseJsonText } from "../http/json-body.ts";
import { setRequestInfo } from "../http/request-info.ts";
import { isDeviceId } from "../net/device-id.ts";
import { BANNED, type HeartbeatBody } from "./heartbeat.ts";
import type { DeviceRuntime } from "./runtime.ts";

const SMALL_BODY = 4096;
const isI32 = (v: unknown) => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31;

/** The error for a body that is not a heartbeat, or null. Mirrors HeartbeatBody in model.ts. */
export function heartbeatProblem(b: unknown): string | null {
  if (!b || typeof b !== "object" || Array.isArray(b)) return "invalid body: Expected object";
  const o = b as Record<string, unknown>;
  if (!isDeviceId(o.id)) return 'invalid body: missing or invalid "id"';
  if (typeof o.uuid !== "string" || o.uuid.length < 1 || o.uuid.length > 200) return 'invalid body: missing or invalid "uuid"';
  // client: src/hbbs_http/sync.rs:235-270 (rustdesk@7423dced): conns [i32] (omitted when empty), modified_at and ver i64.
  if (o.conns !== undefined && (!Array.isArray(o.conns) || o.conns.length > 1000 || !o.conns.every(isI32))) return 'invalid body: "conns" must be a list of at most 1000 integers';
  for (const k of ["modified_at", "ver"]) if (o[k] !== undefined && !Number.isInteger(o[k])) return `invalid body: "${k}" must be an integer`;
  return null;
}

// A Headers instance, built once: from a plain object each response costs ~0.3 µs more (Bun 1.4.5).
const HEADERS = new Headers({ "content-type": JSON_CONTENT_TYPE });

/** Check and beat a parsed body. `ip`: given by the native route, which records no request info. */
export function respondHeartbeat(deps: CoreDeps, rt: DeviceRuntime, request: Request, body: unknown, ip?: string): Response {
  const problem = heartbeatProblem(body);
  if (problem) return errorResponse(400, problem);
  rt.counters.heartbeats++;
  const ctx = ip === undefined ? requestContext(deps, request) : { db: deps.db, config: deps.config, log: deps.log, now: deps.now, actor: anonymous(ip), ip };
  const reply = rt.heartbeats.beat(ctx, body as HeartbeatBody);
  if (reply === BANNED) {
    rt.counters.heartbeats_banned++;
    return bannedResponse();
  }
  // A strategy always comes with its modified_at: the idle beat's path reads nothing more.
  if (reply.sysinfo === undefined && reply.disconnect === undefined && reply.modified_at === undefined) return new Response("{}", { headers: HEADERS });
  if (reply.strategy !== undefined) rt.counters.strategy_deliveries++;
  return new Response(JSON.stringify(reply), { headers: HEADERS });
}

const malformed = () => errorResponse(400, "malformed request body (expected JSON)");

export function nativeHeartbeat(deps: CoreDeps, rt: DeviceRuntime, gate: Gate, log: AccessLog) {
  const limit = deps.config.server.body_limit;
  return async (request: Request, server: Server<unknown>): Promise<Response> => {
    const checked = gate.check(request, server, false, limit);
    let response = checked instanceof Response ? checked : undefined;
    if (!response) {
      try {
        // A body of a few KB cannot nest or spread far enough to cost anything (the stock client's is ~90 bytes,
        // a few KB with hundreds of conns): parsed natively; anything larger, or unsized, is scanned first.
        const declared = Number(request.headers.get("content-length") ?? NaN);
        const body = declared <= SMALL_BODY ? await request.json() : parseJsonText(declared > 0 ? await request.text() : await readCapped(request, limit));
        response = respondHeartbeat(deps, rt, request, body, (checked as { ip: string | undefined }).ip ?? "");
      } catch (e) {
        const status = (e as { status?: number }).status;
        response = status === 413 || status === 400 ? errorResponse(status, (e as Error).message) : malformed();
      }
    }
    // Request info is recorded only for what gets logged at info level (errors): most beats log nothing.
    if (response.status >= 400) {
      if (checked instanceof Response || response.status !== 403) rt.counters.heartbeats_refused++; // a banned device's 403 is counted by the beat
      if (!(checked instanceof Response)) setRequestInfo(request, checked.ip);
    }
    log(request, response.status, "/api/heartbeat");
    return response;
  };
}
