// The only module that talks OAuth 2 / OpenID Connect (arctic for the protocol, jose for ID token
// signatures). arctic has no discovery, nonce or signature checks (STACK.md): those are here.
// What leaves this module is an Identity, or an SsoError with a message fit for the user's browser.
import { ArcticFetchError, CodeChallengeMethod, OAuth2Client, OAuth2RequestError } from "arctic";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { ProviderConfig } from "../config/sso-providers.ts";

const TIMEOUT_MS = 10_000;
const DISCOVERY_TTL_MS = 3_600_000;

export class SsoError extends Error {}

export interface Identity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** A display name. */
  name: string | null;
  /** A login name to derive a user name from. */
  username: string | null;
  groups: string[];
}

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

// arctic's requests have no timeout of their own.
async function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new SsoError(`${what} did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** <issuer>/.well-known/openid-configuration, checked as OIDC Discovery §4.3 requires. */
export async function discover(issuer: string): Promise<Discovery> {
  const url = `${issuer}/.well-known/openid-configuration`;
  let doc: Record<string, unknown>;
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" } });
    if (!r.ok) throw new SsoError(`${url} answered ${r.status}`);
    doc = (await r.json()) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof SsoError) throw e;
    throw new SsoError(`cannot read ${url}: ${(e as Error).message}`);
  }
  for (const k of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"])
    if (typeof doc[k] !== "string" || !URL.canParse(doc[k] as string)) throw new SsoError(`${url} has no valid "${k}"`);
  if ((doc.issuer as string).replace(/\/+$/, "") !== issuer) throw new SsoError(`${url} names issuer ${JSON.stringify(doc.issuer)}, not ${JSON.stringify(issuer)}`);
  return doc as unknown as Discovery;
}

/** One provider's OAuth client, with discovery and keys cached: the flow's two halves. */
export class ProviderClient {
  private discovery: { at: number; value: Promise<Discovery> } | null = null;
  private jwks: ReturnType<typeof createRemoteJWKSet> | null = null;

  constructor(
    readonly config: ProviderConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The redirect URI depends on how the client reached us (server.public_url, else the request). */
  private oauth(redirectUri: string): OAuth2Client {
    return new OAuth2Client(this.config.client_id, this.config.client_secret, redirectUri);
  }

  /** The provider's endpoints (discovered for oidc); for `rdconsole sso test`. */
  endpointsNow(): Promise<Discovery> {
    return this.endpoints();
  }

  private endpoints(): Promise<Discovery> {
    if (this.config.kind === "github") {
      const base = this.config.issuer;
      return Promise.resolve({ issuer: base, authorization_endpoint: `${base}/login/oauth/authorize`, token_endpoint: `${base}/login/oauth/access_token`, jwks_uri: "" });
    }
    const now = this.now();
    if (!this.discovery || now - this.discovery.at > DISCOVERY_TTL_MS) {
      const value = discover(this.config.issuer);
      this.discovery = { at: now, value };
      value.catch(() => (this.discovery = null)); // not cached when it failed
    }
    return this.discovery.value;
  }

  /** Where the browser goes to log in. */
  async authorizationUrl(login: { state: string; nonce: string; verifier: string }, redirectUri: string): Promise<URL> {
    const d = await this.endpoints();
    const url = this.oauth(redirectUri).createAuthorizationURLWithPKCE(d.authorization_endpoint, login.state, CodeChallengeMethod.S256, login.verifier, [...this.config.scopes]);
    if (this.config.kind === "oidc") url.searchParams.set("nonce", login.nonce);
    return url;
  }

  /** The code from the callback → the verified identity. */
  async identity(code: string, login: { nonce: string; verifier: string }, redirectUri: string): Promise<Identity> {
    const d = await this.endpoints();
    let tokens;
    try {
      tokens = await withTimeout(this.oauth(redirectUri).validateAuthorizationCode(d.token_endpoint, code, login.verifier), "the provider's token endpoint");
    } catch (e) {
      if (e instanceof OAuth2RequestError) throw new SsoError(`the provider refused the login: ${e.code}${e.description ? ` (${e.description})` : ""}`);
      if (e instanceof ArcticFetchError) throw new SsoError(`cannot reach the provider's token endpoint: ${(e.cause as Error | undefined)?.message ?? e.message}`);
      if (e instanceof SsoError) throw e;
      throw new SsoError(`unexpected answer from the provider's token endpoint: ${(e as Error).message}`);
    }
    const data = tokens.data as Record<string, unknown>;
    // GitHub answers a refused code with 200 and {"error": …}.
    if (typeof data.error === "string") throw new SsoError(`the provider refused the login: ${data.error}${typeof data.error_description === "string" ? ` (${data.error_description})` : ""}`);
    if (typeof data.access_token !== "string") throw new SsoError("the provider's token endpoint sent no access token");
    return this.config.kind === "github" ? this.githubIdentity(data.access_token) : this.oidcIdentity(d, data, login.nonce);
  }

  private async oidcIdentity(d: Discovery, data: Record<string, unknown>, nonce: string): Promise<Identity> {
    if (typeof data.id_token !== "string") throw new SsoError("the provider sent no ID token (is the \"openid\" scope configured?)");
    this.jwks ??= createRemoteJWKSet(new URL(d.jwks_uri), { timeoutDuration: TIMEOUT_MS });
    const claims = await verifyIdToken(data.id_token, this.jwks, { issuer: d.issuer, audience: this.config.client_id, nonce, now: this.now() });
    let info: Record<string, unknown> = claims;
    // Some providers put e-mail and groups only in the userinfo answer.
    if ((claims.email === undefined || claims[this.config.groups_claim] === undefined) && d.userinfo_endpoint && typeof data.access_token === "string") {
      const r = await fetch(d.userinfo_endpoint, { headers: { authorization: `Bearer ${data.access_token}`, accept: "application/json" }, signal: AbortSignal.timeout(TIMEOUT_MS) }).catch(() => null);
      const extra = r?.ok ? ((await r.json().catch(() => null)) as Record<string, unknown> | null) : null;
      if (extra && extra.sub === claims.sub) info = { ...extra, ...claims };
    }
    const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
    const groups = info[this.config.groups_claim];
    return {
      issuer: d.issuer,
      subject: claims.sub!,
      email: str(info.email),
      emailVerified: info.email_verified === true || info.email_verified === "true",
      name: str(info.name),
      username: str(info.preferred_username) ?? str(info.nickname),
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : typeof groups === "string" ? [groups] : [],
    };
  }

  private async githubIdentity(accessToken: string): Promise<Identity> {
    const get = async (path: string) => {
      const r = await fetch(`${this.config.api_url}${path}`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "rdconsole" },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }).catch((e: Error) => {
        throw new SsoError(`cannot reach the GitHub API: ${e.message}`);
      });
      if (!r.ok) throw new SsoError(`the GitHub API answered ${r.status} for ${path}`);
      return r.json() as Promise<unknown>;
    };
    const user = (await get("/user")) as { id?: unknown; login?: unknown; name?: unknown };
    if (typeof user.id !== "number" && typeof user.id !== "string") throw new SsoError("the GitHub API sent no user id");
    // Only the primary address, and only if GitHub has verified it.
    const emails = (await get("/user/emails")) as { email?: unknown; primary?: unknown; verified?: unknown }[];
    const primary = Array.isArray(emails) ? emails.find((e) => e.primary === true && e.verified === true && typeof e.email === "string") : undefined;
    // Organisations are GitHub's groups (allowed_groups, admin_groups), readable with the read:org scope.
    const orgs = this.config.scopes.includes("read:org") ? ((await get("/user/orgs?per_page=100")) as { login?: unknown }[]) : [];
    return {
      issuer: this.config.issuer,
      subject: String(user.id),
      email: (primary?.email as string | undefined) ?? null,
      emailVerified: primary !== undefined,
      name: typeof user.name === "string" && user.name ? user.name : null,
      username: typeof user.login === "string" ? user.login : null,
      groups: Array.isArray(orgs) ? orgs.map((o) => o.login).filter((l): l is string => typeof l === "string") : [],
    };
  }
}

/** Signature (against the issuer's keys), iss, aud, exp and nonce; azp when there are several audiences. */
export async function verifyIdToken(
  token: string,
  keys: Parameters<typeof jwtVerify>[1],
  o: { issuer: string; audience: string; nonce: string; now: number },
): Promise<JWTPayload & Record<string, unknown>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys as Parameters<typeof jwtVerify>[1] & CryptoKey, { issuer: o.issuer, audience: o.audience, currentDate: new Date(o.now), clockTolerance: 60, requiredClaims: ["exp", "iat"] }));
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new SsoError("the ID token has expired");
    if (e instanceof joseErrors.JWTClaimValidationFailed) throw new SsoError(`the ID token's "${e.claim}" claim is wrong (${e.reason})`);
    if (e instanceof joseErrors.JWSSignatureVerificationFailed || e instanceof joseErrors.JWKSNoMatchingKey) throw new SsoError("the ID token's signature does not verify against the provider's keys");
    throw new SsoError(`the ID token is not valid: ${(e as Error).message}`);
  }
  if (payload.nonce !== o.nonce) throw new SsoError("the ID token's nonce does not match this login");
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== o.audience) throw new SsoError('the ID token\'s "azp" claim is wrong');
  if (typeof payload.sub !== "string" || payload.sub === "") throw new SsoError("the ID token has no subject");
  return payload as JWTPayload & Record<string, unknown>;
}
