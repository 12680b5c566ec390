// GET /api/admin/devices one page at a time: total counts every match, pages never overlap, sort and filters
// apply before the LIMIT, and bad paging values are a 400.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { setDevice } from "../../src/devices/service.ts";
import { createToken } from "../../src/tokens/service.ts";
import { UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const secret = createToken(env.ctx, { name: "ops", scopes: { devices: "r" } }).secret;
type Page = { total: number; data: { id: string; alias: string; info: { device_name: string } }[] };
const list = async (query: string) => {
  const r = await call(env.app, "GET", `/api/admin/devices${query}`, { headers: { authorization: `Bearer ${secret}` } });
  return [r.status, r.json()] as [number, Page & { error?: string; code?: string }];
};
const IDS = Array.from({ length: 25 }, (_, i) => String(300000000 + i));

beforeAll(async () => {
  for (const [i, id] of IDS.entries()) {
    const r = await call(env.app, "POST", "/api/sysinfo", { raw: `{"hostname":"${i % 2 ? "ODD" : "EVEN"}-${i}","id":"${id}","uuid":"${UUID}","os":"Linux"}`, headers: { "content-type": "application/json" } });
    expect(r.text).toBe("SYSINFO_UPDATED");
    setDevice(env.ctx, id, { alias: String.fromCharCode(122 - i) }); // z, y, x, …: the reverse of the ID order
  }
});

test("pages of 10 cover every device once, in ID order, with the total of all pages", async () => {
  const seen: string[] = [];
  for (const page of [1, 2, 3]) {
    const [status, body] = await list(`?page=${page}&page_size=10`);
    expect(status).toBe(200);
    expect(body.total).toBe(25);
    seen.push(...body.data.map((d) => d.id));
  }
  expect(seen).toEqual(IDS);
  const [, past] = await list("?page=4&page_size=10");
  expect(past).toEqual({ total: 25, data: [] });
});

test("without paging values: the first 100", async () => {
  const [, body] = await list("");
  expect(body.total).toBe(25);
  expect(body.data).toHaveLength(25);
});

test("sort and desc order the whole list before the page is cut", async () => {
  const [, byAlias] = await list("?sort=alias&page_size=3");
  expect(byAlias.data.map((d) => d.alias)).toEqual(["b", "c", "d"]);
  const [, byIdDesc] = await list("?sort=id&desc=true&page_size=2");
  expect(byIdDesc.data.map((d) => d.id)).toEqual(IDS.slice(23).reverse());
});

test("filters count and page together", async () => {
  const [, odd] = await list("?search=ODD&page=2&page_size=5");
  expect(odd.total).toBe(12);
  expect(odd.data.map((d) => d.info.device_name)).toEqual(["ODD-11", "ODD-13", "ODD-15", "ODD-17", "ODD-19"]);
});

test.each([
  ["?page=0", "page: a whole number, from 1"],
  ["?page_size=1001", "page_size: 1 to 1000"],
  ["?page_size=abc", "page_size: 1 to 1000"],
  ["?sort=password", "sort: one of id, alias, owner, group, last_online, created"],
  ["?desc=maybe", "desc: true or false"],
] as [string, string][])("%s → 400", async (query, error) => {
  const [status, body] = await list(query);
  expect(status).toBe(400);
  expect(body as unknown).toEqual({ error, code: "INVALID_INPUT" });
});
