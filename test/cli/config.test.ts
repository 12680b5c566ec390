import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/cli.ts";
import { tempDir } from "../helpers/env.ts";

function file(text: string) {
  const path = join(tempDir(), "rdconsole.toml");
  writeFileSync(path, text);
  return path;
}

test("config check: OK on a valid file", async () => {
  const path = file("[server]\nport = 8080\n");
  expect(await runCli(["config", "check", "--config", path])).toEqual({ code: 0, stdout: `configuration OK (file: ${path})\n`, stderr: "" });
});

test("config check: exit 1 listing every problem", async () => {
  const path = file('[server]\nport = 99999\nprot = 1\n[log]\nlevel = "loud"\n');
  const r = await runCli(["config", "check", "--config", path]);
  expect(r.code).toBe(1);
  expect(r.stderr.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(3);
  expect(r.stderr).toContain('unknown key "server.prot" — did you mean "server.port"?');
});

test("config dump shows effective values and their source", async () => {
  const path = file("[server]\nport = 8080\n");
  const r = await runCli(["config", "dump", "--config", path, "--data-dir", "/srv/rd"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/port = 8080\s+# file/);
  expect(r.stdout).toMatch(/dir = "\/srv\/rd"\s+# flag/);
  expect(r.stdout).toMatch(/host = "0\.0\.0\.0"\s+# default/);
});

test("config template --data-dir sets data.dir and nothing else", async () => {
  const r = await runCli(["config", "template", "--data-dir", "/var/lib/rdconsole"]);
  expect(r.stdout).toContain('\ndir = "/var/lib/rdconsole"\n');
  expect(r.stdout.split("\n").filter((l) => /^[a-z_]+ = /.test(l))).toEqual(['dir = "/var/lib/rdconsole"']);
});
