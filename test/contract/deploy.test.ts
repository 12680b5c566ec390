// T12 (client-contract.md §11.2): POST /api/devices/deploy as `rustdesk --deploy` sends it. Always 200 with a JSON
// object; the client switches on `result` (OK exit 0, NOT_ENABLED 3, INVALID_INPUT 5, ID_TAKEN 6) and prints any
// other body (exit 1).
import { describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { devices, tokenEnrolments } from "../../src/db/schema.ts";
import { approveDevice, getDevice } from "../../src/devices/service.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { bearer, UUID } from "../helpers/client.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

type Env = ReturnType<typeof tokenEnv>;
const PK = "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
const T12 = `{"id":"kiosk-01","pk":"${PK}","uuid":"${UUID}"}`;
const deploy = (env: Env, token: string, raw: string) =>
  call(env.app, "POST", "/api/devices/deploy", { raw, headers: { ...bearer(token), "content-length": String(Buffer.byteLength(raw)) } });
const closed = () => tokenEnv({ "devices.registration": "closed" });
const key = (env: Env, o: { maxUses?: number } = {}) => createToken(env.ctx, { name: "deployer", kind: "enrol", ...o }).secret;

describe("T12 rustdesk --deploy", () => {
  test('the T12 request → 200 {"result":"OK"}: the device is registered with its public key, approved, and recorded', async () => {
    const env = closed();
    const r = await deploy(env, key(env), T12);
    expect([r.status, r.text]).toEqual([200, '{"result":"OK"}']);
    const row = env.db.select().from(devices).where(eq(devices.rdId, "kiosk-01")).get()!;
    expect({ pk: row.pk, uuid: row.uuid, enabled: row.enabled, pending: row.pending }).toEqual({ pk: PK, uuid: UUID, enabled: true, pending: false });
    expect(env.db.select().from(tokenEnrolments).all().map((e) => [e.rdId, e.kind, e.set])).toEqual([["kiosk-01", "deploy", { pk: PK }]]);
    expect(env.audit("device.deploy")[0]!.details).toMatchObject({ key: "deployer", registered: true, pk: PK });
  });

  test("a device waiting for approval, or pre-registered, is approved and takes the key; a new key replaces the old", async () => {
    const env = tokenEnv({ "devices.registration": "approval" });
    const k = key(env);
    approveDevice(env.ctx, "kiosk-01");
    expect((await deploy(env, k, T12)).text).toBe('{"result":"OK"}');
    const pk2 = Buffer.alloc(32, 7).toString("base64");
    expect((await deploy(env, k, `{"id":"kiosk-01","pk":"${pk2}","uuid":"${UUID}"}`)).text).toBe('{"result":"OK"}');
    expect(env.db.select().from(devices).where(eq(devices.rdId, "kiosk-01")).get()!.pk).toBe(pk2);
    expect(getDevice(env.ctx, "kiosk-01")).toMatchObject({ enabled: true, pending: false, uuid: UUID });
  });

  test('ID_TAKEN when the ID is another machine\'s (uuid differs); nothing changes', async () => {
    const env = closed();
    const k = key(env);
    await deploy(env, k, T12);
    const r = await deploy(env, k, `{"id":"kiosk-01","pk":"${Buffer.alloc(32, 1).toString("base64")}","uuid":"b3RoZXI="}`);
    expect([r.status, r.text]).toEqual([200, '{"result":"ID_TAKEN"}']);
    expect(env.db.select().from(devices).where(eq(devices.rdId, "kiosk-01")).get()!.pk).toBe(PK);
  });

  test("INVALID_INPUT for a bad id, a pk that is not 32 bytes of base64, a missing uuid, a body that is not JSON", async () => {
    const env = closed();
    const k = key(env);
    const bad = [
      `{"id":"kiosk 01","pk":"${PK}","uuid":"${UUID}"}`,
      `{"id":"","pk":"${PK}","uuid":"${UUID}"}`,
      `{"id":"kiosk-01","pk":"${Buffer.alloc(31).toString("base64")}","uuid":"${UUID}"}`,
      `{"id":"kiosk-01","pk":"${Buffer.alloc(33).toString("base64")}","uuid":"${UUID}"}`,
      `{"id":"kiosk-01","pk":"not base64 at all!!","uuid":"${UUID}"}`,
      `{"id":"kiosk-01","pk":"${PK.replace("+", "-")}","uuid":"${UUID}"}`,
      `{"id":"kiosk-01","pk":"${PK}"}`,
      "{not json",
    ];
    for (const raw of bad) expect([raw, (await deploy(env, k, raw)).text]).toEqual([raw, '{"result":"INVALID_INPUT"}']);
    expect(env.db.select().from(devices).all()).toEqual([]);
  });

  test('NOT_ENABLED under devices.registration = open (deployment is not required); nothing is counted', async () => {
    const env = tokenEnv();
    const k = key(env, { maxUses: 1 });
    const r = await deploy(env, k, T12);
    expect([r.status, r.text]).toEqual([200, '{"result":"NOT_ENABLED"}']);
    expect(env.db.select().from(devices).all()).toEqual([]);
  });

  test('a refused key → 200 {"error": …}, which the client prints (exit 1); used-up keys say so', async () => {
    const env = closed();
    const k = key(env, { maxUses: 1 });
    expect((await deploy(env, k, T12)).text).toBe('{"result":"OK"}');
    expect((await deploy(env, k, T12)).text).toBe('{"error":"enrolment key \\"deployer\\" is used up (1 of 1 enrolments)"}');
    revokeToken(env.ctx, "deployer");
    const r = await deploy(env, k, T12);
    expect([r.status, r.json()]).toEqual([200, { error: 'enrolment key "deployer" was revoked' }]);
    expect((await deploy(env, "", T12)).json()).toMatchObject({ error: expect.stringContaining("no token") });
  });
});
