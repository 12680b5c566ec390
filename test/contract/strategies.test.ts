// §8.4 strategy delivery, replayed as the client sends its heartbeat (sorted keys, modified_at always
// present): the exact reply when the device is behind, nothing once it echoes the stamp, "" for keys
// that left its set, and disconnect and strategy in one reply.
import { afterAll, describe, expect, test } from "bun:test";
import { disconnectDevice } from "../../src/devices/service.ts";
import { assignStrategy } from "../../src/strategies/assign.ts";
import { createStrategy, deleteStrategy, updateStrategy } from "../../src/strategies/service.ts";
import { stampOf } from "../../src/strategies/stamp.ts";
import { UUID } from "../helpers/client.ts";
import { testEnv } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";

const env = testEnv();
afterAll(() => env.close());
const RUST = { "content-type": "application/json" };
const post = async (path: string, raw: string) => (await call(env.app, "POST", path, { raw, headers: RUST })).text;
const beat = (modifiedAt: number, conns?: number[]) =>
  post("/api/heartbeat", `{${conns ? `"conns":${JSON.stringify(conns)},` : ""}"id":"123456789","modified_at":${modifiedAt},"uuid":"${UUID}","ver":1004090}`);
const reply = (options: Record<string, string>, stamp: number, before = "") => `{${before}"strategy":{"config_options":${JSON.stringify(options)},"extra":{}},"modified_at":${stamp}}`;

const LOCKED = { "enable-file-transfer": "N", "approve-mode": "password", "temporary-password-length": "8" };

describe("strategy on the heartbeat", () => {
  test("a device without a strategy gets none, whatever its modified_at", async () => {
    expect(await post("/api/sysinfo", `{"hostname":"PC","id":"123456789","os":"windows / Windows 11","uuid":"${UUID}","version":"1.4.9"}`)).toBe("SYSINFO_UPDATED");
    expect(await beat(0)).toBe("{}");
    expect(await beat(1755800000)).toBe("{}");
  });

  const s1 = stampOf(LOCKED);
  test("assigned: the options (every value a JSON string) and the stamp, while modified_at is 0 or stale", async () => {
    createStrategy(env.ctx, { name: "Locked", options: LOCKED });
    assignStrategy(env.ctx, "Locked", { devices: ["123456789"] });
    expect(s1).toBeGreaterThan(0);
    expect(s1).toBeLessThan(2 ** 48);
    expect(await beat(0)).toBe(reply(LOCKED, s1));
    expect(await beat(1755800000)).toBe(reply(LOCKED, s1));
    const body = JSON.parse(await beat(0));
    expect(Object.values(body.strategy.config_options).every((v) => typeof v === "string")).toBe(true);
  });

  test("current (the device echoes the stamp): nothing more", async () => {
    expect(await beat(s1)).toBe("{}");
    expect(await beat(s1)).toBe("{}");
  });

  test("a key removed from the strategy is sent with \"\"; the others as they are", async () => {
    updateStrategy(env.ctx, "Locked", { unset: ["temporary-password-length"], set: { "enable-clipboard": "N" } });
    const now = { "enable-file-transfer": "N", "approve-mode": "password", "enable-clipboard": "N" };
    const s2 = stampOf(now);
    expect(await beat(s1)).toBe(reply({ ...now, "temporary-password-length": "" }, s2));
    expect(await beat(s2)).toBe("{}");
    // Once confirmed, the removed key is no longer sent.
    updateStrategy(env.ctx, "Locked", { set: { "enable-audio": "N" } });
    const s3 = stampOf({ ...now, "enable-audio": "N" });
    expect(await beat(s2)).toBe(reply({ ...now, "enable-audio": "N" }, s3));
    expect(await beat(s3)).toBe("{}");
  });

  test("a disconnect and a strategy in the same reply", async () => {
    updateStrategy(env.ctx, "Locked", { set: { "enable-camera": "N" } });
    expect(await beat(0, [7])).toContain('"strategy"');
    env.devicesFlush();
    disconnectDevice(env.ctx, "123456789", 7);
    const options = { "enable-file-transfer": "N", "approve-mode": "password", "enable-clipboard": "N", "enable-audio": "N", "enable-camera": "N" };
    expect(await beat(0, [7])).toBe(reply(options, stampOf(options), '"disconnect":[7],'));
    expect(await beat(stampOf(options))).toBe("{}");
  });

  test("unassigned: every key it set is sent with \"\" once, then nothing", async () => {
    const held = JSON.parse(await beat(0)).strategy.config_options as Record<string, string>;
    assignStrategy(env.ctx, null, { devices: ["123456789"] });
    const cleared = Object.fromEntries(Object.keys(held).map((k) => [k, ""]));
    expect(await beat(stampOf(held))).toBe(reply(cleared, stampOf({})));
    expect(await beat(stampOf({}))).toBe("{}");
    expect(await beat(0)).toBe("{}");
  });

  test("a deleted strategy unsets its keys at the next beat", async () => {
    createStrategy(env.ctx, { name: "Short", options: { "enable-keyboard": "N" } });
    assignStrategy(env.ctx, "Short", { devices: ["123456789"] });
    const s = stampOf({ "enable-keyboard": "N" });
    expect(await beat(0)).toBe(reply({ "enable-keyboard": "N" }, s));
    expect(await beat(s)).toBe("{}");
    deleteStrategy(env.ctx, "Short");
    expect(await beat(s)).toBe(reply({ "enable-keyboard": "" }, stampOf({})));
  });
});
