// T6/T7 (client-contract.md): every address-book request of the stock client, replayed as sent,
// with exact status and exact body bytes.
import { afterAll, describe, expect, test } from "bun:test";
import { createSharedBook } from "../../src/addressbook/books.ts";
import { setRule } from "../../src/addressbook/rules.ts";
import { createUser } from "../../src/users/service.ts";
import { abRequest, DART_JSON, passwordLoginBody } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

// T6 shows {"max_peer_one_ab":0}: unlimited.
const env = testEnv({ "address_book.max_peers": "0" });
afterAll(() => env.close());
await createUser(env.ctx, { name: "alice", password: "alice-password" });
await createUser(env.ctx, { name: "admin", password: "admin-password", isAdmin: true });
await createUser(env.ctx, { name: "viewer", password: "viewer-password" });
const shared = createSharedBook(env.ctx, { name: "Ops team", owner: "admin", password: "team-default" });
setRule(env.ctx, shared, { user: "alice" }, 2);
setRule(env.ctx, shared, { user: "viewer" }, 1);

async function tokenOf(name: string) {
  const r = await call(env.app, "POST", "/api/login", { raw: passwordLoginBody(name, `${name}-password`), headers: DART_JSON });
  return (r.json() as { access_token: string }).access_token;
}
const alice = await tokenOf("alice");
const viewer = await tokenOf("viewer");

const ab = (method: string, path: string, body?: unknown, token = alice) => call(env.app, method, path, abRequest(token, body));
const EMPTY = { status: 200, text: "" };
const reply = async (p: ReturnType<typeof ab>) => {
  const r = await p;
  return { status: r.status, text: r.text };
};

let personal = "";

describe("T6 new mode", () => {
  test("POST /api/ab/personal → {guid}; stable across calls", async () => {
    const r = await ab("POST", "/api/ab/personal");
    expect(r.status).toBe(200);
    personal = (r.json() as { guid: string }).guid;
    expect(r.text).toBe(`{"guid":"${personal}"}`);
    expect(personal).toMatch(/^[0-9a-f-]{36}$/);
    expect((await ab("POST", "/api/ab/personal")).text).toBe(r.text);
    // Created once, on first use, and audited once.
    const created = env.sqlite.query("SELECT actor_name, details FROM console_audit WHERE action = 'ab.create' AND target_guid = ?").all(personal);
    expect(created).toEqual([{ actor_name: "alice", details: expect.stringContaining('"personal":true') }]);
  });

  test("POST /api/ab/settings → {max_peer_one_ab}", async () => {
    expect(await reply(ab("POST", "/api/ab/settings"))).toEqual({ status: 200, text: '{"max_peer_one_ab":0}' });
  });

  test("POST /api/ab/shared/profiles → the shared book with the caller's rule and the book password; never the personal one", async () => {
    expect(await reply(ab("POST", "/api/ab/shared/profiles?current=1&pageSize=100"))).toEqual({
      status: 200,
      text: `{"total":1,"data":[{"guid":"${shared.guid}","name":"Ops team","owner":"admin","note":"","rule":2,"info":{"password":"team-default"}}]}`,
    });
  });

  test("tags and peers of the personal book, built with the client's own requests", async () => {
    expect(await reply(ab("POST", `/api/ab/tag/add/${personal}`, { name: "work", color: 4280391411 }))).toEqual(EMPTY);
    // "Add to address book" from another tab: Peer.toJson() minus password and hash (client-contract §6.4).
    const fromRecent = { id: "987654321", username: "bob", hostname: "BOB-PC", platform: "Windows", alias: "Bob", tags: ["work"], forceAlwaysRelay: "false", rdpPort: "", rdpUsername: "", loginName: "", device_group_name: "", note: "", same_server: false };
    expect(await reply(ab("POST", `/api/ab/peer/add/${personal}`, fromRecent))).toEqual(EMPTY);
    expect(await reply(ab("PUT", `/api/ab/peer/update/${personal}`, { id: "987654321", hash: "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=" }))).toEqual(EMPTY);

    expect(await reply(ab("POST", `/api/ab/peers?current=1&pageSize=100&ab=${personal}`))).toEqual({
      status: 200,
      text: '{"total":1,"data":[{"id":"987654321","hash":"q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=","username":"bob","hostname":"BOB-PC","platform":"Windows","alias":"Bob","tags":["work"],"note":"","forceAlwaysRelay":"false"}]}',
    });
    expect(await reply(ab("POST", `/api/ab/tags/${personal}`))).toEqual({ status: 200, text: '[{"name":"work","color":4280391411}]' });
  });

  test("the remaining T6 actions, each 200 with an empty body", async () => {
    expect(await reply(ab("POST", `/api/ab/tag/add/${shared.guid}`, { name: "work", color: 4280391411 }))).toEqual(EMPTY);
    expect(await reply(ab("POST", `/api/ab/peer/add/${shared.guid}`, '{"id":"555666777","alias":"Kiosk","password":"s3cret","note":"lobby","tags":["work"]}'))).toEqual(EMPTY);
    expect(await reply(ab("POST", `/api/ab/peer/add/${personal}`, '{"id":"555666777","alias":"","tags":[]}'))).toEqual(EMPTY);
    expect(await reply(ab("PUT", `/api/ab/peer/update/${personal}`, '{"id":"987654321","hash":""}'))).toEqual(EMPTY);
    expect(await reply(ab("POST", `/api/ab/tag/add/${shared.guid}`, '{"name":"lobby","color":4294198070}'))).toEqual(EMPTY);
    expect(await reply(ab("PUT", `/api/ab/peer/update/${shared.guid}`, '{"id":"555666777","tags":["work","lobby"]}'))).toEqual(EMPTY);
    expect(await reply(ab("PUT", `/api/ab/peer/update/${personal}`, '{"username":"bob2","id":"987654321"}'))).toEqual(EMPTY);
    expect(await reply(ab("PUT", `/api/ab/tag/rename/${shared.guid}`, '{"old":"lobby","new":"reception"}'))).toEqual(EMPTY);
    expect(await reply(ab("PUT", `/api/ab/tag/update/${shared.guid}`, '{"name":"reception","color":4283215696}'))).toEqual(EMPTY);

    // The rename reached the peer; the shared book shows `password`, never `hash`.
    expect((await ab("POST", `/api/ab/peers?current=1&pageSize=100&ab=${shared.guid}`)).text).toBe(
      '{"total":1,"data":[{"id":"555666777","password":"s3cret","username":"","hostname":"","platform":"","alias":"Kiosk","tags":["work","reception"],"note":"lobby"}]}',
    );
    expect((await ab("POST", `/api/ab/tags/${shared.guid}`)).text).toBe('[{"name":"work","color":4280391411},{"name":"reception","color":4283215696}]');

    expect(await reply(ab("DELETE", `/api/ab/peer/${shared.guid}`, '["555666777"]'))).toEqual(EMPTY);
    expect(await reply(ab("DELETE", `/api/ab/tag/${shared.guid}`, '["reception"]'))).toEqual(EMPTY);
    expect((await ab("POST", `/api/ab/peers?current=1&pageSize=100&ab=${shared.guid}`)).text).toBe('{"total":0,"data":[]}');
    expect((await ab("POST", `/api/ab/tags/${shared.guid}`)).text).toBe('[{"name":"work","color":4280391411}]');

    expect((await ab("POST", `/api/ab/peers?current=1&pageSize=100&ab=${personal}`)).text).toBe(
      '{"total":2,"data":[{"id":"987654321","hash":"","username":"bob2","hostname":"BOB-PC","platform":"Windows","alias":"Bob","tags":["work"],"note":"","forceAlwaysRelay":"false"},{"id":"555666777","hash":"","username":"","hostname":"","platform":"","alias":"","tags":[],"note":""}]}',
    );
  });

  test("error form: 403 {\"error\":\"No permission\"} for a read-only user", async () => {
    expect(await reply(ab("POST", `/api/ab/peer/add/${shared.guid}`, '{"id":"111222333","alias":"","tags":[]}', viewer))).toEqual({ status: 403, text: '{"error":"No permission"}' });
  });
});

describe("T7 legacy mode", () => {
  test("GET /api/ab → the personal book as the double-encoded blob", async () => {
    const r = await call(env.app, "GET", "/api/ab", { headers: { authorization: `Bearer ${alice}`, "content-type": "application/json", "accept-encoding": "gzip" } });
    expect(r.status).toBe(200);
    expect(r.text).toBe(
      JSON.stringify({
        data: '{"tags":["work"],"peers":[{"id":"987654321","username":"bob2","hostname":"BOB-PC","platform":"Windows","alias":"Bob","tags":["work"],"hash":""},{"id":"555666777","username":"","hostname":"","platform":"","alias":"","tags":[],"hash":""}],"tag_colors":"{\\"work\\":4280391411}"}',
        licensed_devices: 0,
      }),
    );
  });

  test("POST /api/ab replaces the personal book → 200 empty; new mode sees the same book", async () => {
    const data = '{"tags":["work"],"peers":[{"id":"987654321","username":"bob","hostname":"BOB-PC","platform":"Windows","alias":"","tags":["work"],"hash":""}],"tag_colors":"{\\"work\\":4280391411}"}';
    expect(await reply(ab("POST", "/api/ab", { data }))).toEqual(EMPTY);
    const r = await call(env.app, "GET", "/api/ab", { headers: { authorization: `Bearer ${alice}` } });
    expect((r.json() as { data: string }).data).toBe(data);
    const peers = (await ab("POST", `/api/ab/peers?current=1&pageSize=100&ab=${personal}`)).json() as { total: number; data: { id: string; forceAlwaysRelay?: string }[] };
    expect(peers.total).toBe(1);
    expect(peers.data[0]).toMatchObject({ id: "987654321", username: "bob", alias: "", forceAlwaysRelay: "false" }); // kept: the blob cannot carry it
  });

  test("POST /api/ab with an empty book, and the Sciter POST /api/ab/get", async () => {
    expect(await reply(ab("POST", "/api/ab", '{"data":"{\\"tags\\":[],\\"peers\\":[],\\"tag_colors\\":\\"{}\\"}"}'))).toEqual(EMPTY);
    const r = await ab("POST", "/api/ab/get", "{}");
    expect(r.status).toBe(200);
    const body = r.json() as { data: string; updated_at: number };
    expect(body.data).toBe('{"tags":[],"peers":[],"tag_colors":"{}"}');
    expect(body.updated_at).toBe(Math.floor(env.ctx.now() / 1000));
  });
});
