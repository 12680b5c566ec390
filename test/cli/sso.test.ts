// sso list / sso test against a real OpenID Provider and a dead one; user sso-links / sso-unlink;
// provider tables in the TOML file, and what is wrong with a bad one.
import { afterAll, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { cliActor } from "../../src/core/context.ts";
import { openDb } from "../../src/db/client.ts";
import { createLogger } from "../../src/core/log.ts";
import { resolveSsoUser } from "../../src/sso/identity.ts";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/env.ts";
import { startOidcProvider } from "../helpers/oidc.ts";

const op = await startOidcProvider({ clientId: "rdconsole", clientSecret: "s", redirectUris: ["https://rd.example.com/oidc/callback/kc"], accounts: {} });
afterAll(() => op.close());

test("sso list and sso test; sso-links and sso-unlink", async () => {
  const dir = tempDir();
  const file = join(dir, "rdconsole.toml");
  writeFileSync(
    file,
    `[log]\nlevel = "silent"\n[data]\ndir = "data"\n[server]\npublic_url = "https://rd.example.com"\n
[[sso.providers]]
name = "kc"
label = "Keycloak"
issuer = "${op.issuer}"
client_id = "rdconsole"
client_secret = "s"
auto_create = true

[[sso.providers]]
name = "dead"
issuer = "http://127.0.0.1:1/realms/x"
client_id = "x"
client_secret = "y"

[[sso.providers]]
name = "github"
kind = "github"
client_id = "gh"
client_secret = "z"
`,
  );
  const cli = (args: string[]) => runCli([...args, "--config", file]);
  const list = await cli(["sso", "list"]);
  expect(list.code).toBe(0);
  const lines = list.stdout.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^NAME\s+KIND\s+LABEL\s+ISSUER\s+REDIRECT URI\s+DISCOVERY$/);
  expect(lines[1]).toMatch(new RegExp(`^kc\\s+oidc\\s+Keycloak\\s+${op.issuer.replace(/\./g, "\\.")}\\s+https://rd\\.example\\.com/oidc/callback/kc\\s+ok$`));
  expect(lines[2]).toMatch(/^dead\s+oidc\s+Dead\s+http:\/\/127\.0\.0\.1:1\/realms\/x\s+https:\/\/rd\.example\.com\/oidc\/callback\/dead\s+failed: cannot read http:\/\/127\.0\.0\.1:1\/realms\/x\/\.well-known\/openid-configuration: /);
  expect(lines[3]).toMatch(/^github\s+github\s+GitHub\s+https:\/\/github\.com\s+https:\/\/rd\.example\.com\/oidc\/callback\/github\s+n\/a \(OAuth 2\)$/);
  // The secret never shows in config dump.
  const dump = (await cli(["config", "dump"])).stdout;
  expect(dump).toContain('client_secret = "***"');
  expect(dump).not.toContain('client_secret = "s"');

  expect(await cli(["sso", "test", "kc"])).toEqual({
    code: 0,
    stderr: "",
    stdout: [
      `provider       kc (oidc, "Keycloak")`,
      `issuer         ${op.issuer}`,
      `authorization  ${op.issuer}/auth`,
      `token          ${op.issuer}/token`,
      `keys (JWKS)    ${op.issuer}/jwks`,
      `userinfo       ${op.issuer}/me`,
      "scopes         openid email profile",
      "redirect URI   https://rd.example.com/oidc/callback/kc",
      "",
    ].join("\n"),
  });
  const dead = await cli(["sso", "test", "dead"]);
  expect(dead.code).toBe(1);
  expect(dead.stderr).toStartWith("error: dead: cannot read http://127.0.0.1:1/realms/x/.well-known/openid-configuration: ");
  expect((await cli(["sso", "test", "nope"])).stderr).toBe("error: no SSO provider \"nope\" (configured: kc, dead, github)\n");

  // Links, as a first SSO login makes them.
  await cli(["user", "list"]); // creates the data dir
  const { config } = loadConfig({ configPath: file, env: {} });
  const { db, close } = openDb(config.data.dir);
  const ctx = { db, config, log: createLogger(config.log), actor: cliActor(), now: Date.now };
  const user = resolveSsoUser(ctx, config.sso.providers[0]!, { issuer: op.issuer, subject: "sub-1", email: "alice@example.com", emailVerified: true, name: "Alice", username: "alice", groups: [] });
  close();
  expect(user.name).toBe("alice");
  const links = JSON.parse((await cli(["user", "sso-links", "alice", "--json"])).stdout) as { provider: string; issuer: string; subject: string; email: string }[];
  expect(links.map((l) => [l.provider, l.issuer, l.subject, l.email])).toEqual([["kc", op.issuer, "sub-1", "alice@example.com"]]);
  expect(await cli(["user", "sso-unlink", "alice", "kc"])).toEqual({ code: 0, stdout: "removed 1 link of alice to kc\n", stderr: "" });
  expect((await cli(["user", "sso-unlink", "alice", "kc"])).stderr).toBe('error: user "alice" has no sign-in link to "kc"\n');
  expect((await cli(["user", "sso-links", "alice"])).stdout.trimEnd().split("\n")).toHaveLength(1);
  // By hand (how an administrator gets SSO: link_by_email never links one).
  expect(await cli(["user", "sso-link", "alice", "kc", "sub-1"])).toEqual({ code: 0, stdout: "linked alice to sub-1 at kc\n", stderr: "" });
  expect((await cli(["user", "sso-link", "alice", "kc", "sub-1"])).stderr).toBe('error: user "alice" is already linked to that identity\n');
  expect((await cli(["user", "sso-link", "alice", "nope", "x"])).stderr).toBe('error: no SSO provider "nope" in the configuration\n');
  expect(JSON.parse((await cli(["user", "sso-links", "alice", "--json"])).stdout)).toMatchObject([{ provider: "kc", subject: "sub-1", email: "" }]);
});

test("a bad provider table is a config error that says what is wrong", async () => {
  const dir = tempDir();
  const file = join(dir, "rdconsole.toml");
  const check = async (provider: string) => {
    writeFileSync(file, `[log]\nlevel = "silent"\n[data]\ndir = "data"\n[[sso.providers]]\n${provider}\n`);
    return (await runCli(["config", "check", "--config", file])).stderr;
  };
  expect(await check(`name = "Bad Name"\nissuer = "https://x"\nclient_id = "a"\nclient_secret = "b"`)).toContain(`provider 1: name "Bad Name" must be 1-32 of a-z, 0-9, '_', '-' (the client sends it back as "op")`);
  expect(await check(`name = "kc"\nissuer = "https://x"\nclient_id = "a"\nclient_secret = "b"\nclientsecret = "c"`)).toContain('provider 1: unknown key "clientsecret"');
  expect(await check(`name = "kc"\nclient_id = "a"\nclient_secret = "b"`)).toContain('provider 1: "issuer" is required');
  expect(await check(`name = "kc"\nkind = "saml"\nissuer = "https://x"\nclient_id = "a"\nclient_secret = "b"`)).toContain('provider 1 (kc): kind must be one of oidc, github, got "saml"');
  expect(await check(`name = "gh"\nkind = "github"\nclient_id = "a"\nclient_secret = "b"\nauto_create = true`)).toContain('provider 1 (gh): auto_create with kind "github" needs allowed_domains or allowed_groups (organisations), or any GitHub user could create an account');
  expect(await check(`name = "gh"\nkind = "github"\nclient_id = "a"\nclient_secret = "b"\nadmin_groups = ["x"]`)).toContain('provider 1 (gh): allowed_groups and admin_groups are GitHub organisations, which need "read:org" in scopes');
  expect(await check(`name = "kc"\nissuer = "https://x"\nclient_id = "a"\nclient_secret = "b"\n[[sso.providers]]\nname = "kc"\nissuer = "https://y"\nclient_id = "a"\nclient_secret = "b"`)).toContain('two providers are named "kc"');
});
