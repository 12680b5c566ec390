// GET /api/admin/users one page at a time: total counts every match, pages never overlap, search and the group
// filter apply before the LIMIT, each row names its group, and bad paging values are a 400.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { addUserToGroup, createGroup, removeUserFromGroup } from "../../src/groups/service.ts";
import { createToken } from "../../src/tokens/service.ts";
import { createUser } from "../../src/users/service.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const secret = createToken(env.ctx, { name: "hr", scopes: { users: "r" } }).secret;
type Page = { total: number; data: { name: string; email: string; group_name: string | null }[] };
const list = async (query: string) => {
  const r = await call(env.app, "GET", `/api/admin/users${query}`, { headers: { authorization: `Bearer ${secret}` } });
  return [r.status, r.json()] as [number, Page & { error?: string; code?: string }];
};
// tokenEnv made alice, bob and carol first.
const NAMES = Array.from({ length: 22 }, (_, i) => `u${String(i).padStart(2, "0")}`);

beforeAll(async () => {
  createGroup(env.ctx, { name: "Sales" });
  removeUserFromGroup(env.ctx, "Default", "alice");
  for (const [i, name] of NAMES.entries()) {
    await createUser(env.ctx, { name, password: null, email: i % 2 ? `${name}@odd.example` : `${name}@even.example`, displayName: i === 7 ? "Lucky_Seven" : "" });
    if (i % 3 === 0) addUserToGroup(env.ctx, "Sales", name);
  }
});

test("pages of 10 cover every user once, oldest first, with the total of all pages", async () => {
  const seen: string[] = [];
  for (const page of [1, 2, 3]) {
    const [status, body] = await list(`?page=${page}&page_size=10`);
    expect(status).toBe(200);
    expect(body.total).toBe(25);
    seen.push(...body.data.map((u) => u.name));
  }
  expect(seen).toEqual(["alice", "bob", "carol", ...NAMES]);
  expect((await list("?page=4&page_size=10"))[1]).toEqual({ total: 25, data: [] });
});

test("without paging values: the first 100, each with its group or null", async () => {
  const [, body] = await list("");
  expect(body.data).toHaveLength(25);
  expect(body.data.find((u) => u.name === "u03")!.group_name).toBe("Sales");
  expect(body.data.find((u) => u.name === "u04")!.group_name).toBe("Default");
  expect(body.data.find((u) => u.name === "alice")!.group_name).toBeNull();
});

test("search (name, display name, e-mail; _ and % literal) and group count and page together", async () => {
  const [, odd] = await list("?search=ODD.example&page=2&page_size=5");
  expect(odd.total).toBe(11);
  expect(odd.data.map((u) => u.name)).toEqual(["u11", "u13", "u15", "u17", "u19"]);
  expect((await list("?search=y_s"))[1].data.map((u) => u.name)).toEqual(["u07"]);
  expect((await list("?search=%25"))[1].total).toBe(0);
  const [, sales] = await list("?group=sales&page_size=3");
  expect(sales.total).toBe(8);
  expect(sales.data.map((u) => u.name)).toEqual(["u00", "u03", "u06"]);
});

test("one user shows its group", async () => {
  const r = await call(env.app, "GET", "/api/admin/users/U03", { headers: { authorization: `Bearer ${secret}` } });
  expect(r.json()).toMatchObject({ name: "u03", group_name: "Sales" });
});

test.each([
  ["?page=0", "page: a whole number, from 1"],
  ["?page_size=1001", "page_size: 1 to 1000"],
  ["?page_size=abc", "page_size: 1 to 1000"],
] as [string, string][])("%s → 400", async (query, error) => {
  const [status, body] = await list(query);
  expect(status).toBe(400);
  expect(body as unknown).toEqual({ error, code: "INVALID_INPUT" });
});
