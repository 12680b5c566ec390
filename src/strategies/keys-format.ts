// What `strategy keys` prints: the catalogue as a grouped table, or as one JSON document (`--json`).
import { allowedText, GROUPS, type KeySpec, keysOf, REASONS, REFUSED_KEYS, type RefusedReason } from "./catalogue.ts";

const GATES: Record<NonNullable<KeySpec["gate"]>, string> = {
  repoint: "needs --allow-repoint: re-points the device",
  stop: "needs --allow-stop for Y: the device can no longer be managed",
};

/** Stable field names; `values` only for keys with a fixed set, `min`/`max` only for numbers. */
export function keysJson() {
  return {
    settable: GROUPS.flatMap((group) =>
      keysOf(group).map((s) => ({
        key: s.key,
        kind: s.kind,
        group,
        description: s.description,
        allowed: allowedText(s),
        ...(s.values ? { values: [...s.values] } : {}),
        ...(s.kind === "number" ? { min: s.min, max: s.max, unit: s.unit } : {}),
        ...(s.maxLength !== undefined ? { max_length: s.maxLength } : {}),
        ...(s.format ? { format: s.format } : {}),
        requires_flag: s.gate === "repoint" ? "--allow-repoint" : s.gate === "stop" ? "--allow-stop" : null,
      })),
    ),
    refused: [...REFUSED_KEYS.values()].map((r) => ({ key: r.key, reason: r.reason, why: REASONS[r.reason] })),
  };
}

/** The short form of the allowed values, for the table's values column. */
function valuesColumn(s: KeySpec): string {
  if (s.values) return s.values.join(" ");
  if (s.kind === "number") return `${s.min}-${s.max}`;
  if (s.kind === "text") return s.format === "windows-path" ? `absolute path ≤${s.maxLength}` : `text ≤${s.maxLength}`;
  if (s.kind === "server") return s.format!;
  return s.kind === "ip-list" ? "IP,CIDR,…" : "ID*,ID?,…";
}

/** Comma-separated words in lines of at most `width` characters. */
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur && cur.length + w.length + 2 > width) lines.push(`${cur},`), (cur = "");
    cur = cur ? `${cur}, ${w}` : w;
  }
  return cur ? [...lines, cur] : lines;
}

/** The table: one section per group, columns aligned across sections; then the refused keys by reason. */
export function keysText(): string {
  const sections = GROUPS.map((g) => ({
    group: g,
    rows: keysOf(g).map((s) => [s.key, s.kind, valuesColumn(s), s.gate ? `${s.description} (${GATES[s.gate]})` : s.description]),
  }));
  const all = sections.flatMap((s) => s.rows);
  const headers = ["KEY", "KIND", "VALUES", "DESCRIPTION"];
  const widths = headers.map((h, i) => Math.max(h.length, ...all.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const out = [line(headers)];
  for (const s of sections) out.push("", `[${s.group}]`, ...s.rows.map(line));
  out.push("", "Not settable by a strategy:");
  const byReason = new Map<RefusedReason, string[]>();
  for (const r of REFUSED_KEYS.values()) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.key]);
  for (const [reason, keys] of byReason) out.push(`  ${reason}: ${REASONS[reason]}`, ...wrap(keys, 110).map((l) => `    ${l}`));
  return `${out.join("\n")}\n`;
}
