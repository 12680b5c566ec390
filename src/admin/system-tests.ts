// The server's own checks over the admin API, as the CLI runs them: `sso list`, `sso test`, `smtp test`, `notify
// test`, `config check`. A failed test is a 200 with ok false and the exact error (the test ran; the thing tested
// failed); what cannot be tested (nothing configured) is a 409. Area admin: reading and checking need admin:r,
// sending a message (smtp, notify) admin:rw. Never a client secret, an SMTP password or a webhook's path.
import { Elysia, t } from "elysia";
import { checkConfigText, checkLoadedConfig } from "../config/check.ts";
import type { CoreDeps } from "../core/deps.ts";
import { sendTestMail } from "../mail/test-message.ts";
import { shown } from "../notify/deliver.ts";
import { NOTIFY_KINDS } from "../notify/events.ts";
import { requestContext } from "../http/context.ts";
import { testNotifications } from "../notify/try.ts";
import { savedTargets } from "../notifications/deliveries.ts";
import { readStoredTargets } from "../notifications/targets.ts";
import { listSsoProviders, testSsoProvider } from "../sso/check.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const WRITE = { area: "admin" as const, write: true };

const Problem = t.Object({ error: t.String(), code: t.String() });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Outcome = { ok: t.Boolean(), error: t.Optional(t.String({ description: "why it failed, in the other side's words where there are some" })) };
const ProviderOut = t.Object({
  name: t.String(),
  kind: t.String(),
  label: t.String(),
  issuer: t.String(),
  redirect_uri: t.String({ description: "what to register at the provider" }),
  auto_create: t.Boolean(),
  link_by_email: t.Boolean(),
  discovery: t.String({ description: 'oidc: "ok" or "failed: <why>"; github: "n/a (OAuth 2)"' }),
});

export function adminSystemTestRoutes(deps: CoreDeps) {
  const { config } = deps;
  return new Elysia({ name: "rdconsole/admin-system-tests", detail: { tags: ["admin: system"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/sso",
      async () => {
        const data = await listSsoProviders(config);
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(ProviderOut) }), ...errors }, detail: { summary: "The configured SSO providers, with whether each discovery document answers (sso list); needs admin:r" } },
    )
    .post(
      "/api/admin/sso/:provider/test",
      async ({ params }) => {
        const r = await testSsoProvider(config, params.provider);
        const base = { provider: r.provider.name, kind: r.provider.kind, scopes: [...r.provider.scopes] };
        if (!r.ok) return { ok: false, ...base, error: r.error };
        const { provider: _, ok: __, ...endpoints } = r;
        return { ok: true, ...base, ...endpoints };
      },
      {
        apiToken: READ,
        params: t.Object({ provider: t.String({ minLength: 1, maxLength: 100, description: "a configured provider's name" }) }),
        response: {
          200: t.Object({
            ...Outcome,
            provider: t.String(),
            kind: t.String(),
            scopes: t.Array(t.String()),
            issuer: t.Optional(t.String()),
            authorization_endpoint: t.Optional(t.String()),
            token_endpoint: t.Optional(t.String()),
            jwks_uri: t.Optional(t.Nullable(t.String())),
            userinfo_endpoint: t.Optional(t.Nullable(t.String())),
            redirect_uri: t.Optional(t.String()),
          }),
          ...errors,
        },
        detail: { summary: "Fetch a provider's discovery document: its endpoints, or the exact error (sso test); 404 for an unknown provider; needs admin:r" },
      },
    )
    .post(
      "/api/admin/smtp/test",
      async ({ body }) => {
        const r = await sendTestMail(config.smtp, body.to);
        return r.ok ? { ok: true, to: body.to.trim() } : { ok: false, to: body.to.trim(), error: r.error };
      },
      {
        apiToken: WRITE,
        body: t.Object({ to: t.String({ minLength: 1, maxLength: 254, description: "the recipient" }) }, { additionalProperties: false }),
        response: { 200: t.Object({ ...Outcome, to: t.String() }), ...errors },
        detail: { summary: "Send a test e-mail with the [smtp] settings (smtp test); ok false with the SMTP server's answer when it fails; 409 without smtp.host; needs admin:rw" },
      },
    )
    .post(
      "/api/admin/notify/test",
      async ({ request, body }) => {
        const saved = readStoredTargets(requestContext(deps, request));
        const tries = await testNotifications(config, body?.kind, (kind) => savedTargets(saved, kind));
        const results = tries.map(({ kind, target, error }) => ({
          kind,
          type: target.type,
          target: shown(target),
          ok: error === null,
          // A webhook's path may hold a token: the reply names its origin only, as the logs do.
          ...(error === null ? {} : { error: error.replaceAll(target.to, shown(target)) }),
        }));
        return { ok: results.every((r) => r.ok), results };
      },
      {
        apiToken: WRITE,
        // A plain string, checked by the service: Elysia fills a missing body from an enum's first value.
        body: t.Optional(t.Object({ kind: t.Optional(t.String({ maxLength: 20, description: `only this kind: ${NOTIFY_KINDS.join(", ")}` })) }, { additionalProperties: false })),
        response: {
          200: t.Object({
            ok: t.Boolean({ description: "every delivery went through" }),
            results: t.Array(t.Object({ kind: t.UnionEnum(NOTIFY_KINDS), type: t.UnionEnum(["webhook", "email"]), target: t.String({ description: "an address, or a webhook's origin" }), ...Outcome })),
          }),
          ...errors,
        },
        detail: { summary: "Send a test notification to every configured target, or those of one kind, once (notify test); 409 when none is configured; needs admin:rw" },
      },
    )
    .post(
      "/api/admin/config/check",
      ({ body }) => {
        const problems = body?.toml === undefined ? checkLoadedConfig(config) : checkConfigText(body.toml);
        return { valid: problems.length === 0, checked: body?.toml === undefined ? ("running" as const) : ("toml" as const), problems };
      },
      {
        apiToken: READ,
        body: t.Optional(t.Object({ toml: t.Optional(t.String({ maxLength: 1_000_000, description: "a config file's text, checked on its own (defaults for what it leaves out, no environment)" })) }, { additionalProperties: false })),
        response: {
          200: t.Object({
            valid: t.Boolean(),
            checked: t.UnionEnum(["toml", "running"], { description: "the text given, or (no body) the configuration the server runs with" }),
            problems: t.Array(t.String(), { description: "every problem at once, as `rdconsole config check` lists them" }),
          }),
          ...errors,
        },
        detail: { summary: "Validate a config file's TOML ({toml}) or the running configuration, listing every problem (config check); needs admin:r" },
      },
    );
}
