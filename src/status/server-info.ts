// GET /api/server-info: what a sign-in page needs before anyone signs in, after FastX's public `/api/config`
// (../shared/spec/seeds/002): the server's name, version, API URL and the login options the client shows.
// Nothing secret: no keys, no user or device counts, no provider secrets. Off with server.public_info = false.
import type { Config } from "../config/schema.ts";
import { VERSION } from "../core/version.ts";
import { loginOptions } from "../auth/login-options.ts";

export interface ServerInfo {
  name: string;
  version: string;
  api_url: string;
  password_login: boolean;
  login_options: string[];
  sso_providers: { name: string; label: string }[];
}

/** `origin`: the request's, used when server.public_url is empty (as links are built elsewhere). */
export function serverInfo(config: Config, origin: string): ServerInfo {
  const base = (config.server.public_url || origin).replace(/\/+$/, "");
  const providers = config.sso.providers;
  return {
    name: config.server.name || (config.server.public_url ? new URL(config.server.public_url).hostname : "rdconsole"),
    version: VERSION,
    api_url: base,
    // Every account with a password can log in with it; SSO comes on top.
    password_login: true,
    login_options: loginOptions(providers),
    sso_providers: providers.map((p) => ({ name: p.name, label: p.label })),
  };
}
