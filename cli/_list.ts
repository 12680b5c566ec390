// How every list prints: a table on stdout, or, with no rows, "no entries" on stderr (exit 0) so a
// person sees why nothing came and a pipe gets nothing. With --json a list prints [] instead: a
// program reading it wants the document, however short.
import { io, table } from "./_io.ts";

export const noEntries = () => io.err("no entries\n");

export function printTable(headers: string[], rows: string[][]): void {
  if (rows.length === 0) return noEntries();
  io.out(table(headers, rows));
}
