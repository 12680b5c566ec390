// Notification targets at runtime (seed 003's notifiers): webhooks (each with its own HMAC key, or
// notify.webhook_secret) and e-mail lists, per event kind. Targets of the notify.* settings are listed
// read-only (PUT/DELETE → 409). Tests send a sample event now, without retries: a pending target (not
// saved) or a saved one. Area admin.
import { Elysia, t } from "elysia";
import type { LiveConfig } from "../config/live.ts";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import type { Mailer } from "../mail/mailer.ts";
import { testDelivery } from "../notifications/deliveries.ts";
import { findTarget, listTargets } from "../notifications/list.ts";
import { checkTarget, createTarget, deleteTarget, updateTarget } from "../notifications/service.ts";
import { createDeliverer } from "../notify/deliver.ts";
import type { NotifyKind } from "../notify/events.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const WRITE = { area: "admin" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Kind = t.Union([t.Literal("alarm"), t.Literal("lockout"), t.Literal("device")], { error: "kinds: alarm, lockout or device" });
const Type = t.Union([t.Literal("webhook"), t.Literal("email")], { error: 'type: "webhook" or "email"' });
const fields = {
  name: t.String({ maxLength: 100 }),
  type: Type,
  url: t.Optional(t.String({ maxLength: 2000, description: "the webhook's http(s) URL" })),
  emails: t.Optional(t.Array(t.String({ maxLength: 320 }), { maxItems: 100, description: "an e-mail target's addresses" })),
  secret: t.Optional(t.String({ maxLength: 500, description: "the webhook's HMAC-SHA256 key; empty: notify.webhook_secret" })),
  kinds: t.Array(Kind, { maxItems: 3, description: "event kinds sent to it" }),
  enabled: t.Optional(t.Boolean()),
};
const TargetIn = t.Object(fields, { additionalProperties: false });
const TargetPatch = t.Partial(t.Object(fields), { additionalProperties: false });
const TargetOut = t.Object({
  id: t.String({ description: "a number, or config.<key>[.<n>] for a target of the notify settings" }),
  name: t.String(),
  type: t.String(),
  url: t.Nullable(t.String()),
  emails: t.Array(t.String()),
  kinds: t.Array(t.String()),
  secret: t.String({ description: '"***" when it has its own key' }),
  enabled: t.Boolean(),
  source: t.String({ description: "console (saved here), or where the notify setting comes from: file, env, flag" }),
  created_at: t.Nullable(t.String()),
  updated_at: t.Nullable(t.String()),
});
const TestOut = t.Object({ kind: t.String(), ok: t.Boolean(), results: t.Array(t.Object({ to: t.String(), ok: t.Boolean(), error: t.Optional(t.String()) })) });
const IdParam = t.Object({ id: t.String({ minLength: 1, maxLength: 100 }) });

export function adminNotificationRoutes(deps: CoreDeps, live: LiveConfig, mailer: Mailer) {
  const deliver = createDeliverer(deps.config, mailer);
  return new Elysia({ name: "rdconsole/admin-notifications", detail: { tags: ["admin: notifications"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/notifications",
      ({ request, actor }) => {
        const data = listTargets(requestContext(deps, request, actor), live);
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(TargetOut) }), ...errors }, detail: { summary: "Every notification target: the notify settings' (read-only), then those saved here; needs admin:r" } },
    )
    .post(
      "/api/admin/notifications",
      ({ request, actor, body, set }) => {
        set.status = 201;
        return createTarget(requestContext(deps, request, actor), body);
      },
      { apiToken: WRITE, body: TargetIn, response: { 201: TargetOut, ...errors }, detail: { summary: "Save a webhook or e-mail target; in use at once; needs admin:rw" } },
    )
    .post(
      "/api/admin/notifications/test",
      async ({ request, actor, body }) => {
        const { kind, ...input } = body;
        const ok = checkTarget(requestContext(deps, request, actor), { ...input, url: input.url ?? "", emails: input.emails ?? [], secret: input.secret ?? "", enabled: true });
        return testDelivery(deliver, { ...ok, kinds: ok.kinds as NotifyKind[] }, kind);
      },
      {
        apiToken: WRITE,
        body: t.Object({ ...fields, kind: t.Optional(Kind) }, { additionalProperties: false }),
        response: { 200: TestOut, ...errors },
        detail: { summary: "Send a test event to a target not saved yet (no retries); needs admin:rw" },
      },
    )
    .get("/api/admin/notifications/:id", ({ request, actor, params }) => findTarget(requestContext(deps, request, actor), live, params.id).json, {
      apiToken: READ,
      params: IdParam,
      response: { 200: TargetOut, ...errors },
      detail: { summary: "One notification target; needs admin:r" },
    })
    .put("/api/admin/notifications/:id", ({ request, actor, params, body }) => updateTarget(requestContext(deps, request, actor), params.id, body), {
      apiToken: WRITE,
      params: IdParam,
      body: TargetPatch,
      response: { 200: TargetOut, ...errors },
      detail: { summary: "Change a saved target (only the fields sent; a config one → 409); needs admin:rw" },
    })
    .delete("/api/admin/notifications/:id", ({ request, actor, params }) => deleteTarget(requestContext(deps, request, actor), params.id), {
      apiToken: WRITE,
      params: IdParam,
      response: { 200: TargetOut, ...errors },
      detail: { summary: "Delete a saved target (a config one → 409); needs admin:rw" },
    })
    .post(
      "/api/admin/notifications/:id/test",
      async ({ request, actor, params, body }) => {
        const { json, secret } = findTarget(requestContext(deps, request, actor), live, params.id);
        return testDelivery(deliver, { type: json.type, url: json.url ?? "", emails: json.emails, secret, kinds: json.kinds }, body?.kind);
      },
      {
        apiToken: WRITE,
        params: IdParam,
        body: t.Optional(t.Object({ kind: t.Optional(Kind) }, { additionalProperties: false })),
        response: { 200: TestOut, ...errors },
        detail: { summary: "Send a test event to a saved target or a config one (no retries); needs admin:rw" },
      },
    );
}
