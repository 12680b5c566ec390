// The issue-3 CLI verbs, in-process against a temp data dir shared with an app.
import { beforeEach, describe, expect, test } from "bun:test";
import { bearer, codeStepBody, DART_JSON, passwordLoginBody, totpCode } from "../helpers/client.ts";
import { cliWithApp, type CliInput } from "../helpers/cli-env.ts";
import { call } from "../helpers/http.ts";

let env: Awaited<ReturnType<typeof cliWithApp>>;
let app: typeof env.app;

beforeEach(async () => {
  env = await cliWithApp();
  app = env.app;
});

const cli = (args: string[], input?: CliInput) => env.cli(args, input);
const login = (body: string) => call(app, "POST", "/api/login", { raw: body, headers: DART_JSON });
async function token(): Promise<string> {
  return ((await login(passwordLoginBody("alice", "alice-password"))).json() as { access_token: string }).access_token;
}
const me = async (t: string) => (await call(app, "POST", "/api/currentUser", { headers: bearer(t) })).status;

describe("user set", () => {
  test("changes only the fields given", async () => {
    expect((await cli(["user", "set", "alice", "--email", "alice@example.com", "--display-name", "Alice", "--admin", "on"])).stdout).toBe("user alice updated\n");
    const j = JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout);
    expect(j).toMatchObject({ email: "alice@example.com", display_name: "Alice", is_admin: true, email_verification: false, note: "" });
    await cli(["user", "create", "root", "--admin", "--password-stdin"], { stdin: "root-password" }); // alice is not the last admin
    await cli(["user", "set", "alice", "--note", "on call", "--admin", "off"]);
    expect(JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout)).toMatchObject({ email: "alice@example.com", is_admin: false, email_verification: false, note: "on call" });
  });

  test("bad values are one-line errors", async () => {
    expect(await cli(["user", "set", "alice", "--admin", "maybe"])).toMatchObject({ code: 2, stderr: 'error: --admin takes on or off, not "maybe"\n' });
    expect(await cli(["user", "set", "alice"])).toMatchObject({ code: 1, stderr: "error: nothing to change: pass --email, --display-name, --note, --admin or --email-verification\n" });
    expect(await cli(["user", "set", "alice", "--email", "nope"])).toMatchObject({ code: 1, stderr: 'error: invalid e-mail address "nope"\n' });
  });
});

test("logout-all, session list and session revoke act on live logins at once", async () => {
  const a = await token();
  const b = await token();
  const list = JSON.parse((await cli(["session", "list", "--json", "--user", "alice"])).stdout) as { id: number; kind: string; device_name: string }[];
  expect(list).toHaveLength(2);
  expect(list.map((s) => s.kind)).toEqual(["client", "client"]);
  expect(list[0]!.device_name).toBe("ALICE-PC");
  expect((await cli(["session", "revoke", String(list[0]!.id)])).stdout).toBe(`revoked session ${list[0]!.id} of alice\n`);
  expect(await me(a)).toBe(401);
  expect(await me(b)).toBe(200);
  expect((await cli(["user", "logout-all", "alice"])).stdout).toBe("revoked 1 session of alice\n");
  expect(await me(b)).toBe(401);
  expect((await cli(["session", "revoke", "999"])).stderr).toBe("error: session 999 not found\n");
});

describe("user 2fa", () => {
  test("enable shows a QR code and the key, asks for a code, prints 10 recovery codes; login then needs TOTP", async () => {
    const keyOf = (out: string) => /key: ([A-Z2-7]+)/.exec(out)![1]!;
    // A wrong code is refused and asked again; the right one turns 2FA on.
    const answers = ["000000", ""];
    const run = await cli(["user", "2fa", "enable", "alice"], { tty: (_q, out) => (answers.length > 1 ? answers.shift()! : totpCode(keyOf(out), Date.now())) });
    expect(run.stderr).toBe("Code from the app: that code does not match; check the authenticator's clock and try again\nCode from the app: ");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("▀"); // the QR code
    expect(run.stdout).toMatch(/uri: otpauth:\/\/totp\/rdconsole:alice\?secret=[A-Z2-7]+&issuer=rdconsole/);
    const codes = [...run.stdout.matchAll(/^ {2}([a-z2-9]{5}-[a-z2-9]{5})$/gm)].map((m) => m[1]);
    expect(codes).toHaveLength(10);

    const challenge = (await login(passwordLoginBody("alice", "alice-password"))).json() as { tfa_type: string; secret: string };
    expect(challenge.tfa_type).toBe("tfa_check");
    expect((await login(codeStepBody("alice", codes[0]!, challenge.secret, { totp: true }))).status).toBe(200);
    expect(JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout).tfa).toBe("on");
  });

  test("without a terminal, enable asks for --no-confirm and leaves 2FA off", async () => {
    expect(await cli(["user", "2fa", "enable", "alice"])).toMatchObject({ code: 1, stderr: "error: no terminal to ask for the first code on: use --no-confirm\n" });
    expect(JSON.parse((await cli(["user", "show", "alice", "--json"])).stdout).tfa).toBe("pending");
    expect(((await login(passwordLoginBody("alice", "alice-password"))).json() as { type: string }).type).toBe("access_token");
  });

  test("--no-confirm for scripts; disable; reset revokes sessions", async () => {
    const r = await cli(["user", "2fa", "enable", "alice", "--no-confirm"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("two-factor authentication is on for alice.");
    expect((await cli(["user", "2fa", "enable", "alice", "--no-confirm"])).stderr).toBe('error: two-factor authentication is already on for alice; use "user 2fa reset" first\n');
    expect((await cli(["user", "2fa", "disable", "alice"])).stdout).toBe("two-factor authentication is off for alice\n");
    const t = await token();
    await cli(["user", "2fa", "enable", "alice", "--no-confirm"]);
    expect(await cli(["user", "2fa", "reset", "alice"])).toMatchObject({ code: 1, stderr: "error: not confirmed: pass --yes to run this without a terminal\n" });
    expect((await cli(["user", "2fa", "reset", "alice", "--yes"])).stdout).toBe("two-factor authentication reset for alice; 1 session revoked\n");
    expect(await me(t)).toBe(401);
  });
});

test("ban add/list/remove; bans apply to the app at once", async () => {
  expect((await cli(["ban", "add", "203.0.113.0/24", "--expires", "2h", "--comment", "scanner"])).stdout).toMatch(/^banned 203\.0\.113\.0\/24 \(id 1, expires \d{4}-.*Z\)\n$/);
  expect((await cli(["ban", "add", "not-an-ip"])).stderr).toBe('error: not an IP address or CIDR range: "not-an-ip"\n');
  expect((await cli(["ban", "add", "10.0.0.1", "--expires", "soon"])).stderr).toBe('error: --expires takes a duration such as 30m, 12h, 7d, 2w or never, not "soon"\n');
  expect((await cli(["ban", "add", "10.0.0.1", "--expires", "999999999999d"])).stderr).toBe("error: --expires is at most 100 years; use never for a permanent one\n");
  const list = JSON.parse((await cli(["ban", "list", "--json"])).stdout);
  expect(list).toMatchObject([{ id: 1, cidr: "203.0.113.0/24", comment: "scanner" }]);
  expect(list[0].created_by).toStartWith("cli:");
  expect((await cli(["ban", "remove", "1"])).stdout).toBe("lifted the ban on 203.0.113.0/24\n");
  expect(JSON.parse((await cli(["ban", "list", "--json"])).stdout)).toEqual([]);
  expect((await cli(["ban", "remove", "1"])).stderr).toBe("error: ban 1 not found\n");
});
