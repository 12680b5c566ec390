// kind = "github": OAuth 2 (no OIDC), the person from the REST API. github.com is out of reach here,
// so a GitHub Enterprise-shaped server on loopback plays it (issuer = its web base, api_url = /api/v3),
// checking what GitHub checks: the client's Basic credentials, the PKCE verifier, the bearer token.
import { afterAll, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { testEnv } from "../helpers/env.ts";
import { Browser, freePort } from "../helpers/oidc.ts";

const challenges = new Map<string, string>();
let primaryVerified = true;
const gh = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(req) {
    const url = new URL(req.url);
    if (url.pathname === "/login/oauth/authorize") {
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(["read:user user:email", "read:user user:email read:org"]).toContain(url.searchParams.get("scope")!);
      const code = crypto.randomUUID();
      challenges.set(code, url.searchParams.get("code_challenge")!);
      const back = new URL(url.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state")!);
      return Response.redirect(back.href, 302);
    }
    if (url.pathname === "/login/oauth/access_token") {
      const form = new URLSearchParams(await req.text());
      const challenge = challenges.get(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const basicOk = req.headers.get("authorization") === `Basic ${btoa("gh-client:gh-secret")}`;
      if (!basicOk || !challenge || createHash("sha256").update(verifier).digest("base64url") !== challenge) return Response.json({ error: "bad_verification_code" });
      return Response.json({ access_token: "gho_test", token_type: "bearer", scope: "read:user,user:email" });
    }
    if (req.headers.get("authorization") !== "Bearer gho_test") return Response.json({ message: "Bad credentials" }, { status: 401 });
    if (url.pathname === "/api/v3/user") return Response.json({ id: 4242, login: "octocat", name: "The Octocat", email: null });
    if (url.pathname === "/api/v3/user/orgs") return Response.json([{ login: "acme", id: 1 }, { login: "acme-admins", id: 2 }]);
    if (url.pathname === "/api/v3/user/emails")
      return Response.json([
        { email: "octo@work.example", primary: false, verified: true },
        { email: "octocat@example.com", primary: true, verified: primaryVerified },
      ]);
    return new Response("not found", { status: 404 });
  },
});
afterAll(() => gh.stop(true));

test("GitHub: the person from /user and the verified primary address from /user/emails", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const issuer = `http://127.0.0.1:${gh.port}`;
  const env = testEnv({ "server.public_url": base, "sso.providers": JSON.stringify([{ name: "github", kind: "github", issuer, client_id: "gh-client", client_secret: "gh-secret", auto_create: true, allowed_domains: ["example.com"] }]) });
  const server = env.app.listen({ hostname: "127.0.0.1", port });
  try {
    expect(await (await fetch(`${base}/api/login-options`)).text()).toBe('["oidc/github"]');
    const login = async () => {
      const r = await fetch(`${base}/api/oidc/auth`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"deviceInfo":{"name":"PC","os":"macos","type":"client"},"id":"555666777","op":"github","uuid":"dQ=="}' });
      const { code, url } = (await r.json()) as { code: string; url: string };
      const page = await new Browser().openSignIn(url);
      const poll = (await (await fetch(`${base}/api/oidc/auth-query?code=${code}&id=555666777&uuid=dQ%3D%3D`)).json()) as Record<string, unknown>;
      return { page, poll };
    };
    const first = await login();
    expect(first.page.text).toContain("Signed in as octocat on PC (555666777)");
    expect(first.poll).toEqual({ type: "access_token", access_token: expect.any(String), user: { name: "octocat", display_name: "The Octocat", avatar: "", email: "octocat@example.com", note: "", status: 1, is_admin: false, info: {} } });
    expect(env.sqlite.query("SELECT provider, issuer, subject FROM sso_identities").all()).toEqual([{ provider: "github", issuer, subject: "4242" }]);
    // An unverified primary address counts for nothing: allowed_domains then refuses the same person.
    primaryVerified = false;
    const second = await login();
    expect(second.poll).toEqual({ error: "octocat may not sign in here: only verified e-mail addresses at example.com are allowed" });
    expect(env.sqlite.query("SELECT email FROM sso_identities").get()).toEqual({ email: "octocat@example.com" });
    primaryVerified = true;
  } finally {
    server.stop(true);
  }
});

test("GitHub organisations are the groups: allowed_groups and admin_groups (with read:org)", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const issuer = `http://127.0.0.1:${gh.port}`;
  const provider = (o: Record<string, unknown>) => JSON.stringify([{ name: "github", kind: "github", issuer, client_id: "gh-client", client_secret: "gh-secret", scopes: ["read:user", "user:email", "read:org"], auto_create: true, ...o }]);
  const run = async (o: Record<string, unknown>) => {
    const env = testEnv({ "server.public_url": base, "sso.providers": provider(o) });
    const server = env.app.listen({ hostname: "127.0.0.1", port });
    try {
      const r = await fetch(`${base}/api/oidc/auth`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":"555666777","op":"github","uuid":"dQ=="}' });
      const { code, url } = (await r.json()) as { code: string; url: string };
      await new Browser().openSignIn(url);
      return (await (await fetch(`${base}/api/oidc/auth-query?code=${code}&id=555666777&uuid=dQ%3D%3D`)).json()) as Record<string, unknown>;
    } finally {
      server.stop(true);
    }
  };
  expect(await run({ allowed_groups: ["acme"], admin_groups: ["acme-admins"] })).toMatchObject({ type: "access_token", user: { name: "octocat", is_admin: true } });
  expect(await run({ allowed_groups: ["initech"] })).toEqual({ error: "octocat@example.com may not sign in here: not in any of the groups initech" });
});
