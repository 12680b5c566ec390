// src/db/schema.ts and migrations/ must agree: drizzle-kit, run on a copy, finds nothing to generate.
import { expect, test } from "bun:test";
import { cpSync } from "node:fs";
import { join, relative } from "node:path";
import { tempDir } from "../helpers/env.ts";

const root = join(import.meta.dir, "..", "..");

test("no schema change is missing its migration", () => {
  const dir = tempDir("rdc-drift-");
  cpSync(join(root, "migrations"), join(dir, "migrations"), { recursive: true });
  // drizzle-kit only accepts relative paths, so it runs from the copy's directory.
  const r = Bun.spawnSync(
    [join(root, "node_modules", ".bin", "drizzle-kit"), "generate", "--dialect", "sqlite", "--schema", relative(dir, join(root, "src/db/schema.ts")), "--out", "./migrations"],
    { cwd: dir, env: { ...process.env, NO_COLOR: "1" } },
  );
  const out = r.stdout.toString() + r.stderr.toString();
  expect(out).toContain("No schema changes, nothing to migrate");
}, 30_000);
