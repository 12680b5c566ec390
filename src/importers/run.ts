// One import: read the other server's file, write everything in one transaction with one console-audit
// row; a dry run does the same work and rolls it back, so it reports exactly what a real run would do.
import { emitAudit } from "../core/audit.ts";
import { withTransaction, type ServiceContext } from "../core/context.ts";
import { invalid, ServiceError } from "../core/errors.ts";
import { applyDevices, applyGroups, applyUsers, type Mapping } from "./apply-people.ts";
import { applyBooks } from "./apply-books.ts";
import { readKingmo888 } from "./kingmo888.ts";
import { readLejianwen } from "./lejianwen.ts";
import { newReport, type ImportReport } from "./report.ts";
import { openSource, type Server, type Snapshot } from "./source.ts";

const READERS = { lejianwen: readLejianwen, kingmo888: readKingmo888 } as const;

class DryRun extends Error {}

function readSnapshot(server: Server, file: string): Snapshot {
  const db = openSource(file);
  try {
    return READERS[server](db, file);
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw invalid(`${file}: cannot read the ${server} tables (${(e as Error).message})`);
  } finally {
    db.close();
  }
}

export function runImport(ctx: ServiceContext, input: { server: Server; file: string; dryRun: boolean }): ImportReport {
  const snap = readSnapshot(input.server, input.file);
  const report = newReport(input.server, input.file, input.dryRun, snap.skipped);
  try {
    withTransaction(ctx, (tx) => {
      const m: Mapping = { users: new Map(), groups: new Map(), deviceGroups: new Map() };
      applyGroups(tx, snap, report, m);
      applyUsers(tx, snap, report, m);
      applyDevices(tx, snap, report, m);
      applyBooks(tx, snap, report, m);
      emitAudit(tx, "import.run", { type: "import", name: input.server }, { file: input.file, counts: report.counts, skipped: report.skipped.length });
      if (input.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return report;
}
