import { expect, test } from "bun:test";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../../test/helpers/env.ts";
import { acquireLock, LockError } from "./lock.ts";

test("a second holder is refused, naming the first; released, it can be taken again", () => {
  const dir = tempDir();
  const first = acquireLock(dir);
  expect(() => acquireLock(dir)).toThrow(LockError);
  expect(() => acquireLock(dir)).toThrow(`another rdconsole server (pid ${process.pid}) is already using the data dir ${dir}`);
  first.release();
  expect(existsSync(join(dir, "serve.pid"))).toBe(false);
  acquireLock(dir).release();
});

test("leftovers of a crashed server (lock file, pid of a live unrelated process) do not block", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "serve.lock"), "");
  writeFileSync(join(dir, "serve.pid"), "1\n"); // pid 1 is alive, but holds no lock
  acquireLock(dir).release();
});

// The holder keeps a reference: an unreferenced lock is closed by the garbage collector, and the lock with it.
test("the lock dies with its process", async () => {
  const dir = tempDir();
  const holder = Bun.spawn(["bun", "-e", `globalThis.lock = require(${JSON.stringify(join(import.meta.dir, "lock.ts"))}).acquireLock(${JSON.stringify(dir)}); console.log("held"); setInterval(() => {}, 1000)`], { stdout: "pipe" });
  const reader = holder.stdout.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toContain("held");
  expect(() => acquireLock(dir)).toThrow(LockError);
  holder.kill("SIGKILL");
  await holder.exited;
  acquireLock(dir).release();
});
