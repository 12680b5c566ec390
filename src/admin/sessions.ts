// The remote sessions live right now (/api/admin/sessions…), with FastX's list parameters (its session API:
// start, limit, sortBy, sortReverse, filter "name==v1,v2"), a count, and a disconnect that the device carries
// out at its next heartbeat. Area devices. Client logins ("sessions" of the CLI's `session` verbs) stay under
// /api/admin/users/{name}/sessions, and DELETE /api/admin/sessions/{guid} (src/admin/users.ts) still ends one:
// a remote session's id ("<device>:<conn>") never looks like a login's guid, and it is never DELETEd.
import { Elysia, t } from "elysia";
import type { Actor } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { writeChangedPresence, type DeviceRuntime } from "../devices/runtime.ts";
import { countLiveSessions, disconnectSession, listLiveSessions, SESSION_FIELDS } from "../devices/live-sessions.ts";
import { requestContext } from "../http/context.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "devices" as const, write: false };
const WRITE = { area: "devices" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const Maybe = (description?: string) => t.Nullable(t.String(description ? { description } : {}));
const SessionOut = t.Object({
  id: t.String({ description: "<device ID>:<connection id>; what disconnect takes" }),
  device: t.String({ description: "RustDesk ID of the device being controlled" }),
  device_name: t.String({ description: "alias, else the host name" }),
  device_group: Maybe(),
  user: Maybe("the device's owner"),
  conn: t.Integer({ description: "the connection id the device reports" }),
  controller_id: Maybe("RustDesk ID of the controlling side (connection audit; null until the device reports it)"),
  controller_name: Maybe(),
  type: Maybe("remote, file transfer, port forward, camera or terminal"),
  since: t.Nullable(t.String({ format: "date-time" })),
  ip: Maybe("the controlling side's address, as the device saw it"),
  device_ip: Maybe("the device's address at its last heartbeat"),
  disconnect_queued: t.Boolean(),
});
// Documented as an array for the OpenAPI page; read from the URL itself (filtersOf): Elysia splits an array
// query value at its commas, and a filter's commas separate its values.
const Filter = t.Optional(
  t.Array(t.String(), { description: `name==v1,v2 (values OR-ed); repeat filter= to AND several (at most 50); names: ${SESSION_FIELDS.join(", ")}` }),
);
const filtersOf = (request: Request) => {
  const all = new URL(request.url).searchParams.getAll("filter");
  if (all.length > 50 || all.some((f) => f.length > 2000)) throw invalid("filter: at most 50 filters of at most 2000 characters each");
  return all;
};
const ListQuery = t.Object({
  start: t.Optional(t.Integer({ minimum: 0, error: "start: a whole number, 0 or more", description: "skip this many (default 0)" })),
  limit: t.Optional(t.Integer({ minimum: 1, error: "limit: a whole number, 1 or more", description: "at most this many (default all)" })),
  sortBy: t.Optional(t.String({ maxLength: 100, description: "a field name (default: device, then connection)" })),
  sortReverse: t.Optional(t.Boolean({ error: "sortReverse: true or false" })),
  filter: Filter,
});

export function adminSessionRoutes(deps: CoreDeps, devices: DeviceRuntime) {
  // Conns live in the runtime's memory until its next flush: write what changed first, so the list and a
  // disconnect (which only cuts a connection the device reported) see the latest beats.
  const ctxOf = (request: Request, actor: Actor) => {
    writeChangedPresence(devices, deps.now(), deps.log);
    return requestContext(deps, request, actor);
  };
  return new Elysia({ name: "rdconsole/admin-sessions", detail: { tags: ["admin: devices"] } })
    .use(adminAuth(deps))
    .get("/api/admin/sessions", ({ request, actor, query }) => listLiveSessions(ctxOf(request, actor), { ...query, filter: filtersOf(request) }), {
      apiToken: READ,
      query: ListQuery,
      response: { 200: t.Object({ total: t.Integer({ description: "sessions that match the filters" }), data: t.Array(SessionOut) }), ...errors },
      detail: { summary: "Remote sessions live now (heartbeat conns + connection audit), with FastX's start, limit, sortBy, sortReverse, filter; needs devices:r" },
    })
    .get("/api/admin/sessions/count", ({ request, actor }) => ({ total: countLiveSessions(ctxOf(request, actor), filtersOf(request)) }), {
      apiToken: READ,
      query: t.Object({ filter: Filter }),
      response: { 200: t.Object({ total: t.Integer() }), ...errors },
      detail: { summary: "How many remote sessions are live (matching the filters, if any); needs devices:r" },
    })
    .post(
      "/api/admin/sessions/:id/disconnect",
      ({ request, actor, params, set }) => {
        const s = disconnectSession(ctxOf(request, actor), params.id);
        set.status = 202;
        return { session: s, delivery: "next_heartbeat" as const, message: `queued: device ${s.device} closes connection ${s.conn} when its next heartbeat is answered` };
      },
      {
        apiToken: WRITE,
        params: t.Object({ id: t.String({ minLength: 1, maxLength: 120, description: "<device ID>:<connection id>, from the list" }) }),
        response: {
          202: t.Object({
            session: SessionOut,
            delivery: t.Literal("next_heartbeat", { description: "the server reaches a device only in a heartbeat's reply (every 3-15 s)" }),
            message: t.String(),
          }),
          ...errors,
        },
        detail: { summary: "Cut one live session: queued, and carried out at the device's next heartbeat (202); needs devices:rw" },
      },
    );
}
