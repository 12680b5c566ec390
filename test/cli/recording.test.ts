// recording list / get / delete against recordings stored by the upload service, and retention.
import { expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { cliActor } from "../../src/core/context.ts";
import { openDb } from "../../src/db/client.ts";
import { reportSysinfo } from "../../src/devices/registry.ts";
import { createDeviceRuntime } from "../../src/devices/runtime.ts";
import { deviceHooks } from "../../src/provisioning/hooks.ts";
import { createLogger } from "../../src/core/log.ts";
import { purgeRecordings, uploadRecording } from "../../src/recordings/service.ts";
import { RecordingStore } from "../../src/recordings/store.ts";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/env.ts";

test("list, get (exact bytes), delete (audited); retention purges what was not written to for recording.days", async () => {
  const dir = tempDir();
  const file = join(dir, "rdconsole.toml");
  writeFileSync(file, `[log]\nlevel = "silent"\n[data]\ndir = "data"\n[recording]\nenabled = true\ndays = 30\n`);
  const cli = (args: string[]) => runCli([...args, "--config", file]);
  const { config } = loadConfig({ configPath: file, env: {} });
  await cli(["device", "list"]); // creates and migrates the data dir
  const { db, sqlite, close } = openDb(config.data.dir);
  let clock = Date.parse("2026-11-01T10:00:00Z");
  const ctx = { db, config, log: createLogger(config.log), actor: cliActor(), now: () => clock };
  const rt = createDeviceRuntime(config, sqlite, deviceHooks(sqlite));
  const store = new RecordingStore(config.data.dir);
  const upload = (rdId: string, name: string, payload: Uint8Array) => {
    const id = (sqlite.query("SELECT id FROM devices WHERE rd_id = ?").get(rdId) as { id: number }).id;
    uploadRecording(ctx, store, { id, rdId }, { type: "new", file: name }, new Uint8Array(0));
    uploadRecording(ctx, store, { id, rdId }, { type: "part", file: name, offset: "0" }, payload);
  };
  for (const id of ["111111111", "222222222"]) reportSysinfo(ctx, rt, { id, uuid: "dQ==", hostname: `h-${id}` });
  const a = Uint8Array.from({ length: 5000 }, (_, i) => i & 255);
  upload("111111111", "incoming_111111111_1_display0_vp9.webm", a);
  clock += 20 * 86_400_000;
  upload("222222222", "incoming_222222222_1_display0_vp9.webm", new Uint8Array(2048).fill(7));
  upload("222222222", "same.webm", new Uint8Array(10));
  upload("111111111", "same.webm", new Uint8Array(10));

  const listed = JSON.parse((await cli(["recording", "list", "--json"])).stdout) as { guid: string; device: string; file: string; size: number; complete: boolean }[];
  expect(listed.map((r) => [r.device, r.file, r.size, r.complete])).toEqual([
    ["111111111", "incoming_111111111_1_display0_vp9.webm", 5000, false],
    ["222222222", "incoming_222222222_1_display0_vp9.webm", 2048, false],
    ["222222222", "same.webm", 10, false],
    ["111111111", "same.webm", 10, false],
  ]);
  const human = (await cli(["recording", "list", "--device", "222222222"])).stdout.split("\n");
  expect(human[0]).toMatch(/^GUID\s+DEVICE\s+FILE\s+SIZE\s+STATE\s+UPDATED$/);
  expect(human[1]).toMatch(/222222222\s+incoming_222222222_1_display0_vp9\.webm\s+2\.0 KiB\s+uploading\s+2026-11-21T10:00:00Z$/);
  expect(human.at(-2)).toBe("2 recordings, 2.0 KiB");

  const out = join(dir, "copy.webm");
  expect(await cli(["recording", "get", "incoming_111111111_1_display0_vp9.webm", "--out", out])).toEqual({ code: 0, stdout: `${out}: 5000 bytes\n`, stderr: "" });
  expect(Buffer.compare(readFileSync(out), Buffer.from(a))).toBe(0);
  expect((await cli(["recording", "get", "incoming_111111111_1_display0_vp9.webm", "--out", out])).stderr).toBe(`error: ${out} exists; use --force to overwrite it\n`);
  expect((await cli(["recording", "get", "same.webm"])).stderr).toBe('error: more than one recording is named "same.webm"; use its guid (rdconsole recording list)\n');
  expect((await cli(["recording", "get", "nope"])).stderr).toBe('error: no recording "nope"\n');

  const victim = listed[3]!;
  const path = join(config.data.dir, "recordings", String((sqlite.query("SELECT id FROM devices WHERE rd_id = '111111111'").get() as { id: number }).id), "same.webm");
  expect(existsSync(path)).toBe(true);
  expect(await cli(["recording", "delete", victim.guid, "--yes"])).toEqual({ code: 0, stdout: "recording same.webm deleted\n", stderr: "" });
  expect(existsSync(path)).toBe(false);
  const audit = sqlite.query("SELECT action, target_guid FROM console_audit WHERE action = 'recording.delete'").all();
  expect(audit).toEqual([{ action: "recording.delete", target_guid: victim.guid }]);

  // 31 days after the first upload: only it is older than recording.days = 30.
  clock = Date.parse("2026-12-02T10:00:01Z");
  const expired = store.pathOf((sqlite.query("SELECT path FROM recordings WHERE file = 'incoming_111111111_1_display0_vp9.webm'").get() as { path: string }).path);
  expect(existsSync(expired)).toBe(true);
  expect(await purgeRecordings(ctx, store)).toBe(1);
  expect(existsSync(expired)).toBe(false);
  expect((JSON.parse((await cli(["recording", "list", "--json"])).stdout) as { file: string }[]).map((r) => r.file)).toEqual(["incoming_222222222_1_display0_vp9.webm", "same.webm"]);
  close();
});
