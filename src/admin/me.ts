// A signed-in user's own things, for every user (administrator or not): their devices (Pro lets users see
// their own), their sessions (console and client; revoke one), their personal address book (read). Console
// sign-in only (`signedIn: "self"`); the actor is the user.
import { Elysia, t } from "elysia";
import { readBook } from "../addressbook/read-book.ts";
import { peerPayload, peersOf } from "../addressbook/peers.ts";
import { tagsOf } from "../addressbook/tags.ts";
import { listSessions, revokeSession, type SessionView } from "../auth/sessions.ts";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { deviceJson } from "../devices/json.ts";
import { listDevices } from "../devices/service.ts";
import { requestContext } from "../http/context.ts";
import { Problem } from "./profile-json.ts";
import { adminAuth } from "./token-auth.ts";

const errors = { 401: Problem, 403: Problem, 404: Problem };
const iso = (ms: number) => new Date(ms).toISOString();

const MyDevice = t.Object({
  guid: t.String(),
  id: t.String({ description: "RustDesk ID" }),
  alias: t.String(),
  note: t.String(),
  status: t.Integer({ description: "1 enabled, 0 disabled" }),
  pending_approval: t.Boolean(),
  is_online: t.Boolean(),
  device_group_name: t.String(),
  info: t.Object({ device_name: t.String(), username: t.String(), os: t.String(), cpu: t.String(), memory: t.String(), version: t.String() }),
  last_online: t.Nullable(t.String({ format: "date-time" })),
  last_ip: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
});
const MySession = t.Object({
  guid: t.String(),
  kind: t.UnionEnum(["client", "console"], { description: "client: a RustDesk login; console: a browser sign-in" }),
  current: t.Boolean({ description: "the session of this request" }),
  device_id: t.String({ description: 'RustDesk ID ("" for the console)' }),
  device_name: t.String({ description: "the client's device name, or the browser's user agent" }),
  ip: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
  last_used_at: t.String({ format: "date-time" }),
  expires_at: t.String({ format: "date-time" }),
});

const mySession = (s: SessionView, currentId: number) => ({
  guid: s.guid,
  kind: s.kind,
  current: s.id === currentId,
  device_id: s.deviceId,
  device_name: s.deviceInfo?.name ?? "",
  ip: s.ip,
  created_at: iso(s.createdAt),
  last_used_at: iso(s.lastUsedAt),
  expires_at: iso(s.expiresAt),
});

export function adminMeRoutes(deps: CoreDeps) {
  const ctxOf = (request: Request, actor: Actor) => requestContext(deps, request, actor);
  return new Elysia({ name: "rdconsole/admin-me", detail: { tags: ["admin: sign-in"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/me/devices",
      ({ request, actor, owner }) => {
        const data = listDevices(ctxOf(request, actor), { user: owner.name }).map((d) => {
          const { uuid: _u, pk: _p, user_name: _n, conns: _c, strategy_name: _s, strategy_state: _st, ...mine } = deviceJson(d);
          return mine;
        });
        return { total: data.length, data };
      },
      { signedIn: "self", response: { 200: t.Object({ total: t.Integer(), data: t.Array(MyDevice) }), ...errors }, detail: { summary: "The devices the signed-in user owns" } },
    )
    .get(
      "/api/admin/me/sessions",
      ({ request, actor, owner, me }) => {
        const data = listSessions(ctxOf(request, actor), { userId: owner.id }).map((s) => mySession(s, me.session.id));
        return { total: data.length, data };
      },
      { signedIn: "self", response: { 200: t.Object({ total: t.Integer(), data: t.Array(MySession) }), ...errors }, detail: { summary: "The signed-in user's live sessions: client logins and console sign-ins" } },
    )
    .delete(
      "/api/admin/me/sessions/:guid",
      ({ request, actor, owner, params }) => {
        const s = revokeSession(ctxOf(request, actor), params.guid, owner.id);
        return { revoked: s.guid };
      },
      {
        signedIn: "self",
        params: t.Object({ guid: t.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: t.Object({ revoked: t.String() }), ...errors },
        detail: { summary: "End one of one's own sessions (404 for anyone else's)" },
      },
    )
    .get(
      "/api/admin/me/address-book",
      ({ request, actor, owner }) => {
        const ctx = ctxOf(request, actor);
        const book = readBook(ctx, `@${owner.name}`);
        const peers = peersOf(ctx, book).map((p) => peerPayload(p, true));
        return { tags: tagsOf(ctx, book), total: peers.length, peers };
      },
      {
        signedIn: "self",
        response: { 200: t.Object({ tags: t.Array(t.Object({ name: t.String(), color: t.Integer() })), total: t.Integer(), peers: t.Array(t.Record(t.String(), t.Unknown())) }), ...errors },
        detail: { summary: "The signed-in user's personal address book (read only): tags and peers as the client stores them" },
      },
    );
}
