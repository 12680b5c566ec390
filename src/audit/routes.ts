// Audit endpoints (§9): device posts (no token, client: src/server/connection.rs:1546 (rustdesk@7423dced)), the controller's
// note lookup and note, and the retired plugin-sign call.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import type { DeviceRuntime } from "../devices/runtime.ts";
import { ServiceError } from "../core/errors.ts";
import { authMacro } from "../auth/macro.ts";
import type { ServiceContext } from "../core/context.ts";
import type { AuditPostKind } from "../core/counters.ts";
import { rawBodyOf, readCapped } from "../http/body-limit.ts";
import { ignoreBody, textBody } from "../http/json-hook.ts";
import type { NativeRoute } from "../http/native.ts";
import { anonymous, requestContext } from "../http/context.ts";
import { jsonResponse } from "../http/json.ts";
import { abuseSubject } from "../net/cidr.ts";
import { WindowCounter } from "../net/window-counter.ts";
import { parseAuditJson, postAlarmAudit, postConnAudit, postFileAudit, type AuditBody, type DeviceCheck } from "./device.ts";
import { activeConnGuid, setConnNote } from "./notes.ts";

// client: src/server/connection.rs:1548-1560 (rustdesk@7423dced) counts a post as done only on 2xx with an empty body.
const done = () => new Response(null, { status: 200 });

function auditBody(text: string): AuditBody {
  const body = parseAuditJson(text); // 400 when malformed, too deep or too wide
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ServiceError("INVALID_INPUT", "invalid body: Expected object");
  return body as AuditBody;
}

type DevicePost = (ctx: ServiceContext, body: AuditBody, isDevice: DeviceCheck) => void;

/** The device posts' limits and checks, shared by the native routes and the Elysia ones. */
export function auditIntake(deps: CoreDeps, rt: DeviceRuntime) {
  // Unauthenticated writes: bounded per device (or per IP, for notes) and in all, so the audit
  // tables grow at most by audit.posts_per_minute rows of ~1 KB, kept for audit.*_days.
  const { device_posts_per_minute, posts_per_minute } = deps.config.audit;
  const perDevice = new WindowCounter(device_posts_per_minute, 60_000);
  const perIp = new WindowCounter(device_posts_per_minute, 60_000);
  // Spent per second, and before the body is even read: a burst must not take the event loop
  // from the heartbeats (bench:audit).
  const overall = new WindowCounter(Math.max(1, Math.ceil(posts_per_minute / 60)), 1_000);
  // A registered, enabled device whose uuid matches, within its budget; read from the heartbeat's cache.
  const isDevice: DeviceCheck = (id, uuid) => {
    const now = deps.now();
    rt.known.sync(now);
    const d = rt.known.get(id);
    if (d === undefined || d.uuid === "" || d.uuid !== uuid || !d.enabled) return null;
    if (!perDevice.take(id, now)) throw slowDown();
    return d.id;
  };
  const refused = (kind: AuditPostKind) => {
    rt.counters.audit_posts_refused++;
    rt.counters[`audit_${kind}_refused`]++;
  };
  return {
    /** False past audit.posts_per_minute: answer 429 without reading the body. */
    admit(now: number, post: DevicePost): boolean {
      if (overall.take("all", now)) return true;
      refused(kindOf(post));
      return false;
    },
    /** Checks and stores one post whose text has been read. */
    handle(post: DevicePost, ctx: ServiceContext, text: string): void {
      let kind = kindOf(post);
      try {
        const parsed = auditBody(text);
        // The controller's note carries no device credentials: it is limited by its sender's address.
        if (parsed.uuid === undefined && kind === "conn") kind = "note";
        if (parsed.uuid === undefined && !perIp.take(abuseSubject(ctx.ip ?? "-"), ctx.now())) throw slowDown();
        post(ctx, parsed, isDevice);
      } catch (e) {
        refused(kind);
        throw e;
      }
      rt.counters.audit_posts_accepted++;
      rt.counters[`audit_${kind}_accepted`]++;
    },
  };
}

export type AuditIntake = ReturnType<typeof auditIntake>;

const kindOf = (post: DevicePost): AuditPostKind => (post === postFileAudit ? "file" : post === postAlarmAudit ? "alarm" : "conn");

const slowDown = () => new ServiceError("TOO_MANY_REQUESTS", "too many audit posts; retry later");

export const DEVICE_POSTS = { "/api/audit/conn": postConnAudit, "/api/audit/file": postFileAudit, "/api/audit/alarm": postAlarmAudit } as const;

/**
 * The device posts as native Bun routes, like the heartbeat: a flood is refused (429) before its
 * body is read and without the framework's per-request work.
 */
export function nativeAuditRoutes(deps: CoreDeps, intake: AuditIntake, route: NativeRoute) {
  const handler = (path: keyof typeof DEVICE_POSTS) =>
    route(path, async (request, ip) => {
      const ctx: ServiceContext = { db: deps.db, config: deps.config, log: deps.log, now: deps.now, actor: anonymous(ip), ip };
      if (!intake.admit(ctx.now(), DEVICE_POSTS[path])) throw slowDown();
      const text = request.headers.has("content-length") ? await request.text() : await readCapped(request, deps.config.server.body_limit);
      intake.handle(DEVICE_POSTS[path], ctx, text);
      return done();
    });
  return Object.fromEntries(Object.keys(DEVICE_POSTS).map((path) => [path, { POST: handler(path as keyof typeof DEVICE_POSTS) }]));
}

export function auditRoutes(deps: CoreDeps, intake: AuditIntake) {
  const device = (post: DevicePost) => ({ request, body }: { request: Request; body: unknown }) => {
    const ctx = requestContext(deps, request);
    if (!intake.admit(ctx.now(), post)) throw slowDown();
    intake.handle(post, ctx, typeof body === "string" ? body : (rawBodyOf(request) ?? ""));
    return done();
  };
  // As text: JSON.parse would round session_id (a u64) before parseAuditJson sees it.
  const asText = textBody(() => deps.config.server.body_limit);
  const deviceDoc = (summary: string, description: string) => ({ parse: asText, detail: { tags: ["device"], summary, description } });
  return new Elysia({ name: "rdconsole/audit" })
    .use(authMacro(deps))
    // The three device posts are also native routes (nativeAuditRoutes, mounted in src/app.ts), which answer
    // real clients; these registrations document them and serve app.handle().
    .post("/api/audit/conn", device(postConnAudit), deviceDoc("Connection audit", "Events new / authorised (peer, type, primary_auth, two_factor) / close, merged into one record; or the controller's {id, note, session_id}. 200 with an empty body; a repeated nonce is not stored twice."))
    .post("/api/audit/file", device(postFileAudit), deviceDoc("File-transfer audit", "{id, uuid, peer_id, conn_id, type 0 sent / 1 received, path, is_file, info: JSON string}. 200 with an empty body."))
    .post("/api/audit/alarm", device(postAlarmAudit), deviceDoc("Alarm audit", "{id, uuid, typ, info: JSON string, conn_id, conn_audit_ref?}. 200 with an empty body."))
    .get(
      "/api/audit/conn/active",
      // client: flutter/lib/models/model.dart:1284 (rustdesk@7423dced) casts the body `as String?`: a bare JSON string or null.
      ({ request, actor, query }) =>
        jsonResponse(200, activeConnGuid(requestContext(deps, request, actor), query)),
      {
        auth: true,
        query: t.Object({ id: t.Optional(t.String()), session_id: t.Optional(t.String()), conn_type: t.Optional(t.String()) }, { additionalProperties: true }),
        detail: { tags: ["client: audit"], summary: "The guid of the caller's connection record", description: 'A bare JSON string, or null until the device has reported the connection (the client retries). id, session_id (u64), conn_type.' },
      },
    )
    .put(
      "/api/audit",
      ({ request, actor, body }) => {
        setConnNote(requestContext(deps, request, actor), body);
        return done();
      },
      {
        auth: true,
        body: t.Object({ guid: t.String({ minLength: 1, maxLength: 100 }), note: t.String({ maxLength: 10_000 }) }),
        detail: { tags: ["client: audit"], summary: "Note on a connection record", description: "{guid, note}; only for devices the caller may see." },
      },
    )
    .post("/lic/web/api/plugin-sign", () => {
      throw new ServiceError("NOT_FOUND", "plugin signing is not supported by this server");
    }, {
      parse: ignoreBody,
      detail: { tags: ["device"], summary: "Plugin signing (not supported)" },
    });
}
