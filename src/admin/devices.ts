// rdconsole's own device routes (/api/admin/devices…): everything `rdconsole device …` does, over the same
// services, with an API token of the devices area (write for changes). A device is named by its RustDesk ID.
// Prune is explicit: a dry run lists the IDs; a real prune deletes only the IDs it is given (and only those
// still offline that long), never "whatever matches now".
import { Elysia, t } from "elysia";
import { sharedBooksWithPeer } from "../addressbook/peer-books.ts";
import { CONN_TYPES } from "../audit/read.ts";
import type { CoreDeps } from "../core/deps.ts";
import { invalid } from "../core/errors.ts";
import { deviceJson } from "../devices/json.ts";
import {
  approveDevice,
  deleteDevice,
  deviceSessions,
  disableDevice,
  disconnectDevice,
  enableDevice,
  getDevice,
  pruneDevices,
  rekeyDevice,
  setDevice,
} from "../devices/service.ts";
import { requestContext } from "../http/context.ts";
import { explainDevice } from "../strategies/explain.ts";
import { deviceStrategies } from "../strategies/rollout.ts";
import type { ServiceContext } from "../core/context.ts";
import { DEVICE_SORTS, pageDevices, type DeviceSort } from "../devices/page.ts";
import { writeChangedPresence, type DeviceRuntime } from "../devices/runtime.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "devices" as const, write: false };
const SORTS = ["id", "alias", "owner", "group", "last_online", "created"] as const satisfies readonly DeviceSort[];
const WRITE = { area: "devices" as const, write: true };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Str = t.String();
const DeviceOut = t.Object({
  guid: Str,
  id: t.String({ description: "RustDesk ID" }),
  uuid: Str,
  status: t.Integer({ description: "1 enabled, 0 disabled" }),
  pending_approval: t.Boolean(),
  is_online: t.Boolean(),
  user_name: t.String({ description: 'owner ("" none)' }),
  device_group_name: t.String({ description: '"" none' }),
  alias: Str,
  note: Str,
  info: t.Object({ device_name: Str, username: Str, os: Str, cpu: Str, memory: Str, version: Str }),
  last_online: t.Nullable(t.String({ format: "date-time" })),
  last_ip: t.Nullable(Str),
  conns: t.Array(t.Integer(), { description: "live connection ids, as of the last heartbeat" }),
  created_at: t.String({ format: "date-time" }),
  strategy_name: t.Nullable(Str),
  strategy_state: t.String({ description: "applied, pending, offline, clearing or none" }),
  pk: t.Nullable(Str),
});
const DeviceShow = t.Composite([DeviceOut, t.Object({ address_books: t.Array(t.Object({ book: Str, alias: Str, tags: t.Array(Str) })) })]);
const IdParam = t.Object({ id: t.String({ minLength: 1, maxLength: 100, description: "RustDesk ID" }) });

const one = (ctx: ServiceContext, id: string) => deviceJson(getDevice(ctx, id), explainDevice(ctx, id));

export function adminDeviceRoutes(deps: CoreDeps, runtime: DeviceRuntime) {
  const ctxOf = (request: Request, actor: Parameters<typeof requestContext>[2]) => requestContext(deps, request, actor);
  /** A state change (disable, enable, rekey): answers the device after it. */
  const verb = (path: string, act: (ctx: ServiceContext, id: string) => void, summary: string) =>
    [
      `/api/admin/devices/:id/${path}`,
      ({ request, actor, params }: { request: Request; actor: Parameters<typeof requestContext>[2]; params: { id: string } }) => {
        const ctx = ctxOf(request, actor);
        act(ctx, params.id);
        return one(ctx, params.id);
      },
      { apiToken: WRITE, params: IdParam, response: { 200: DeviceOut, ...errors }, detail: { summary: `${summary}; needs devices:rw` } },
    ] as const;
  return new Elysia({ name: "rdconsole/admin-devices", detail: { tags: ["admin: devices"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/devices",
      ({ request, actor, query }) => {
        const ctx = ctxOf(request, actor);
        const size = query.page_size ?? 100;
        const { total, rows } = pageDevices(
          ctx,
          { online: query.online, offlineDays: query.offline_days, group: query.group, user: query.user, search: query.search },
          { offset: ((query.page ?? 1) - 1) * size, limit: size, sort: query.sort, desc: query.desc },
        );
        const strategies = new Map(deviceStrategies(ctx, { rdIds: rows.map((d) => d.id) }).map((s) => [s.device, s]));
        return { total, data: rows.map((d) => deviceJson(d, strategies.get(d.id))) };
      },
      {
        apiToken: READ,
        query: t.Object({
          online: t.Optional(t.Boolean({ error: "online: true or false", description: "true: only devices heard from recently" })),
          offline_days: t.Optional(t.Integer({ minimum: 0, maximum: 36500, error: "offline_days: a whole number of days", description: "only devices not heard from in N days" })),
          group: t.Optional(t.String({ maxLength: 200, description: "only this device group" })),
          user: t.Optional(t.String({ maxLength: 200, description: "only devices of this user" })),
          search: t.Optional(t.String({ maxLength: 200, description: "ID, alias, host name or note contains" })),
          page: t.Optional(t.Integer({ minimum: 1, error: "page: a whole number, from 1", description: "page number, from 1 (default 1)" })),
          page_size: t.Optional(t.Integer({ minimum: 1, maximum: 1000, error: "page_size: 1 to 1000", description: "devices per page (default 100)" })),
          sort: t.Optional(t.UnionEnum(SORTS, { error: `sort: one of ${Object.keys(DEVICE_SORTS).join(", ")}`, description: "sort column (default id)" })),
          desc: t.Optional(t.Boolean({ error: "desc: true or false", description: "true: descending" })),
        }),
        response: { 200: t.Object({ total: t.Integer({ description: "devices matching the filters, on all pages" }), data: t.Array(DeviceOut) }), ...errors },
        detail: { summary: "List devices (as `device list`), with filters, one page at a time (page, page_size, sort, desc); needs devices:r" },
      },
    )
    .post(
      "/api/admin/devices/prune",
      ({ request, actor, body }) => {
        const ctx = ctxOf(request, actor);
        if (body.dry_run) {
          if (body.ids !== undefined) throw invalid("ids: not with dry_run (the dry run lists them)");
          const data = pruneDevices(ctx, body.offline_days, true);
          return { dry_run: true, total: data.length, data };
        }
        if (body.ids === undefined) throw invalid("ids: a real prune takes the explicit list of RustDesk IDs from a dry run (dry_run: true)");
        const data = pruneDevices(ctx, body.offline_days, false, body.ids);
        return { dry_run: false, total: data.length, data };
      },
      {
        apiToken: WRITE,
        body: t.Object(
          {
            offline_days: t.Integer({ minimum: 1, maximum: 36500, error: "offline_days: a whole number of days, at least 1", description: "days without contact" }),
            dry_run: t.Optional(t.Boolean({ description: "true: only list what would be deleted" })),
            ids: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 100_000, description: "a real prune: the IDs (from the dry run) to delete; those seen since are kept" })),
          },
          { additionalProperties: false },
        ),
        response: { 200: t.Object({ dry_run: t.Boolean(), total: t.Integer(), data: t.Array(t.String(), { description: "RustDesk IDs (would be) deleted" }) }), ...errors },
        detail: { summary: "Prune devices not heard from in N days: dry_run lists them, then a real prune deletes the IDs given; needs devices:rw" },
      },
    )
    .get("/api/admin/devices/:id", ({ request, actor, params }) => {
      const ctx = ctxOf(request, actor);
      return { ...one(ctx, params.id), address_books: sharedBooksWithPeer(ctx, params.id) };
    }, {
      apiToken: READ,
      params: IdParam,
      response: { 200: DeviceShow, ...errors },
      detail: { summary: "Show a device (as `device show`), with the shared address books it is in; needs devices:r" },
    })
    .patch(
      "/api/admin/devices/:id",
      ({ request, actor, params, body }) => {
        const ctx = ctxOf(request, actor);
        setDevice(ctx, params.id, { owner: body.owner, group: body.group, note: body.note, alias: body.alias, deviceUsername: body.device_username });
        return one(ctx, params.id);
      },
      {
        apiToken: WRITE,
        params: IdParam,
        body: t.Object(
          {
            owner: t.Optional(t.String({ maxLength: 200, description: 'owning user ("" clears)' })),
            group: t.Optional(t.String({ maxLength: 200, description: 'device group ("" clears)' })),
            note: t.Optional(t.String({ maxLength: 2000 })),
            alias: t.Optional(t.String({ maxLength: 200 })),
            device_username: t.Optional(t.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: DeviceOut, ...errors },
        detail: { summary: "Change a device's owner, group, note, alias (as `device set`); answers the device; needs devices:rw" },
      },
    )
    .delete(
      "/api/admin/devices/:id",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        const d = one(ctx, params.id);
        deleteDevice(ctx, params.id);
        return d;
      },
      { apiToken: WRITE, params: IdParam, response: { 200: DeviceOut, ...errors }, detail: { summary: "Delete a device; answers the device deleted; needs devices:rw" } },
    )
    .post(...verb("disable", disableDevice, "Disable a device: its connections are cut at its next heartbeat"))
    .post(...verb("enable", enableDevice, "Enable a device (also approves a pending one)"))
    .post(...verb("rekey", rekeyDevice, "Forget the device's uuid: its next contact is trusted again"))
    .post(
      "/api/admin/devices/:id/approve",
      ({ request, actor, params }) => {
        const ctx = ctxOf(request, actor);
        const result = approveDevice(ctx, params.id);
        return { result, device: one(ctx, params.id) };
      },
      {
        apiToken: WRITE,
        params: IdParam,
        response: { 200: t.Object({ result: t.UnionEnum(["approved", "preregistered"], { description: "preregistered: an unknown ID, its first contact trusted" }), device: DeviceOut }), ...errors },
        detail: { summary: "Approve a pending device, or pre-register an ID (devices.registration = closed); needs devices:rw" },
      },
    )
    .get(
      "/api/admin/devices/:id/sessions",
      ({ request, actor, params }) => {
        writeChangedPresence(runtime, deps.now(), deps.log); // the connections of the latest beat, not of the last flush
        const s = deviceSessions(ctxOf(request, actor), params.id);
        const sessions = s.sessions.map((x) => ({ conn: x.conn, peer: x.peer, conn_type: x.connType === null ? null : (CONN_TYPES[x.connType] ?? String(x.connType)), since: iso(x.since) }));
        return { conns: s.conns, sessions, disconnect_queued: s.queued, last_seen: iso(s.lastSeenAt) };
      },
      {
        apiToken: READ,
        params: IdParam,
        response: {
          200: t.Object({
            conns: t.Array(t.Integer()),
            sessions: t.Array(t.Object({ conn: t.Integer(), peer: t.Nullable(Str), conn_type: t.Nullable(Str), since: t.Nullable(t.String({ format: "date-time" })) })),
            disconnect_queued: t.Array(t.Integer()),
            last_seen: t.Nullable(t.String({ format: "date-time" })),
          }),
          ...errors,
        },
        detail: { summary: "Connection ids the device reports as live (as of its last heartbeat), who is on them; needs devices:r" },
      },
    )
    .post(
      "/api/admin/devices/:id/disconnect",
      ({ request, actor, params, body }) => {
        if ((body.conn === undefined) === (body.all !== true)) throw invalid("give one connection id (conn) or all: true");
        const queued = disconnectDevice(ctxOf(request, actor), params.id, body.conn ?? "all");
        return { queued };
      },
      {
        apiToken: WRITE,
        params: IdParam,
        body: t.Object(
          { conn: t.Optional(t.Integer({ minimum: 0, error: "conn: a connection id (from sessions)" })), all: t.Optional(t.Boolean({ description: "every live connection" })) },
          { additionalProperties: false },
        ),
        response: { 200: t.Object({ queued: t.Array(t.Integer(), { description: "connection ids the device closes at its next heartbeat" }) }), ...errors },
        detail: { summary: "Cut a live connection (or all): the device closes it at its next heartbeat; needs devices:rw" },
      },
    );
}
