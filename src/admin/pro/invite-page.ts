// The page an invitation e-mail links to (POST /api/users/invite): a plain form, no scripts, that sets the
// password and activates the account. The secret travels in the query string (the access log writes paths only).
import { Elysia, t } from "elysia";
import type { CoreDeps } from "../../core/deps.ts";
import { ServiceError } from "../../core/errors.ts";
import { requestContext } from "../../http/context.ts";
import { bodyText } from "../../http/json-hook.ts";
import { acceptInvite, invitedUser } from "../../users/invites.ts";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · rdconsole</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}h1{font-size:1.4em}.no{color:#a40000}label{display:block;margin:.8em 0 .2em}input{font:inherit;padding:.3em;width:100%;box-sizing:border-box}button{font:inherit;padding:.5em 1.2em;margin-top:1em}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>
`;
  return new Response(html, { status, headers: HEADERS });
}

function form(token: string, name: string, minLength: number, problem?: string): string {
  return `${problem ? `<p class="no">${escape(problem)}</p>` : ""}<p>Choose a password for the RustDesk account <b>${escape(name)}</b> (at least ${minLength} characters).</p>
<form method="post" action="invite"><input type="hidden" name="token" value="${escape(token)}">
<input type="text" name="username" value="${escape(name)}" autocomplete="username" hidden>
<label for="p">Password</label><input id="p" type="password" name="password" autocomplete="new-password" required minlength="${minLength}">
<label for="c">Password again</label><input id="c" type="password" name="confirm" autocomplete="new-password" required minlength="${minLength}">
<button type="submit">Set password and activate</button></form>`;
}

const failed = (e: unknown) => {
  if (e instanceof ServiceError && e.status < 500) return page("Invitation", `<p class="no">${escape(e.message)}</p>`, e.status);
  throw e;
};

export function invitePageRoutes(deps: CoreDeps) {
  const min = deps.config.auth.password_min_length;
  return new Elysia({ name: "rdconsole/invite-page" })
    .get(
      "/invite",
      ({ request, query }) => {
        try {
          const user = invitedUser(requestContext(deps, request), query.token ?? "");
          return page("Activate your RustDesk account", form(query.token ?? "", user.name, min));
        } catch (e) {
          return failed(e);
        }
      },
      { query: t.Object({ token: t.Optional(t.String()) }), detail: { tags: ["admin: pro"], summary: "The invitation page: a form to set the password (link from the invitation e-mail)" } },
    )
    .post(
      "/invite",
      async ({ request, body }) => {
        // A chunked body was already read as text by the pipeline (http/body-limit.ts); else the parse hook decoded it.
        const f = (typeof body === "string" ? Object.fromEntries(new URLSearchParams(body)) : (body ?? {})) as Record<string, string>;
        const token = f.token ?? "";
        try {
          const user = invitedUser(requestContext(deps, request), token);
          if ((f.password ?? "") !== (f.confirm ?? "")) return page("Activate your RustDesk account", form(token, user.name, min, "The two passwords differ."), 400);
          try {
            await acceptInvite(requestContext(deps, request), token, f.password ?? "");
          } catch (e) {
            if (e instanceof ServiceError && e.code === "INVALID_INPUT") return page("Activate your RustDesk account", form(token, user.name, min, e.message), 400);
            throw e;
          }
          return page("Account activated", `<p>Your password is set. Log in as <b>${escape(user.name)}</b> in the RustDesk client.</p>`);
        } catch (e) {
          return failed(e);
        }
      },
      {
        // An HTML form: application/x-www-form-urlencoded, read within the body limit.
        parse: async ({ request }) => Object.fromEntries(new URLSearchParams(await bodyText(request, () => deps.config.server.body_limit))),
        detail: { tags: ["admin: pro"], summary: "The invitation form's submit: sets the password, activates the user (status -1 → 1), burns the link" },
      },
    );
}
