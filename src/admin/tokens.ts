// rdconsole's own admin API for API tokens and enrolment keys — what `rdconsole token …` does: create (the
// secret in that answer only), list, show, revoke, rotate (a new secret, once), and a key's enrolments.
// Managing tokens needs the admin scope itself (admin:r to read, admin:rw to change): an area scope such as
// devices:rw must not mint a token with more. A token created here acts for the calling token's owner.
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../core/deps.ts";
import { requestContext } from "../http/context.ts";
import { listTokenEnrolments } from "../tokens/enrolments.ts";
import type { Token } from "../tokens/model.ts";
import { shownPresets } from "../tokens/presets.ts";
import { createToken, getToken, listTokens, revokeToken, rotateToken } from "../tokens/service.ts";
import { lifetime, LIFETIME_SYNTAX } from "./lifetime.ts";
import { adminAuth } from "./token-auth.ts";

const READ = { area: "admin" as const, write: false };
const WRITE = { area: "admin" as const, write: true };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A token as the admin API shows it: never the secret, never its hash; the book's password masked. */
export const tokenJson = (tk: Token) => ({
  guid: tk.guid,
  name: tk.name,
  kind: tk.kind,
  prefix: `rdc_${tk.prefix}`,
  scopes: tk.scopes as Record<string, "r" | "rw">,
  owner: tk.owner,
  state: tk.state,
  note: tk.note,
  presets: shownPresets(tk.presets) as Record<string, string>,
  max_uses: tk.maxUses,
  uses: tk.uses,
  lock: tk.lock,
  created_at: new Date(tk.createdAt).toISOString(),
  last_used_at: iso(tk.lastUsedAt),
  expires_at: iso(tk.expiresAt),
  revoked_at: iso(tk.revokedAt),
});

const Problem = t.Object({ error: t.String(), code: t.String() });
const Access = t.UnionEnum(["r", "rw"]);
const Iso = t.Nullable(t.String({ format: "date-time" }));
const tokenFields = {
  guid: t.String(),
  name: t.String(),
  kind: t.UnionEnum(["api", "enrol"]),
  prefix: t.String({ description: "rdc_ and the secret's first 8 characters" }),
  scopes: t.Record(t.String(), Access, { description: 'area → access, e.g. {"devices":"rw","audit":"r"}' }),
  owner: t.Nullable(t.String({ description: "the administrator it acts for; null once deleted (the token is then refused)" })),
  state: t.UnionEnum(["active", "revoked", "expired", "used_up"]),
  note: t.String(),
  presets: t.Record(t.String(), t.String(), { description: "enrolment keys: user, device_group, strategy, address_book, ab_tag, ab_alias, ab_note, ab_password (always ***), note" }),
  max_uses: t.Nullable(t.Integer()),
  uses: t.Integer(),
  lock: t.Boolean(),
  created_at: t.String({ format: "date-time" }),
  last_used_at: Iso,
  expires_at: Iso,
  revoked_at: Iso,
};
const TokenOut = t.Object(tokenFields);
const WithSecret = t.Object({ ...tokenFields, token: t.String({ description: "the secret (rdc_…): shown in this answer only, rdconsole keeps its hash" }) });
const Ref = t.Object({ name: t.String({ minLength: 1, maxLength: 200, description: "the token's name, or its prefix (rdc_…)" }) });
const Text = (max: number) => t.Optional(t.String({ maxLength: max }));
const Presets = t.Object(
  {
    user: Text(200),
    device_group: Text(200),
    strategy: Text(200),
    address_book: Text(200),
    ab_tag: Text(100),
    ab_alias: Text(100),
    ab_note: Text(2000),
    ab_password: Text(200),
    note: Text(2000),
  },
  { additionalProperties: false },
);
const CreateBody = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 64, description: "1-64 of A-Z a-z 0-9 . _ @ -" }),
    kind: t.Optional(t.UnionEnum(["api", "enrol"], { description: "api (default) or enrol: an enrolment key for rustdesk --assign (scope enrol only)" })),
    scopes: t.Optional(t.Record(t.String(), Access, { description: 'API tokens: area → r or rw, areas devices, users, groups, strategies, address_books, audit, enrol, admin; e.g. {"devices":"rw"}' })),
    expires: t.Optional(t.String({ maxLength: 20, description: `lifetime: ${LIFETIME_SYNTAX} (default never)` })),
    note: Text(2000),
    presets: t.Optional(Presets),
    max_uses: t.Optional(t.Integer({ minimum: 1, maximum: 1_000_000, description: "enrolment keys: how many devices it may enrol (default unlimited)" })),
    lock: t.Optional(t.Boolean({ description: "enrolment keys: the presets win over the command line" })),
  },
  { additionalProperties: false },
);
const Enrolment = t.Object({
  token: t.String(),
  device: t.String(),
  kind: t.UnionEnum(["assign", "deploy"]),
  at: t.String({ format: "date-time" }),
  ip: t.Nullable(t.String()),
  set: t.Record(t.String(), t.Union([t.String(), t.Boolean()])),
  registered: t.Boolean(),
});
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export function adminTokenRoutes(deps: CoreDeps) {
  return new Elysia({ name: "rdconsole/admin-tokens", detail: { tags: ["admin: tokens"] } })
    .use(adminAuth(deps))
    .get(
      "/api/admin/tokens",
      ({ request, actor }) => {
        const data = listTokens(requestContext(deps, request, actor)).map(tokenJson);
        return { total: data.length, data };
      },
      { apiToken: READ, response: { 200: t.Object({ total: t.Integer(), data: t.Array(TokenOut) }), ...errors }, detail: { summary: "All API tokens and enrolment keys (never a secret); needs admin:r" } },
    )
    .post(
      "/api/admin/tokens",
      ({ request, actor, owner, body, set }) => {
        const { token, secret } = createToken(requestContext(deps, request, actor), {
          name: body.name,
          kind: body.kind,
          scopes: body.scopes,
          owner: owner.name,
          expiresIn: lifetime("expires", body.expires),
          note: body.note,
          presets: body.presets,
          maxUses: body.max_uses,
          lock: body.lock,
        });
        set.status = 201;
        return { ...tokenJson(token), token: secret };
      },
      {
        apiToken: WRITE,
        body: CreateBody,
        response: { 201: WithSecret, ...errors },
        detail: { summary: "Create an API token or an enrolment key, acting for this token's owner; the secret is in this answer only; needs admin:rw" },
      },
    )
    .get("/api/admin/tokens/:name", ({ request, actor, params }) => tokenJson(getToken(requestContext(deps, request, actor), params.name)), {
      apiToken: READ,
      params: Ref,
      response: { 200: TokenOut, ...errors },
      detail: { summary: "One token by name or prefix (never the secret); needs admin:r" },
    })
    .delete("/api/admin/tokens/:name", ({ request, actor, params }) => tokenJson(revokeToken(requestContext(deps, request, actor), params.name)), {
      apiToken: WRITE,
      params: Ref,
      response: { 200: TokenOut, ...errors },
      detail: { summary: "Revoke a token (refused from its next request on; the row stays, state revoked); 409 if already revoked; needs admin:rw" },
    })
    .post(
      "/api/admin/tokens/:name/rotate",
      ({ request, actor, params }) => {
        const { token, secret } = rotateToken(requestContext(deps, request, actor), params.name);
        return { ...tokenJson(token), token: secret };
      },
      {
        apiToken: WRITE,
        params: Ref,
        response: { 200: WithSecret, ...errors },
        detail: { summary: "A new secret, same settings: the old one stops working at once; the new one is in this answer only; needs admin:rw" },
      },
    )
    .get(
      "/api/admin/tokens/:name/enrolments",
      ({ request, actor, params }) => {
        const { token, enrolments } = listTokenEnrolments(requestContext(deps, request, actor), params.name);
        const data = enrolments.map((e) => ({ token: token.name, device: e.device, kind: e.kind, at: new Date(e.at).toISOString(), ip: e.ip, set: e.set, registered: e.registered }));
        return { total: data.length, data };
      },
      {
        apiToken: READ,
        params: Ref,
        response: { 200: t.Object({ total: t.Integer(), data: t.Array(Enrolment) }), ...errors },
        detail: { summary: "The devices a key enrolled (rustdesk --assign / --deploy), oldest first; needs admin:r" },
      },
    );
}
