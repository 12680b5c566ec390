// What an import did (or, dry, would do): counts per kind and every skipped item with its reason.
import type { Server, Skip } from "./source.ts";

export const KINDS = ["user", "group", "device_group", "device", "book", "tag", "peer", "rule"] as const;
export type Kind = (typeof KINDS)[number];

export const NAMED = ["user", "group", "device_group", "book", "device"] as const;
export type Named = (typeof NAMED)[number];

export interface Counts {
  created: number;
  /** Already there (matched by name or RustDesk ID): kept, its contents merged where that applies. */
  existing: number;
  skipped: number;
}

export interface ImportReport {
  server: Server;
  file: string;
  dryRun: boolean;
  counts: Record<Kind, Counts>;
  /** Names of what was (or would be) created, for the kinds a person checks one by one. */
  created: Record<Named, string[]>;
  skipped: Skip[];
  /** Imported with a change worth knowing (a password that cannot be used, an e-mail dropped, a book renamed). */
  notes: Skip[];
}

export function newReport(server: Server, file: string, dryRun: boolean, skipped: Skip[]): ImportReport {
  const counts = Object.fromEntries(KINDS.map((k) => [k, { created: 0, existing: 0, skipped: 0 }])) as Record<Kind, Counts>;
  for (const s of skipped) if ((KINDS as readonly string[]).includes(s.kind)) counts[s.kind as Kind].skipped++;
  const created = Object.fromEntries(NAMED.map((k) => [k, []])) as unknown as Record<Named, string[]>;
  return { server, file, dryRun, counts, created, skipped: [...skipped], notes: [] };
}

export const count = (r: ImportReport, kind: Kind, what: keyof Counts, n = 1) => void (r.counts[kind][what] += n);

export function created(r: ImportReport, kind: Named, name: string): void {
  r.counts[kind].created++;
  r.created[kind].push(name);
}

export function skip(r: ImportReport, kind: Kind, name: string, reason: string, n = 1): void {
  r.counts[kind].skipped += n;
  r.skipped.push({ kind, name, reason });
}

export const note = (r: ImportReport, kind: Kind, name: string, reason: string) => void r.notes.push({ kind, name, reason });
