// Bad ID tokens never make a session. A real provider does not issue them, so a provider on loopback
// that does (discovery, authorize, token, keys — real HTTP, real signatures) drives the whole flow for
// each defect; the checks themselves are also tested directly.
import { afterAll, expect, test } from "bun:test";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { SsoError, verifyIdToken } from "../../src/sso/oauth.ts";
import { testEnv } from "../helpers/env.ts";
import { Browser, freePort } from "../helpers/oidc.ts";

const UUID = "dQ==";
const NOW = Date.parse("2026-11-22T12:00:00Z");
const { privateKey, publicKey } = await generateKeyPair("RS256");
const other = await generateKeyPair("RS256");
const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };

type Defect = "none" | "aud" | "nonce" | "expired" | "signature";

async function idToken(o: { issuer: string; audience: string; nonce: string; defect: Defect }) {
  const expired = o.defect === "expired";
  return new SignJWT({ nonce: o.defect === "nonce" ? "someone-else's" : o.nonce, email: "alice@example.com", email_verified: true, preferred_username: "alice" })
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuer(o.issuer)
    .setSubject("alice-subject")
    .setAudience(o.defect === "aud" ? "another-client" : o.audience)
    .setIssuedAt(Math.floor((expired ? NOW - 7200_000 : NOW) / 1000))
    .setExpirationTime(Math.floor((expired ? NOW - 3600_000 : NOW + 3600_000) / 1000))
    .sign(o.defect === "signature" ? other.privateKey : privateKey);
}

test("verifyIdToken: signature, iss, aud, exp, nonce", async () => {
  const keys = createLocalJWKSet({ keys: [jwk] });
  const check = async (defect: Defect, o: Partial<{ issuer: string; audience: string }> = {}) => {
    const token = await idToken({ issuer: "https://idp.example", audience: "rdconsole", nonce: "n-1", defect });
    try {
      const claims = await verifyIdToken(token, keys, { issuer: o.issuer ?? "https://idp.example", audience: o.audience ?? "rdconsole", nonce: "n-1", now: NOW });
      return `ok ${claims.sub}`;
    } catch (e) {
      expect(e).toBeInstanceOf(SsoError);
      return (e as Error).message;
    }
  };
  expect(await check("none")).toBe("ok alice-subject");
  expect(await check("aud")).toBe('the ID token\'s "aud" claim is wrong (check_failed)');
  expect(await check("none", { issuer: "https://other.example" })).toBe('the ID token\'s "iss" claim is wrong (check_failed)');
  expect(await check("expired")).toBe("the ID token has expired");
  expect(await check("nonce")).toBe("the ID token's nonce does not match this login");
  expect(await check("signature")).toBe("the ID token's signature does not verify against the provider's keys");
  const unsigned = `${btoa(JSON.stringify({ alg: "none" })).replace(/=+$/, "")}.${btoa(JSON.stringify({ iss: "https://idp.example", aud: "rdconsole", sub: "x", nonce: "n-1", exp: NOW / 1000 + 60 })).replace(/=+$/, "")}.`;
  expect(await verifyIdToken(unsigned, keys, { issuer: "https://idp.example", audience: "rdconsole", nonce: "n-1", now: NOW }).catch((e: Error) => e.message)).toStartWith("the ID token is not valid");
});

/** A provider that issues an ID token with `defect`, through real endpoints. */
function rogueProvider(defect: () => Defect) {
  const nonces = new Map<string, string>();
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(req) {
      const url = new URL(req.url);
      const issuer = url.origin;
      if (url.pathname === "/.well-known/openid-configuration")
        return Response.json({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
      if (url.pathname === "/jwks") return Response.json({ keys: [jwk] });
      if (url.pathname === "/authorize") {
        const code = crypto.randomUUID();
        nonces.set(code, url.searchParams.get("nonce") ?? "");
        const back = new URL(url.searchParams.get("redirect_uri")!);
        back.searchParams.set("code", code);
        back.searchParams.set("state", url.searchParams.get("state")!);
        return Response.redirect(back.href, 302);
      }
      if (url.pathname === "/token") {
        const form = new URLSearchParams(await req.text());
        const nonce = nonces.get(form.get("code") ?? "");
        if (nonce === undefined) return Response.json({ error: "invalid_grant" }, { status: 400 });
        return Response.json({ access_token: "at", token_type: "Bearer", expires_in: 3600, id_token: await idToken({ issuer, audience: "rdconsole", nonce, defect: defect() }) });
      }
      return new Response("not found", { status: 404 });
    },
  });
  return { issuer: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) };
}

let defect: Defect = "none";
const rogue = rogueProvider(() => defect);
afterAll(() => rogue.stop());

test("through the callback: each bad token gives a clear error page and no session", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = testEnv({ "server.public_url": base, "sso.providers": JSON.stringify([{ name: "idp", issuer: rogue.issuer, client_id: "rdconsole", client_secret: "x", auto_create: true }]) });
  const server = env.app.listen({ hostname: "127.0.0.1", port });
  try {
    const attempt = async () => {
      const r = await fetch(`${base}/api/oidc/auth`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"deviceInfo":{"name":"PC","os":"linux","type":"client"},"id":"123456789","op":"idp","uuid":"${UUID}"}` });
      const { code, url } = (await r.json()) as { code: string; url: string };
      const page = await new Browser().openSignIn(url);
      const poll = (await (await fetch(`${base}/api/oidc/auth-query?code=${code}&id=123456789&uuid=${encodeURIComponent(UUID)}`)).json()) as Record<string, unknown>;
      return { page, poll };
    };
    const expected: Record<Exclude<Defect, "none">, string> = {
      aud: 'the ID token\'s "aud" claim is wrong (check_failed)',
      nonce: "the ID token's nonce does not match this login",
      expired: "the ID token has expired",
      signature: "the ID token's signature does not verify against the provider's keys",
    };
    for (const [d, message] of Object.entries(expected)) {
      defect = d as Defect;
      const { page, poll } = await attempt();
      expect([d, page.status, page.text.includes(message.replace(/"/g, "&#34;").replace(/'/g, "&#39;")), poll]).toEqual([d, 400, true, { error: message }]);
    }
    expect(env.sqlite.query("SELECT count(*) AS n FROM sessions").get()).toEqual({ n: 0 });
    expect(env.sqlite.query("SELECT count(*) AS n FROM users").get()).toEqual({ n: 0 });
    expect((env.sqlite.query("SELECT count(*) AS n FROM console_audit WHERE action = 'auth.sso_failed'").get() as { n: number }).n).toBe(4);
    // And the same provider with a good token: signed in (so the failures above were the tokens).
    defect = "none";
    const ok = await attempt();
    expect(ok.poll).toMatchObject({ type: "access_token", user: { name: "alice" } });
  } finally {
    server.stop(true);
  }
});
