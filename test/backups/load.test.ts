// A backup taken while the app keeps writing (device groups created over the admin API, one after another)
// and restored into a fresh data dir holds every write acknowledged before the backup began, and is one
// point in time: the restored writes are an unbroken run from the first, with nothing after a gap.
import { afterAll, expect, test } from "bun:test";
import { createBackup } from "../../src/backups/create.ts";
import { restoreBackup } from "../../src/backups/restore.ts";
import { openDb } from "../../src/db/client.ts";
import { createToken } from "../../src/tokens/service.ts";
import { tempDir } from "../helpers/env.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const env = tokenEnv();
afterAll(() => env.close());
const auth = { authorization: `Bearer ${createToken(env.ctx, { name: "load", scopes: { admin: "rw" } }).secret}` };

// Bulk so the snapshot takes long enough for writes to land while it runs.
const fill = env.sqlite.prepare("INSERT INTO console_audit (guid, created_at, actor_type, actor_name, action, details) VALUES (?, ?, 'system', 'system', 'retention.purge', ?)");
env.sqlite.transaction(() => {
  for (let i = 0; i < 100_000; i++) fill.run(crypto.randomUUID(), i, JSON.stringify({ filler: "x".repeat(100), i }));
})();

test("every write acknowledged before the backup began is in the restored database", async () => {
  const acked: number[] = [];
  let stop = false;
  const writer = (async () => {
    for (let i = 0; !stop; i++) {
      const r = await call(env.app, "POST", "/api/admin/device-groups", { headers: auth, body: { name: `load-${i}` } });
      if (r.status !== 201) throw new Error(`write ${i}: ${r.status} ${r.text}`);
      acked.push(i);
      // A real server's requests arrive through I/O; in-process ones resolve in microtasks, which would
      // starve the worker's reply (a macrotask) forever.
      await new Promise((r) => setImmediate(r));
    }
  })();
  while (acked.length < 50) await Bun.sleep(1);
  const lastBefore = acked.at(-1)!;
  const made = await createBackup(env.ctx, {});
  const ackedDuring = acked.length - 1 - lastBefore;
  stop = true;
  await writer;

  const dir = tempDir();
  const report = await restoreBackup(dir, made.file);
  expect(report.integrity).toBe("ok");
  const restored = openDb(dir);
  const ids = restored.sqlite
    .query<{ name: string }, []>("SELECT name FROM device_groups WHERE name LIKE 'load-%'")
    .all()
    .map((r) => Number(r.name.slice(5)))
    .sort((a, b) => a - b);
  restored.close();
  expect(ids.length).toBeGreaterThan(lastBefore); // all of 0..lastBefore …
  expect(ids.slice(0, lastBefore + 1)).toEqual(Array.from({ length: lastBefore + 1 }, (_, i) => i));
  expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i)); // … and one point in time: no gaps
  expect(ids.length).toBeLessThanOrEqual(acked.length);
  console.info(`backup under load: ${lastBefore + 1} writes before it began, ${ackedDuring} acknowledged while it ran, ${ids.length} in the snapshot`);
}, 60_000);
