// T12 (client-contract.md §11.1): POST /api/devices/cli as `rustdesk --assign` sends it — Rust-built body with
// sorted keys, "Authorization: Bearer <token>" + Content-Type — and the exact reply: 200 + empty body on success
// (the client prints "Done!"), one text line "error: …" otherwise (printed verbatim; the status is ignored).
import { describe, expect, test } from "bun:test";
import { eq, sql } from "drizzle-orm";
import { findBook } from "../../src/addressbook/books.ts";
import { peersOf } from "../../src/addressbook/peers.ts";
import { createSession } from "../../src/auth/sessions.ts";
import { withTransaction } from "../../src/core/context.ts";
import { apiTokens, devices, tokenEnrolments, users } from "../../src/db/schema.ts";
import { approveDevice, getDevice, rekeyDevice } from "../../src/devices/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { bearer, UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

type Env = ReturnType<typeof tokenEnv>;
const T12_BODY = `{"address_book_name":"Ops team","address_book_tag":"work","device_name":"Front desk","id":"123456789","user_name":"alice","uuid":"${UUID}"}`;
// reqwest sends a Content-Length (the parse path differs from a chunked body's).
const assign = (env: Env, token: string, raw: string) =>
  call(env.app, "POST", "/api/devices/cli", { raw, headers: { ...bearer(token), "content-length": String(Buffer.byteLength(raw)) } });
const body = (fields: Record<string, string>, id = "123456789", uuid = UUID) =>
  JSON.stringify(Object.fromEntries(Object.entries({ ...fields, id, uuid }).sort(([a], [b]) => a.localeCompare(b))));
const key = (env: Env, name: string, o: Parameters<typeof createToken>[1] extends infer I ? Partial<I> : never = {}) =>
  createToken(env.ctx, { name, kind: "enrol", ...o }).secret;
const peer = (env: Env, book: string, id: string) => peersOf(env.ctx, findBook(env.ctx, book)).find((p) => p.peerId === id);

describe("T12 rustdesk --assign", () => {
  test("the T12 request with an API token (enrol:rw) → 200, empty body; the device is registered, owned, in the book", async () => {
    const env = tokenEnv();
    const admin = createToken(env.ctx, { name: "ADMINTOK", scopes: { enrol: "rw" } }).secret;
    const r = await assign(env, admin, T12_BODY);
    expect([r.status, r.text]).toEqual([200, ""]);
    const d = getDevice(env.ctx, "123456789");
    expect({ owner: d.owner, alias: d.alias, uuid: d.uuid, enabled: d.enabled, pending: d.pending }).toEqual({ owner: "alice", alias: "Front desk", uuid: UUID, enabled: true, pending: false });
    expect(peer(env, "Ops team", "123456789")?.tags).toEqual(["work"]);
    const audit = env.audit("device.enrol");
    expect(audit.length).toBe(1);
    expect(audit[0]!.actorType).toBe("token");
    expect(audit[0]!.details).toMatchObject({ key: "ADMINTOK", registered: true });
    const rows = env.db.select().from(tokenEnrolments).all();
    expect(rows.map((e) => [e.rdId, e.kind, e.set])).toEqual([["123456789", "assign", { address_book_name: "Ops team", address_book_tag: "work", device_name: "Front desk", user_name: "alice" }]]);
  });

  test("presets fill what the command line left out (names as stored, the book's password kept, shown masked)", async () => {
    const env = tokenEnv();
    const k = key(env, "frontdesk", { presets: { user: "alice", device_group: "kiosks", strategy: "Locked", address_book: "Ops team", ab_tag: "kiosk", ab_alias: "Lobby", ab_password: "s3cret", note: "lobby pc" } });
    const r = await assign(env, k, body({ device_username: "reception" }));
    expect([r.status, r.text]).toEqual([200, ""]);
    const row = env.db.select().from(devices).where(eq(devices.rdId, "123456789")).get()!;
    const d = getDevice(env.ctx, "123456789");
    expect({ owner: d.owner, group: d.group, note: d.note, strategy: row.strategyId !== null, username: row.deviceUsername }).toEqual({ owner: "alice", group: "Kiosks", note: "lobby pc", strategy: true, username: "reception" });
    expect(peer(env, "Ops team", "123456789")).toMatchObject({ alias: "Lobby", password: "s3cret", tags: ["kiosk"] });
    expect(env.db.select().from(tokenEnrolments).get()!.set).toMatchObject({ address_book_password: "***", device_group_name: "Kiosks" });
    expect(JSON.stringify(env.audit("device.enrol"))).not.toContain("s3cret");
  });

  test("without lock the command line wins; with lock a differing value is refused and nothing changes", async () => {
    const env = tokenEnv();
    const open = key(env, "open", { presets: { user: "alice" } });
    expect((await assign(env, open, body({ user_name: "carol" }))).text).toBe("");
    expect(getDevice(env.ctx, "123456789").owner).toBe("carol");
    const locked = key(env, "locked", { presets: { user: "alice", address_book: "Ops team", ab_password: "s3cret" }, lock: true, maxUses: 5 });
    const r = await assign(env, locked, body({ user_name: "carol" }, "987654321"));
    expect([r.status, r.text]).toEqual([409, 'error: enrolment key "locked" is locked to its presets: user_name "carol" differs from its preset "alice"; leave --user_name out or use another key']);
    const pw = await assign(env, locked, body({ address_book_name: "Ops team", address_book_password: "guess" }, "987654321"));
    expect(pw.text).toBe('error: enrolment key "locked" is locked to its presets: address_book_password differs from its preset; leave --address_book_password out or use another key');
    expect(env.db.select().from(devices).where(eq(devices.rdId, "987654321")).get()).toBeUndefined();
    // Same value in another case is no conflict; the preset's spelling is stored.
    expect((await assign(env, locked, body({ user_name: "ALICE", device_name: "Desk 2" }, "987654321"))).text).toBe("");
    expect(getDevice(env.ctx, "987654321").owner).toBe("alice");
    expect(env.db.select().from(apiTokens).where(eq(apiTokens.name, "locked")).get()!.uses).toBe(1);
  });

  test("unknown user, device group, strategy, book → 404 and a line with a hint; nothing changes, the use is given back", async () => {
    const env = tokenEnv();
    const k = key(env, "frontdesk", { maxUses: 1 });
    const cases: [Record<string, string>, string][] = [
      [{ user_name: "alcie" }, 'error: user "alcie" not found (did you mean "alice"?)'],
      [{ device_group_name: "Kiosk" }, 'error: device group "Kiosk" not found (did you mean "Kiosks"?)'],
      [{ strategy_name: "Lokced" }, 'error: strategy "Lokced" not found (did you mean "Locked"?)'],
      [{ address_book_name: "Ops tema", address_book_tag: "x" }, 'error: shared address book "Ops tema" not found (did you mean "Ops team"?)'],
    ];
    for (const [fields, line] of cases) {
      const r = await assign(env, k, body({ ...fields, device_name: "x" }));
      expect([r.status, r.text]).toEqual([404, line]);
    }
    expect(env.db.select().from(devices).all()).toEqual([]);
    expect(env.db.select().from(apiTokens).get()!.uses).toBe(0);
    expect((await assign(env, k, body({ user_name: "alice" }))).text).toBe("");
  });

  test("token refusals are one line saying which: login token, unknown, revoked, expired, used up, wrong scope", async () => {
    const env = tokenEnv();
    const alice = env.db.select().from(users).where(eq(users.name, "alice")).get()!;
    const login = withTransaction(env.ctx, (tx) => createSession(tx, alice.id, { id: "1", uuid: UUID, info: { os: "windows", type: "client", name: "PC" } }));
    const used = key(env, "once", { maxUses: 1 });
    const expiring = key(env, "short", { expiresIn: 60_000 });
    const revoked = key(env, "gone");
    revokeToken(env.ctx, "gone");
    const devicesOnly = createToken(env.ctx, { name: "ci", scopes: { devices: "rw" } }).secret;
    expect((await assign(env, used, body({ note: "a" }))).text).toBe("");
    env.advance(120_000);
    const cases: [string, number, string][] = [
      [login, 401, "error: this is a user's login token, not an enrolment key: --assign and --deploy need an enrolment key or an API token with the enrol scope (create one with: rdconsole token create NAME --enrol)"],
      ["rdc_" + "x".repeat(43), 401, "error: unknown token: not an enrolment key of this server (revoked keys are still known; was it rotated, or meant for another server?) — create one with: rdconsole token create NAME --enrol"],
      [revoked, 401, 'error: enrolment key "gone" was revoked'],
      [expiring, 401, 'error: enrolment key "short" expired at 2026-11-22T12:01:00Z'],
      [used, 403, 'error: enrolment key "once" is used up (1 of 1 enrolments)'],
      [devicesOnly, 403, 'error: API token "ci" may not change device enrolment (its scopes: devices:rw)'],
    ];
    for (const [token, status, line] of cases) {
      const r = await assign(env, token, body({ note: "b" }, "555666777"));
      expect([r.status, r.text]).toEqual([status, line]);
      expect(r.text).not.toContain("\n");
    }
    const none = await call(env.app, "POST", "/api/devices/cli", { raw: body({ note: "b" }), headers: { "content-type": "application/json" } });
    expect([none.status, none.text]).toEqual([401, "error: no token: --assign and --deploy need --token with an enrolment key (create one with: rdconsole token create NAME --enrol)"]);
  });

  test("registration policy: closed and approval still enrol (approved); an ID of another machine is refused", async () => {
    for (const policy of ["closed", "approval"]) {
      const env = tokenEnv({ "devices.registration": policy });
      const k = key(env, "k");
      expect((await assign(env, k, body({ note: "x" }))).text).toBe("");
      expect(getDevice(env.ctx, "123456789")).toMatchObject({ enabled: true, pending: false });
      const other = await assign(env, k, body({ note: "y" }, "123456789", "b3RoZXItbWFjaGluZQ=="));
      expect([other.status, other.text]).toEqual([409, 'error: device 123456789 is registered to another machine (its uuid differs); if this machine replaced it, run "rdconsole device rekey 123456789" and enrol again']);
      rekeyDevice(env.ctx, "123456789");
      expect((await assign(env, k, body({ note: "y" }, "123456789", "b3RoZXItbWFjaGluZQ=="))).text).toBe("");
    }
    // A pre-registered ID (device approve under closed) takes the machine's uuid.
    const env = tokenEnv({ "devices.registration": "closed" });
    approveDevice(env.ctx, "222333444");
    expect((await assign(env, key(env, "k"), body({ note: "x" }, "222333444"))).text).toBe("");
    expect(getDevice(env.ctx, "222333444").uuid).toBe(UUID);
  });

  test("enrolling twice updates the one book entry (tags merged) and records two enrolments", async () => {
    const env = tokenEnv();
    const k = key(env, "k");
    await assign(env, k, body({ address_book_name: "Ops team", address_book_tag: "work" }));
    await assign(env, k, body({ address_book_name: "ops TEAM", address_book_tag: "kiosk", address_book_note: "2nd" }));
    expect(peer(env, "Ops team", "123456789")).toMatchObject({ tags: ["work", "kiosk"], note: "2nd" });
    expect(env.db.select({ n: sql<number>`count(*)` }).from(tokenEnrolments).get()!.n).toBe(2);
  });

  test("bad bodies get one line: not JSON, missing uuid, bad id, a detail without the book", async () => {
    const env = tokenEnv();
    const k = key(env, "k");
    const cases: [string, string][] = [
      ["{not json", "error: malformed request body (expected JSON)"],
      ['{"id":"123456789","note":"x"}', "error: missing or invalid uuid"],
      [`{"id":"12 34","note":"x","uuid":"${UUID}"}`, 'error: missing or invalid id (letters, digits, "_", "-" and "." (not first), at most 100)'],
      [body({ address_book_tag: "x" }), "error: address_book_tag needs address_book_name"],
    ];
    for (const [raw, line] of cases) {
      const r = await assign(env, k, raw);
      expect([r.status, r.text]).toEqual([400, line]);
    }
  });

  test("concurrent enrolments never exceed --uses", async () => {
    const env = tokenEnv();
    const k = key(env, "five", { maxUses: 5 });
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => assign(env, k, body({ note: "n" }, `10000000${i.toString().padStart(2, "0")}`))));
    expect(replies.filter((r) => r.text === "").length).toBe(5);
    expect(replies.filter((r) => r.text === 'error: enrolment key "five" is used up (5 of 5 enrolments)').length).toBe(7);
    expect(env.db.select({ n: sql<number>`count(*)` }).from(devices).get()!.n).toBe(5);
  });
});
