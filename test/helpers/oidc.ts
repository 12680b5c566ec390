// A real OpenID Provider on loopback (the `oidc-provider` package with its built-in login and
// consent pages), and a small browser: fetch with a cookie jar that follows redirects and submits
// the provider's forms as a person would.
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A loopback port free right now: rdconsole's public URL must be known before the provider starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createTcpServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

export interface Account {
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
  groups?: string[];
}

export async function startOidcProvider(o: { clientId: string; clientSecret: string; redirectUris: string[]; accounts: Record<string, Account> }) {
  let handler: Parameters<typeof createServer>[1] = () => {};
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: o.clientId, client_secret: o.clientSecret, redirect_uris: o.redirectUris, grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic" }],
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"], groups: ["groups"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["test-cookie-key"] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = o.accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  });
  handler = provider.callback() as typeof handler;
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A browser: cookies per host, redirects followed by hand, forms submitted with their hidden fields. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();
  readonly visited: string[] = [];

  private cookieHeader(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const jar = this.jar.get(url.host) ?? new Map<string, string>();
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(pair!.slice(0, eq).trim());
      else jar.set(pair!.slice(0, eq).trim(), value);
      this.jar.set(url.host, jar);
    }
  }

  /** Follows redirects to the first non-redirect answer, or to the first redirect whose target `stopAt` accepts (not fetched then). */
  async go(start: string, init: { method?: string; body?: URLSearchParams; stopAt?: (url: URL) => boolean } = {}): Promise<{ url: string; status: number; text: string }> {
    let url = new URL(start);
    let method = init.method ?? "GET";
    let body: URLSearchParams | undefined = init.body;
    for (let hops = 0; hops < 20; hops++) {
      this.visited.push(url.href);
      const headers: Record<string, string> = { cookie: this.cookieHeader(url) };
      if (body) headers["content-type"] = "application/x-www-form-urlencoded";
      const r = await fetch(url, { method, body, headers, redirect: "manual" });
      this.keep(url, r);
      const location = r.headers.get("location");
      if (r.status >= 300 && r.status < 400 && location) {
        await r.body?.cancel();
        url = new URL(location, url);
        if (init.stopAt?.(url)) return { url: url.href, status: r.status, text: "" };
        method = "GET";
        body = undefined;
        continue;
      }
      return { url: url.href, status: r.status, text: await r.text() };
    }
    throw new Error("too many redirects");
  }

  /** Opens a sign-in link from the client and presses Continue on rdconsole's page: the provider's page, or wherever it leads. */
  async openSignIn(url: string, stopAt?: (url: URL) => boolean) {
    const confirm = await this.go(url);
    if (!confirm.text.includes("<h1>Sign in to RustDesk with")) return confirm;
    return this.submit(confirm, {}, stopAt);
  }

  /** Submits the page's first form, with its hidden inputs and `fields`. */
  submit(page: { url: string; text: string }, fields: Record<string, string> = {}, stopAt?: (url: URL) => boolean) {
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(page.text);
    if (!form) throw new Error(`no form on ${page.url}:\n${page.text.slice(0, 500)}`);
    const params = new URLSearchParams();
    for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
      if (name && !(name in fields)) params.set(name, value);
    }
    for (const [k, v] of Object.entries(fields)) params.set(k, v);
    return this.go(new URL(form[1]!.replace(/&amp;/g, "&"), page.url).href, { method: "POST", body: params, stopAt });
  }
}
