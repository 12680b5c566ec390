// The README documents every config key and every CLI verb; this fails when one is added without docs.
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandDef } from "citty";
import { main } from "../cli/main.ts";
import { eachField, envName } from "../src/config/schema.ts";

const readme = readFileSync(join(import.meta.dir, "..", "README.md"), "utf8");

test("every config key and its environment variable are in the README", () => {
  const missing = eachField().flatMap(({ path, section, key }) => [`\`${path}\``, `\`${envName(section, key)}\``]).filter((s) => !readme.includes(s));
  expect(missing).toEqual([]);
});

async function verbs(cmd: CommandDef, prefix: string[]): Promise<string[]> {
  const subs = (await (typeof cmd.subCommands === "function" ? cmd.subCommands() : cmd.subCommands)) ?? {};
  const out: string[] = [];
  for (const [name, load] of Object.entries(subs)) {
    const sub = (await (typeof load === "function" ? (load as () => Promise<CommandDef>)() : load)) as CommandDef;
    const path = [...prefix, name];
    const nested = await verbs(sub, path);
    out.push(...(nested.length ? nested : [path.join(" ")]));
  }
  return out;
}

test("every CLI verb is in the README", async () => {
  const all = await verbs(main as CommandDef, []);
  expect(all.length).toBeGreaterThan(10);
  expect(all.filter((verb) => !readme.includes(`rdconsole ${verb}`))).toEqual([]);
});
