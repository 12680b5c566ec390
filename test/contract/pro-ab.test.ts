// ab.py (pro-admin-api §8, routes #30-#46) replayed: the script GETs what the client POSTs, sends json= bodies
// (note always present, possibly null), bare arrays on DELETE, and form-encoded queries; success is exactly 200
// (the mutations with an empty body: "Result: Success"). The script itself is never copied here.
import { afterAll, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import { addressBooks, users } from "../../src/db/schema.ts";
import { script } from "../helpers/pro-script.ts";
import { proEnv } from "./_pro-setup.ts";

const env = proEnv();
afterAll(() => env.close());
const ab = script(env.app, env.key);
const ownerOfToken = env.db.select().from(users).where(sql`${users.isAdmin} = 1`).orderBy(users.id).get()!;

type Profile = { guid: string; name: string; owner: string; note: string; rule: number; info: { password?: string } };
/** client: res/ab.py:21-68 (rustdesk@7423dced): name raw, pageSize=30, current from 1 until a short page; then an exact name match. */
async function profiles(name?: string): Promise<Profile[]> {
  const out: Profile[] = [];
  for (let current = 1; ; current++) {
    const r = await ab.get("/api/ab/shared/profiles", { ...(name === undefined ? {} : { name }), pageSize: 30, current });
    expect(r.status).toBe(200);
    const body = r.json() as { total: number; data: Profile[] };
    expect(body).not.toHaveProperty("error");
    out.push(...body.data);
    if (body.data.length < 30 || current * 30 >= body.total) return out;
  }
}
const guidOf = async (name: string) => (await profiles(name)).find((p) => p.name === name)!.guid;
const empty200 = (r: { status: number; text: string }) => expect([r.status, r.text]).toEqual([200, ""]);

test("get-personal-ab: GET /api/ab/personal → 200 {guid} of the token owner's personal book", async () => {
  const r = await ab.get("/api/ab/personal");
  expect(r.status).toBe(200);
  const { guid } = r.json() as { guid: string };
  expect(guid).toMatch(/^[0-9a-f-]{36}$/);
  const book = env.db.select().from(addressBooks).where(sql`${addressBooks.guid} = ${guid}`).get()!;
  expect([book.personal, book.ownerId]).toEqual([true, ownerOfToken.id]);
});

test("add-ab / view-ab: {name, note: null|str, info?} → 200 empty; owned by the token's owner; name raw = exact (a space as +)", async () => {
  empty200(await ab.send("POST", "/api/ab/shared/add", { name: "Field kit", note: "n1", info: { password: "pw1" } }));
  empty200(await ab.send("POST", "/api/ab/shared/add", { name: "Plain", note: null }));
  const all = await profiles();
  expect(all.map((p) => p.name)).toEqual(["Ops team", "Field kit", "Plain"]);
  expect(all.find((p) => p.name === "Field kit")).toMatchObject({ owner: ownerOfToken.name, note: "n1", rule: 3, info: { password: "pw1" } });
  expect((await profiles("Field kit")).map((p) => p.name)).toEqual(["Field kit"]);
  expect(await profiles("Field")).toEqual([]);
  expect((await profiles("%kit%")).map((p) => p.name)).toEqual(["Field kit"]);
  const dup = await ab.send("POST", "/api/ab/shared/add", { name: "plain", note: null });
  expect([dup.status, Object.keys(dup.json() as object)]).toEqual([409, ["error"]]);
});

test("update-ab: {guid} plus only the given fields; owner is a user name", async () => {
  const guid = await guidOf("Plain");
  empty200(await ab.send("PUT", "/api/ab/shared/update/profile", { guid, name: "Plain 2", note: "nn", owner: "bob", info: { password: "p2" } }));
  expect((await profiles("Plain 2"))[0]).toMatchObject({ guid, owner: "bob", note: "nn", info: { password: "p2" } });
  const unknown = await ab.send("PUT", "/api/ab/shared/update/profile", { guid, owner: "nobody" });
  expect(unknown.status).toBe(404);
});

test("add-peer / view-peer / update-peer / delete-peer", async () => {
  const guid = await guidOf("Field kit");
  empty200(await ab.send("POST", `/api/ab/peer/add/${guid}`, { id: "123456789", note: "x", alias: "Box one", tags: ["a", "b"], password: "pp" }));
  empty200(await ab.send("POST", `/api/ab/peer/add/${guid}`, { id: "987654321", note: null }));
  // client: res/ab.py:81-85 (rustdesk@7423dced) wraps id and alias in %…%, ab raw.
  const view = async (params: Record<string, string> = {}) => {
    const r = await ab.get("/api/ab/peers", { ab: guid, ...params, pageSize: 30, current: 1 });
    expect(r.status).toBe(200);
    return r.json() as { total: number; data: { id: string; alias: string; tags: string[]; note: string; password: string }[] };
  };
  expect((await view()).total).toBe(2);
  expect((await view({ alias: "%box%" })).data).toMatchObject([{ id: "123456789", alias: "Box one", tags: ["a", "b"], note: "x", password: "pp" }]);
  expect((await view({ id: "%9876%" })).data.map((p) => p.id)).toEqual(["987654321"]);
  // --tags '[]' sends "tags": [] and clears them; absent fields stay.
  empty200(await ab.send("PUT", `/api/ab/peer/update/${guid}`, { id: "123456789", tags: [], note: "y" }));
  expect((await view({ id: "%123456789%" })).data[0]).toMatchObject({ alias: "Box one", tags: [], note: "y" });
  empty200(await ab.send("DELETE", `/api/ab/peer/${guid}`, ["987654321"]));
  expect((await view()).data.map((p) => p.id)).toEqual(["123456789"]);
});

test("add-tag / view-tag / update-tag / delete-tag: colours are unsigned 32-bit; view is a bare array", async () => {
  const guid = await guidOf("Field kit");
  const view = async () => {
    const r = await ab.get(`/api/ab/tags/${guid}`);
    expect(r.status).toBe(200);
    return r.json() as { name: string; color: number }[];
  };
  empty200(await ab.send("POST", `/api/ab/tag/add/${guid}`, { name: "red", color: 0xffff0000 }));
  empty200(await ab.send("PUT", `/api/ab/tag/update/${guid}`, { name: "red", color: 0xff0000ff }));
  expect((await view()).find((t) => t.name === "red")).toEqual({ name: "red", color: 0xff0000ff });
  // client: res/ab.py:296-299 (rustdesk@7423dced) sends "color": null without --tag-color: refused, nothing stored.
  const nul = await ab.send("PUT", `/api/ab/tag/update/${guid}`, { name: "red", color: null });
  expect([nul.status, nul.json()]).toEqual([400, { error: "color: an integer from 0 to 4294967295 (ARGB)" }]);
  empty200(await ab.send("DELETE", `/api/ab/tag/${guid}`, ["red"]));
  expect((await view()).map((t) => t.name)).not.toContain("red");
});

test("add-rule / view-rule / update-rule / delete-rule: rows {guid, user, group, rule}; duplicates refused", async () => {
  const guid = await guidOf("Field kit");
  empty200(await ab.send("POST", "/api/ab/rule", { guid, rule: 2, user: "bob" }));
  empty200(await ab.send("POST", "/api/ab/rule", { guid, rule: 1, group: "Ops" }));
  empty200(await ab.send("POST", "/api/ab/rule", { guid, rule: 1 }));
  const dup = await ab.send("POST", "/api/ab/rule", { guid, rule: 3, user: "bob" });
  expect([dup.status, Object.keys(dup.json() as object)]).toEqual([409, ["error"]]);
  const rules = async () => {
    const r = await ab.get("/api/ab/rules", { ab: guid, pageSize: 30, current: 1 });
    expect(r.status).toBe(200);
    return r.json() as { total: number; data: { guid: string; user: string | null; group: string | null; rule: number }[] };
  };
  const listed = await rules();
  expect(listed.total).toBe(3);
  expect(listed.data.map(({ user, group, rule }) => ({ user, group, rule }))).toEqual([
    { user: "bob", group: null, rule: 2 },
    { user: null, group: "Ops", rule: 1 },
    { user: null, group: null, rule: 1 },
  ]);
  const bob = listed.data[0]!.guid;
  expect(bob).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  empty200(await ab.send("PATCH", "/api/ab/rule", { guid: bob, rule: 3 }));
  expect((await rules()).data[0]).toMatchObject({ guid: bob, rule: 3 });
  empty200(await ab.send("DELETE", "/api/ab/rules", [bob]));
  expect((await rules()).data.map((r) => r.user)).toEqual([null, null]);
  expect((await ab.send("DELETE", "/api/ab/rules", [bob])).status).toBe(404);
});

test("delete-ab: a bare array of guids → 200 empty; the personal book is never listed", async () => {
  const guid = await guidOf("Plain 2");
  empty200(await ab.send("DELETE", "/api/ab/shared", [guid]));
  expect((await profiles()).map((p) => p.name)).toEqual(["Ops team", "Field kit"]);
});

test("the paths kept apart: /api/ab/rule vs /api/ab/rules, /api/ab/peer/{g} vs /api/ab/peer/add/{g}", async () => {
  // Each method reaches only its own route: the other path answers 404/405, never the neighbour's 200.
  for (const r of [await ab.get("/api/ab/rule"), await ab.send("POST", "/api/ab/rules", { guid: "x", rule: 1 }), await ab.send("POST", "/api/ab/peer/add", { id: "1" })])
    expect([404, 405]).toContain(r.status);
});
