// Pro admin API, users (pro-admin-api §3): every sub-command of res/users.py replayed with the exact requests
// it sends (test/helpers/pro-script.ts), asserting status exactly 200 and what the script reads.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { beginTotp, confirmTotp, totpStatus } from "../../src/auth/totp.ts";
import { users } from "../../src/db/schema.ts";
import { createGroup } from "../../src/groups/service.ts";
import { createToken } from "../../src/tokens/service.ts";
import { updateUser } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { script } from "../helpers/pro-script.ts";
import { startSmtp } from "../helpers/smtp.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const smtp = await startSmtp();
const env = tokenEnv({ ...smtp.config, "server.public_url": "https://rd.example.com/rd" });
afterAll(async () => {
  env.close();
  await smtp.close();
});
const key = createToken(env.ctx, { name: "scripts", scopes: { users: "rw", groups: "rw" } }).secret;
const py = script(env.app, key);
createGroup(env.ctx, { name: "Ops team" });

type Row = { guid: string; name: string; status: number; group_name: string; email: string; tfa_enforced: boolean; email_verification: boolean };
const userRow = (name: string) => env.db.select().from(users).where(sql`${users.name} = ${name}`).get()!;

/** users.py view(): GET /api/users?name=%n%&group_name=%g%&pageSize=30&current=k until a short page or k × 30 ≥ total. */
async function view(name?: string, group?: string): Promise<Row[]> {
  // client: res/users.py:43-47 (rustdesk@7423dced) wraps each given filter in %…% unless it is "-" or holds a %.
  const wrap = (v: string) => (v !== "-" && !v.includes("%") ? `%${v}%` : v);
  const params: Record<string, string | number> = {};
  if (name !== undefined) params.name = wrap(name);
  if (group !== undefined) params.group_name = wrap(group);
  params.pageSize = 30;
  const out: Row[] = [];
  for (let current = 1; ; current++) {
    const r = await py.get("/api/users", { ...params, current });
    expect(r.status).toBe(200);
    const body = r.json() as { total: number; data: Row[] };
    expect(body).not.toHaveProperty("error");
    out.push(...body.data);
    if (body.data.length < 30 || current * 30 >= body.total) return out;
  }
}

const ok = (r: { status: number; text: string }) => expect([r.status, r.text]).toEqual([200, ""]);

describe("users.py", () => {
  test("new: POST /api/users {name, password, group_name, email, note} → 200, the user enabled in that group", async () => {
    ok(await py.send("POST", "/api/users", { name: "dave", password: "dave-password-1", group_name: "Ops team", email: "dave@example.com", note: "on call" }));
    ok(await py.send("POST", "/api/users", { name: "erin", password: "erin-password-1", group_name: "Default" }));
    const [dave] = await view("dave");
    expect(dave).toMatchObject({ name: "dave", status: 1, group_name: "Ops team", email: "dave@example.com", is_admin: false, note: "on call" });
    expect(dave!.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test("new: an unknown group, a duplicate name → {error} with a 4xx, nothing created", async () => {
    const r = await py.send("POST", "/api/users", { name: "frank", password: "frank-password-1", group_name: "Nope" });
    expect([r.status, r.json()]).toEqual([404, { error: 'group "Nope" not found' }]);
    expect(await view("frank")).toEqual([]);
    const dup = await py.send("POST", "/api/users", { name: "DAVE", password: "dave-password-1", group_name: "Default" });
    expect([dup.status, (dup.json() as { error: string }).error]).toEqual([409, 'a user named "dave" already exists']);
  });

  test("view: fuzzy name and group_name (LIKE, case-insensitive), - for no group, paging with the true total", async () => {
    expect((await view("AV")).map((u) => u.name)).toEqual(["dave"]);
    expect((await view(undefined, "ops")).map((u) => u.name)).toEqual(["dave"]);
    expect((await view()).map((u) => u.name)).toEqual(["alice", "bob", "carol", "dave", "erin"]);
    expect(await view("-")).toEqual([]);
    // Past the first page: 35 users → two requests, no duplicates.
    for (let i = 0; i < 30; i++) ok(await py.send("POST", "/api/users", { name: `bulk${String(i).padStart(2, "0")}`, password: "bulk-password-1", group_name: "Default" }));
    const all = await view();
    expect(all).toHaveLength(35);
    expect(new Set(all.map((u) => u.guid)).size).toBe(35);
    const page2 = (await py.get("/api/users", { pageSize: 30, current: 2 })).json() as { total: number; data: Row[] };
    expect([page2.total, page2.data.length]).toEqual([35, 5]);
    expect(((await py.get("/api/users", { pageSize: 30, current: 9 })).json() as { data: Row[] }).data).toEqual([]);
  });

  test("disable / enable: body-less POSTs → 200; disabling ends the user's logins", async () => {
    const login = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dave", "dave-password-1"), headers: DART_JSON });
    const session = (login.json() as { access_token: string }).access_token;
    const [dave] = await view("dave");
    ok(await py.bare("POST", `/api/users/${dave!.guid}/disable`));
    expect((await view("dave"))[0]!.status).toBe(0);
    expect((await call(env.app, "POST", "/api/currentUser", { headers: { authorization: `Bearer ${session}` } })).status).toBe(401);
    ok(await py.bare("POST", `/api/users/${dave!.guid}/enable`));
    expect((await view("dave"))[0]!.status).toBe(1);
  });

  test("delete: refused while enabled (as in Pro), 200 once disabled", async () => {
    const [erin] = await view("erin");
    const refused = await py.bare("DELETE", `/api/users/${erin!.guid}`);
    expect([refused.status, refused.json()]).toEqual([409, { error: "Please disable the user first: erin is enabled" }]);
    ok(await py.bare("POST", `/api/users/${erin!.guid}/disable`));
    ok(await py.bare("DELETE", `/api/users/${erin!.guid}`));
    expect(await view("erin")).toEqual([]);
    const gone = await py.bare("DELETE", `/api/users/${erin!.guid}`);
    expect(gone.status).toBe(404);
  });

  test("enable-2fa-enforce / disable-2fa-enforce: one PUT with every matched guid", async () => {
    const guids = (await view("%a%")).map((u) => u.guid);
    ok(await py.send("PUT", "/api/users/tfa/totp/enforce", { user_guids: guids, enforce: true, url: "https://console.example.com" }));
    expect((await view("%a%")).every((u) => u.tfa_enforced)).toBe(true);
    ok(await py.send("PUT", "/api/users/tfa/totp/enforce", { user_guids: guids, enforce: false, url: "" }));
    expect((await view("%a%")).some((u) => u.tfa_enforced)).toBe(false);
    expect(env.audit("user.2fa_enforce").length).toBe(guids.length * 2);
  });

  test("disable-email-verification: type email turns e-mailed login codes off", async () => {
    updateUser(env.ctx, "dave", { emailVerification: true });
    const [dave] = await view("dave");
    expect(dave!.email_verification).toBe(true);
    ok(await py.send("PUT", "/api/users/disable_login_verification", { user_guids: [dave!.guid], type: "email" }));
    expect((await view("dave"))[0]!.email_verification).toBe(false);
  });

  test("reset-2fa: type 2fa removes the authenticator", async () => {
    beginTotp(env.ctx, "dave");
    confirmTotp(env.ctx, "dave", null);
    expect(totpStatus(env.ctx, userRow("dave").id)).toBe("on");
    const [dave] = await view("dave");
    ok(await py.send("PUT", "/api/users/disable_login_verification", { user_guids: [dave!.guid], type: "2fa" }));
    expect(totpStatus(env.ctx, userRow("dave").id)).toBe("off");
    const bad = await py.send("PUT", "/api/users/disable_login_verification", { user_guids: [dave!.guid], type: "sms" });
    expect([bad.status, bad.json()]).toEqual([400, { error: "type: email or 2fa" }]);
  });

  test("force-logout: every login of the users ends; an unknown guid refuses the lot", async () => {
    const login = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("dave", "dave-password-1"), headers: DART_JSON });
    const session = (login.json() as { access_token: string }).access_token;
    const [dave] = await view("dave");
    const refused = await py.send("POST", "/api/users/force-logout", { user_guids: [dave!.guid, "01234567-0000-7000-8000-000000000000"] });
    expect(refused.status).toBe(404);
    expect((await call(env.app, "POST", "/api/currentUser", { headers: { authorization: `Bearer ${session}` } })).status).toBe(200);
    ok(await py.send("POST", "/api/users/force-logout", { user_guids: [dave!.guid] }));
    expect((await call(env.app, "POST", "/api/currentUser", { headers: { authorization: `Bearer ${session}` } })).status).toBe(401);
  });
});

describe("users.py invite", () => {
  let link = "";
  beforeAll(async () => {
    const r = await py.send("POST", "/api/users/invite", { email: "gina@example.com", name: "gina", group_name: "Ops team", note: "new hire" });
    expect([r.status, r.text]).toEqual([200, ""]);
    const mail = smtp.received.filter((m) => m.to.includes("gina@example.com")).at(-1)!;
    // Quoted-printable: soft line breaks and =3D.
    const text = mail.data.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    link = /https:\/\/rd\.example\.com\/rd\/invite\?token=[A-Za-z0-9_-]+/.exec(text)![0];
  });

  test("the user exists unverified (status -1) in the group, and cannot log in yet", async () => {
    expect((await view("gina"))[0]).toMatchObject({ status: -1, group_name: "Ops team", email: "gina@example.com" });
    const login = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("gina", "gina-password-1"), headers: DART_JSON });
    expect(login.status).not.toBe(200);
    // users.py enable would kill the link and leave an account without a password.
    const enable = await py.bare("POST", `/api/users/${(await view("gina"))[0]!.guid}/enable`);
    expect([enable.status, enable.json()]).toEqual([409, { error: "gina has not accepted the invitation yet; it is enabled by setting a password through the link" }]);
  });

  test("following the link: a form; submitting it sets the password and activates the user; the link is then dead", async () => {
    const path = link.replace("https://rd.example.com/rd", "");
    const page = await call(env.app, "GET", path);
    expect([page.status, page.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
    expect(page.text).toContain("<b>gina</b>");
    const token = new URL(link).searchParams.get("token")!;
    expect(page.text).toContain(`name="token" value="${token}"`);
    // As a browser submits it: form-encoded with a Content-Length.
    const form = (password: string, confirm = password) => {
      const raw = new URLSearchParams({ token, password, confirm }).toString();
      return call(env.app, "POST", "/invite", { raw, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(raw.length) } });
    };
    expect((await form("gina-password-1", "other-password")).status).toBe(400);
    expect((await form("short")).status).toBe(400);
    const done = await form("gina-password-1");
    expect([done.status, done.text.includes("Account activated")]).toEqual([200, true]);
    expect((await view("gina"))[0]!.status).toBe(1);
    const login = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("gina", "gina-password-1"), headers: DART_JSON });
    expect(login.status).toBe(200);
    expect((await call(env.app, "GET", path)).status).toBe(404);
    expect((await form("gina-password-2")).status).toBe(404);
    expect(env.audit("user.activate")).toHaveLength(1);
  });

  test("an expired link is dead", async () => {
    ok(await py.send("POST", "/api/users/invite", { email: "hank@example.com", name: "hank", group_name: "Default" }));
    const mail = smtp.received.filter((m) => m.to.includes("hank@example.com")).at(-1)!;
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.data.replace(/=\r?\n/g, "").replace(/=3D/g, "="))![1]!;
    env.advance(8 * 86_400_000);
    expect((await call(env.app, "GET", `/invite?token=${token}`)).status).toBe(404);
  });

  test("refusals: an unknown group or a taken name → {error}, no user, no mail", async () => {
    const before = smtp.received.length;
    const r = await py.send("POST", "/api/users/invite", { email: "ivy@example.com", name: "ivy", group_name: "Nope" });
    expect([r.status, r.json()]).toEqual([404, { error: 'group "Nope" not found' }]);
    expect((await py.send("POST", "/api/users/invite", { email: "x@example.com", name: "gina", group_name: "Default" })).status).toBe(409);
    expect(smtp.received.length).toBe(before);
    expect(await view("ivy")).toEqual([]);
  });
});

test("invite without [smtp] → 503 {error}; with a dead SMTP server the user is taken back", async () => {
  const bare = tokenEnv();
  const k = createToken(bare.ctx, { name: "k", scopes: { users: "rw" } }).secret;
  const r = await script(bare.app, k).send("POST", "/api/users/invite", { email: "a@example.com", name: "ann", group_name: "Default" });
  expect([r.status, r.json()]).toEqual([503, { error: "invitations are sent by e-mail, and [smtp] is not configured (set smtp.host and smtp.from)" }]);
  bare.close();
  const dead = tokenEnv({ "smtp.host": "127.0.0.1", "smtp.port": "1", "smtp.security": "none", "smtp.from": "rd@example.com", "smtp.timeout_seconds": "2" });
  const k2 = createToken(dead.ctx, { name: "k", scopes: { users: "rw" } }).secret;
  const r2 = await script(dead.app, k2).send("POST", "/api/users/invite", { email: "a@example.com", name: "ann", group_name: "Default" });
  expect(r2.status).toBe(503);
  expect(dead.db.select().from(users).where(sql`${users.name} = 'ann'`).get()).toBeUndefined();
  dead.close();
});
