import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { fileCircles, importGraph, ISOLATED, LAYERS, unitOf, violations, type Graph } from "./layers.ts";

const root = join(import.meta.dir, "..", "..");
const graph = await importGraph(root);
const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

describe("layers", () => {
  test("every folder of src/ has a place in the order", async () => {
    const units = new Set([...graph.keys()].map(unitOf));
    const placed = new Set([...LAYERS.flat(), ...ISOLATED]);
    expect([...units].filter((u) => !placed.has(u))).toEqual([]);
  });

  test("no import goes up the order", () => {
    expect(violations(graph)).toEqual([]);
  });

  test("no two files import each other, directly or around a circle", () => {
    expect(fileCircles(graph)).toEqual([]);
  });

  test("the check sees an upward import, a sideways one and one out of src/", () => {
    const bad = g({
      "src/users/service.ts": ["src/auth/sessions.ts"], // users is below auth
      "src/core/errors.ts": ["src/devices/registry.ts"], // the kernel knows no feature
      "src/devices/registry.ts": ["cli/_io.ts"],
      "src/auth/sessions.ts": [],
    });
    expect(violations(bad)).toHaveLength(3);
    expect(violations(g({ "src/auth/sessions.ts": ["src/users/service.ts", "src/core/context.ts"] }))).toEqual([]);
  });

  test("the web console imports nothing from the server, and the server nothing from it", () => {
    const bad = g({ "src/console/app.tsx": ["src/console/lib/api.ts", "src/core/errors.ts"], "src/system/console.ts": ["src/console/i18n/en.ts"], "src/console/lib/api.ts": [] });
    expect(violations(bad)).toEqual([
      "src/console/app.tsx imports src/core/errors.ts (console talks HTTP only)",
      "src/system/console.ts imports src/console/i18n/en.ts (nothing imports console)",
    ]);
  });

  test("the circle check sees a circle", () => {
    const circle = g({ "src/a/x.ts": ["src/a/y.ts"], "src/a/y.ts": ["src/a/z.ts"], "src/a/z.ts": ["src/a/x.ts"] });
    expect(fileCircles(circle)).toEqual([["src/a/x.ts", "src/a/y.ts", "src/a/z.ts"]]);
  });

  test("type-only imports count too", async () => {
    const dir = `${process.env.TMPDIR ?? "/tmp"}/layers-${process.pid}`;
    await Bun.write(`${dir}/src/core/x.ts`, 'import type { A } from "../auth/a.ts";\nexport type B = A;\n');
    await Bun.write(`${dir}/src/auth/a.ts`, "export type A = 1;\n");
    try {
      expect(violations(await importGraph(dir))).toEqual(["src/core/x.ts imports src/auth/a.ts (core → auth: upward or outside)"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("src/", () => {
  test("src/ never imports cli/ or test/", () => {
    const out = [...graph].flatMap(([f, deps]) => [...deps].filter((d) => !d.startsWith("src/")).map((d) => `${f} → ${d}`));
    expect(out).toEqual([]);
  });
});
