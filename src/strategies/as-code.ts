// Strategies as code: `strategy export` writes TOML; `strategy apply` makes the server match a file —
// create, update, assign, the default, and with prune also delete and unassign what the file omits —
// printing the plan first, in one transaction (a problem anywhere changes nothing).
import { parse, stringify, TomlError } from "smol-toml";
import type { ServiceContext } from "../core/context.ts";
import { withTransaction } from "../core/context.ts";
import { invalid } from "../core/errors.ts";
import { assignStrategy } from "./assign.ts";
import { directAssignments, type DirectAssignments } from "./assigned.ts";
import { createStrategy, deleteStrategy, findStrategy, listStrategies, setDefaultStrategy, updateStrategy } from "./service.ts";

export interface StrategyDoc {
  name: string;
  note: string;
  enabled: boolean;
  reapply_hours?: number;
  options: Record<string, string>;
  assign: { devices: string[]; users: string[]; device_groups: string[] };
}

export interface StrategiesFile {
  default?: string;
  strategy: StrategyDoc[];
}

const LISTS = ["devices", "users", "device_groups"] as const;
const DRY_RUN = Symbol("dry run");
const fromDirect = (a: DirectAssignments) => ({ devices: a.devices, users: a.users, device_groups: a.deviceGroups });

export function exportStrategies(ctx: ServiceContext, names: string[] = []): string {
  const all = listStrategies(ctx);
  const wanted = names.length ? names.map((n) => all.find((s) => s.name.toLowerCase() === n.toLowerCase()) ?? (() => { throw invalid(`strategy "${n}" not found`); })()) : all;
  const doc: StrategiesFile = { strategy: [] };
  const fallback = all.find((s) => s.isDefault);
  if (fallback && !names.length) doc.default = fallback.name;
  for (const s of wanted) {
    const entry: StrategyDoc = { name: s.name, note: s.note, enabled: s.enabled, options: s.options, assign: fromDirect(directAssignments(ctx, findStrategy(ctx, s.name)!.id)) };
    if (s.reapplyHours !== null) entry.reapply_hours = s.reapplyHours;
    doc.strategy.push(entry);
  }
  return stringify(doc);
}

const strings = (v: unknown, at: string): string[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw invalid(`${at} must be a list of strings`);
  return v;
};

/** The file checked for shape (the option lint runs in the plan). */
export function parseStrategiesFile(text: string): StrategiesFile {
  let raw: Record<string, unknown>;
  try {
    raw = parse(text);
  } catch (e) {
    throw invalid(e instanceof TomlError ? `not valid TOML: ${e.message.split("\n")[0]}` : "not valid TOML");
  }
  for (const k of Object.keys(raw)) if (k !== "default" && k !== "strategy") throw invalid(`unknown key "${k}" (expected default and [[strategy]] tables)`);
  if (raw.default !== undefined && typeof raw.default !== "string") throw invalid("default must be a strategy name");
  const list = raw.strategy ?? [];
  if (!Array.isArray(list)) throw invalid("strategy must be [[strategy]] tables");
  const seen = new Set<string>();
  const strategy = list.map((t: Record<string, unknown>, i): StrategyDoc => {
    const at = `strategy ${i + 1}`;
    for (const k of Object.keys(t)) if (!["name", "note", "enabled", "reapply_hours", "options", "assign"].includes(k)) throw invalid(`${at}: unknown key "${k}"`);
    if (typeof t.name !== "string" || !t.name) throw invalid(`${at}: name is required`);
    if (seen.has(t.name.toLowerCase())) throw invalid(`strategy "${t.name}" is in the file twice`);
    seen.add(t.name.toLowerCase());
    const options = t.options ?? {};
    if (typeof options !== "object" || Array.isArray(options) || !Object.values(options).every((v) => typeof v === "string"))
      throw invalid(`${t.name}: options must be a table of strings (write "Y", "N", "8" in quotes)`);
    const assign = (t.assign ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(assign)) if (!(LISTS as readonly string[]).includes(k)) throw invalid(`${t.name}: assign takes devices, users and device_groups, not "${k}"`);
    if (t.reapply_hours !== undefined && typeof t.reapply_hours !== "number") throw invalid(`${t.name}: reapply_hours must be a number`);
    if (t.enabled !== undefined && typeof t.enabled !== "boolean") throw invalid(`${t.name}: enabled must be true or false`);
    if (t.note !== undefined && typeof t.note !== "string") throw invalid(`${t.name}: note must be a string`);
    return {
      name: t.name,
      note: (t.note as string | undefined) ?? "",
      enabled: (t.enabled as boolean | undefined) ?? true,
      reapply_hours: t.reapply_hours as number | undefined,
      options: { ...(options as Record<string, string>) }, // smol-toml tables have no prototype, which drizzle cannot bind
      assign: { devices: strings(assign.devices, `${t.name}: assign.devices`), users: strings(assign.users, `${t.name}: assign.users`), device_groups: strings(assign.device_groups, `${t.name}: assign.device_groups`) },
    };
  });
  return { default: raw.default as string | undefined, strategy };
}

export interface ApplyOptions {
  dryRun?: boolean;
  prune?: boolean;
  /** Checks one strategy's options (the lint); throws to refuse. */
  check?: (name: string, options: Record<string, string>) => void;
}

/** The plan as lines (`+` create/assign, `~` change, `-` delete/unassign); applied unless dryRun. */
export function applyStrategies(ctx: ServiceContext, file: StrategiesFile, o: ApplyOptions = {}): string[] {
  const plan: string[] = [];
  const run = (tx: ServiceContext) => {
    const step = (line: string, fn: () => void) => {
      plan.push(line);
      fn();
    };
    for (const s of file.strategy) {
      o.check?.(s.name, s.options);
      const row = findStrategy(tx, s.name);
      if (!row) step(`+ strategy ${s.name} ${JSON.stringify(s.options)}`, () => createStrategy(tx, { name: s.name, options: s.options, note: s.note, reapplyHours: s.reapply_hours ?? null }));
      else {
        const set: Record<string, string> = {};
        for (const [k, v] of Object.entries(s.options)) if (row.options[k] !== v) (set[k] = v), plan.push(`~ ${s.name}: ${k} = ${JSON.stringify(v)}${k in row.options ? ` (was ${JSON.stringify(row.options[k])})` : ""}`);
        const unset = Object.keys(row.options).filter((k) => !(k in s.options));
        for (const k of unset) plan.push(`~ ${s.name}: ${k} removed`);
        if (row.note !== s.note) plan.push(`~ ${s.name}: note`);
        if (row.enabled !== s.enabled) plan.push(`~ ${s.name}: ${s.enabled ? "enabled" : "disabled"}`);
        if (row.reapplyHours !== (s.reapply_hours ?? null)) plan.push(`~ ${s.name}: reapply_hours = ${s.reapply_hours ?? "none"}`);
        updateStrategy(tx, row.name, { set, unset, note: s.note, enabled: s.enabled, reapplyHours: s.reapply_hours ?? null });
      }
      const had = row ? fromDirect(directAssignments(tx, row.id)) : { devices: [], users: [], device_groups: [] };
      const add = { devices: [] as string[], users: [] as string[], device_groups: [] as string[] };
      const drop = { devices: [] as string[], users: [] as string[], device_groups: [] as string[] };
      for (const l of LISTS) {
        add[l] = s.assign[l].filter((n) => !had[l].some((h) => h.toLowerCase() === n.toLowerCase()));
        if (o.prune) drop[l] = had[l].filter((h) => !s.assign[l].some((n) => n.toLowerCase() === h.toLowerCase()));
        for (const n of add[l]) plan.push(`+ assign ${s.name} → ${l.replace("_", " ").replace(/s$/, "")} ${n}`);
        for (const n of drop[l]) plan.push(`- unassign ${s.name} from ${l.replace("_", " ").replace(/s$/, "")} ${n}`);
      }
      const targets = (x: typeof add) => ({ devices: x.devices, users: x.users, deviceGroups: x.device_groups });
      if (LISTS.some((l) => add[l].length)) assignStrategy(tx, s.name, targets(add));
      if (LISTS.some((l) => drop[l].length)) assignStrategy(tx, null, targets(drop));
    }
    if (o.prune)
      for (const old of listStrategies(tx)) if (!file.strategy.some((s) => s.name.toLowerCase() === old.name.toLowerCase())) step(`- strategy ${old.name}`, () => deleteStrategy(tx, old.name));
    const current = listStrategies(tx).find((s) => s.isDefault)?.name ?? null;
    if (file.default !== undefined && file.default.toLowerCase() !== current?.toLowerCase()) step(`~ default ${file.default}`, () => setDefaultStrategy(tx, file.default!));
    else if (file.default === undefined && o.prune && current !== null) step("- default", () => setDefaultStrategy(tx, null));
  };
  // One pass in one transaction: each step is checked as it is made; a dry run rolls it all back.
  try {
    withTransaction(ctx, (tx) => {
      run(tx);
      if (o.dryRun) throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
  return plan;
}
