// Pro admin API, user groups (pro-admin-api §4): every sub-command of res/user-groups.py replayed with the
// exact requests it sends — Content-Type: application/json on every call, GET and DELETE included, with an
// empty body; add-users posts a bare JSON array — asserting status exactly 200 and what the script reads.
import { afterAll, describe, expect, test } from "bun:test";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { groupAccessOf } from "../../src/groups/service.ts";
import { createToken } from "../../src/tokens/service.ts";
import { createUser, setPassword } from "../../src/users/service.ts";
import { DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { script } from "../helpers/pro-script.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const key = createToken(env.ctx, { name: "scripts", scopes: { users: "r", groups: "rw" } }).secret;
const py = script(env.app, key, { jsonEverywhere: true });
createDeviceGroup(env.ctx, { name: "Servers" });

type Rule = { type: number; name: string };
type Group = { guid: string; name: string; note: string; allowed_incomings: Rule[]; allowed_outgoings: Rule[]; user_count: number };
type User = { guid: string; name: string; group_name: string };

/** list_groups(): GET /api/user-groups?pageSize=50[&name=<raw>]&current=k until a short page or k × 50 ≥ total. */
async function listGroups(name?: string): Promise<Group[]> {
  const out: Group[] = [];
  for (let current = 1; ; current++) {
    const r = await py.get("/api/user-groups", { pageSize: 50, ...(name ? { name } : {}), current });
    expect(r.status).toBe(200);
    const body = r.json() as { total: number; data: Group[] };
    expect(body).not.toHaveProperty("error");
    out.push(...body.data);
    if (body.data.length < 50 || current * 50 >= body.total) return out;
  }
}
/** get_group_by_name(): the first row with exactly that name. */
const groupNamed = async (name: string) => (await listGroups(name)).find((g) => String(g.name) === name);

const ok = (r: { status: number; text: string }) => expect([r.status, r.text]).toEqual([200, ""]);

describe("user-groups.py", () => {
  test("view: GET with a JSON content type and no body → {total, data} with guid, name and the rule lists", async () => {
    const groups = await listGroups();
    expect(groups.map((g) => g.name)).toEqual(["Default"]);
    expect(groups[0]).toMatchObject({ note: expect.any(String), allowed_incomings: [], allowed_outgoings: [], user_count: 3 });
  });

  test("add: POST {name, note, allowed_incomings, allowed_outgoings} → 200; the rules read back in the same shape", async () => {
    ok(await py.send("POST", "/api/user-groups", { name: "Ops team", note: "ops", allowed_outgoings: [{ type: 0, name: "Default" }, { type: 1, name: "Servers" }] }));
    ok(await py.send("POST", "/api/user-groups", { name: "Sales", allowed_incomings: [{ type: 0, name: "Ops team" }] }));
    ok(await py.send("POST", "/api/user-groups", { name: "Empty" }));
    const ops = (await groupNamed("Ops team"))!;
    expect(ops).toMatchObject({ note: "ops", allowed_incomings: [], allowed_outgoings: [{ type: 0, name: "Default" }, { type: 0, name: "Sales" }, { type: 1, name: "Servers" }] });
    expect((await groupNamed("Sales"))!.allowed_incomings).toEqual([{ type: 0, name: "Ops team" }]);
    expect(groupAccessOf(env.ctx, "Ops team")).toEqual({ userGroups: ["Default", "Sales"], deviceGroups: ["Servers"] });
  });

  test("add: refusals → 4xx {error}: a duplicate name, an unknown target (group or user), a type not allowed", async () => {
    const cases: [unknown, number, string][] = [
      [{ name: "ops TEAM" }, 409, 'a group named "Ops team" already exists'],
      [{ name: "X", allowed_outgoings: [{ type: 1, name: "Nope" }] }, 404, 'device group "Nope" not found'],
      [{ name: "X", allowed_outgoings: [{ type: 2, name: "alice" }] }, 400, "allowed_outgoings: type 2 is not allowed here (allowed: 0, 1)"],
      [{ name: "X", allowed_incomings: [{ type: 1, name: "Servers" }] }, 400, "allowed_incomings: type 1 is not allowed here (allowed: 0, 2)"],
      [{ name: "X", allowed_incomings: [{ type: 0, name: "Default" }, { type: 2, name: "nobody" }] }, 404, 'user "nobody" not found'],
    ];
    for (const [body, status, error] of cases) {
      const r = await py.send("POST", "/api/user-groups", body);
      expect([r.status, r.json()]).toEqual([status, { error }]);
    }
    expect(await groupNamed("X")).toBeUndefined();
    expect(env.sqlite.query("SELECT count(*) AS n FROM user_access").get()).toEqual({ n: 0 });
  });

  test("view --name: the name filter is exact unless it holds a %, case-insensitive; a space arrives as +", async () => {
    expect((await listGroups("Ops team")).map((g) => g.name)).toEqual(["Ops team"]);
    expect((await listGroups("ops")).map((g) => g.name)).toEqual([]);
    expect((await listGroups("%S%")).map((g) => g.name)).toEqual(["Ops team", "Sales"]);
  });

  test("update: PATCH with only the options given; [] clears a list, a list replaces it; renaming keeps the rules", async () => {
    const sales = (await groupNamed("Sales"))!;
    ok(await py.send("PATCH", `/api/user-groups/${sales.guid}`, { name: "Sales EU", note: "eu", allowed_incomings: [], allowed_outgoings: [{ type: 0, name: "Ops team" }] }));
    const renamed = (await groupNamed("Sales EU"))!;
    expect(renamed).toMatchObject({ guid: sales.guid, note: "eu", allowed_incomings: [], allowed_outgoings: [{ type: 0, name: "Ops team" }] });
    expect((await groupNamed("Ops team"))!.allowed_outgoings).toEqual([{ type: 0, name: "Default" }, { type: 1, name: "Servers" }]);
    ok(await py.send("PATCH", `/api/user-groups/${sales.guid}`, { note: "only the note" }));
    expect((await groupNamed("Sales EU"))!.allowed_outgoings).toEqual([{ type: 0, name: "Ops team" }]);
    const missing = await py.send("PATCH", "/api/user-groups/01234567-0000-7000-8000-000000000000", { note: "x" });
    expect(missing.status).toBe(404);
  });

  test("add-users: one GET /api/users?name=<raw>&pageSize=50 per name, then a bare JSON array of guids", async () => {
    const guids: string[] = [];
    for (const name of ["alice", "bob"]) {
      const r = await py.get("/api/users", { name, pageSize: 50 });
      expect(r.status).toBe(200);
      const hit = (r.json() as { data: User[] }).data.find((u) => u.name === name);
      guids.push(hit!.guid);
    }
    const ops = (await groupNamed("Ops team"))!;
    ok(await py.send("POST", `/api/user-groups/${ops.guid}`, guids));
    expect((await groupNamed("Ops team"))!.user_count).toBe(2);
    const bad = await py.send("POST", `/api/user-groups/${ops.guid}`, [guids[0], "01234567-0000-7000-8000-000000000000"]);
    expect(bad.status).toBe(404);
    const notList = await py.send("POST", `/api/user-groups/${ops.guid}`, { users: guids });
    expect(notList.status).toBe(400);
  });

  test("view-users: GET /api/users?group_name=<raw exact>&name=%u%&pageSize=50&current=k", async () => {
    const r = await py.get("/api/users", { group_name: "Ops team", name: "%b%", pageSize: 50, current: 1 });
    expect(r.status).toBe(200);
    const body = r.json() as { total: number; data: User[] };
    expect([body.total, body.data.map((u) => [u.name, u.group_name])]).toEqual([1, [["bob", "Ops team"]]]);
    const all = (await py.get("/api/users", { group_name: "Ops team", pageSize: 50, current: 1 })).json() as { data: User[] };
    expect(all.data.map((u) => u.name)).toEqual(["alice", "bob"]);
    expect(((await py.get("/api/users", { group_name: "Ops", pageSize: 50, current: 1 })).json() as { data: User[] }).data).toEqual([]);
  });

  test("delete: a body-less DELETE with a JSON content type → 200; Default and groups with users are refused", async () => {
    const [sales, empty, ops, def] = await Promise.all(["Sales EU", "Empty", "Ops team", "Default"].map(async (n) => (await groupNamed(n))!));
    ok(await py.bare("DELETE", `/api/user-groups/${sales!.guid}`));
    ok(await py.bare("DELETE", `/api/user-groups/${empty!.guid}`));
    expect(await groupNamed("Sales EU")).toBeUndefined();
    const busy = await py.bare("DELETE", `/api/user-groups/${ops!.guid}`);
    expect([busy.status, busy.json()]).toEqual([409, { error: 'group "Ops team" still has 2 user(s); move them to another group first' }]);
    const dflt = await py.bare("DELETE", `/api/user-groups/${def!.guid}`);
    expect([dflt.status, dflt.json()]).toEqual([400, { error: 'the "Default" group cannot be deleted' }]);
    // The rules that named a deleted group are gone with it.
    expect((await groupNamed("Ops team"))!.allowed_outgoings).toEqual([{ type: 0, name: "Default" }, { type: 1, name: "Servers" }]);
  });
});

describe("user-groups.py with type-2 rules (a single user in allowed_incomings)", () => {
  // bob (in "Ops team" now) logs in with the client; what his group tab lists is what the rules grant.
  const bobSees = async () => {
    const login = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody("bob", "bob-password"), headers: DART_JSON });
    const token = (login.json() as { access_token: string }).access_token;
    const r = await call(env.app, "GET", "/api/users?current=1&pageSize=100&accessible=&status=1", { headers: { authorization: `Bearer ${token}` } });
    return (r.json() as { data: { name: string }[] }).data.map((u) => u.name).sort();
  };
  const rows = () => env.sqlite.query("SELECT count(*) AS n FROM user_access").get();
  const guidOf = async (name: string) => ((await py.get("/api/users", { name, pageSize: 50 })).json() as { data: User[] }).data[0]!.guid;

  test("add --accessed-from '[{\"type\": 2, \"name\": \"alice\"}]' → 200; view returns the rule as given", async () => {
    await setPassword(env.ctx, "bob", "bob-password");
    await createUser(env.ctx, { name: "dave", password: null });
    await createUser(env.ctx, { name: "erin", password: null });
    // The script's json= body, byte for byte.
    const r = await env.app.handle(
      new Request("http://localhost/api/user-groups", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: '{"name": "Vault", "allowed_incomings": [{"type": 2, "name": "alice"}]}',
      }),
    );
    expect([r.status, await r.text()]).toEqual([200, ""]);
    const vault = (await groupNamed("Vault"))!;
    expect(vault.allowed_incomings).toEqual([{ type: 2, name: "alice" }]);
    ok(await py.send("POST", `/api/user-groups/${vault.guid}`, [await guidOf("dave")]));
    expect(await bobSees()).toEqual(["alice", "bob", "carol", "erin"]);
  });

  test("update: a list mixing types 0 and 2 replaces the old one and bob sees the members; an unknown user → 404, nothing changes; [] clears", async () => {
    const vault = (await groupNamed("Vault"))!;
    const rules = [{ type: 0, name: "Default" }, { type: 2, name: "erin" }, { type: 2, name: "bob" }];
    ok(await py.send("PATCH", `/api/user-groups/${vault.guid}`, { allowed_incomings: rules }));
    expect((await groupNamed("Vault"))!.allowed_incomings).toEqual(rules);
    expect(await bobSees()).toEqual(["alice", "bob", "carol", "dave", "erin"]);
    const bad = await py.send("PATCH", `/api/user-groups/${vault.guid}`, { note: "changed", allowed_incomings: [{ type: 2, name: "nobody" }] });
    expect([bad.status, bad.json()]).toEqual([404, { error: 'user "nobody" not found' }]);
    expect(await groupNamed("Vault")).toMatchObject({ note: "", allowed_incomings: rules });
    ok(await py.send("PATCH", `/api/user-groups/${vault.guid}`, { allowed_incomings: [] }));
    expect(await bobSees()).toEqual(["alice", "bob", "carol", "erin"]);
    ok(await py.send("PATCH", `/api/user-groups/${vault.guid}`, { allowed_incomings: rules }));
    expect(rows()).toEqual({ n: 2 });
  });

  test("deleting a user removes their rules; deleting a group removes the rules on it", async () => {
    const admin = script(env.app, createToken(env.ctx, { name: "root", scopes: { admin: "rw" } }).secret);
    const erin = await guidOf("erin");
    expect((await admin.bare("POST", `/api/users/${erin}/disable`)).status).toBe(200);
    expect((await admin.bare("DELETE", `/api/users/${erin}`)).status).toBe(200);
    expect((await groupNamed("Vault"))!.allowed_incomings).toEqual([{ type: 0, name: "Default" }, { type: 2, name: "bob" }]);
    expect(rows()).toEqual({ n: 1 });
    ok(await py.send("POST", "/api/user-groups", { name: "Temp", allowed_incomings: [{ type: 2, name: "alice" }] }));
    expect(rows()).toEqual({ n: 2 });
    ok(await py.bare("DELETE", `/api/user-groups/${(await groupNamed("Temp"))!.guid}`));
    expect(rows()).toEqual({ n: 1 });
  });
});
