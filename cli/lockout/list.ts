import { defineCommand } from "citty";
import { listLockouts, type LockoutEntry } from "../../src/auth/lockout-store.ts";
import { printJson } from "../_io.ts";
import { printTable } from "../_list.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { isoOrDash } from "../_values.ts";

const json = (e: LockoutEntry) => ({ kind: e.kind, subject: e.subject, locked_at: new Date(e.lockedAt).toISOString(), locked_until: new Date(e.lockedUntil).toISOString() });

export default defineCommand({
  meta: { name: "list", description: "Lockouts in force: IP addresses and accounts refused for a while after failed logins" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args) => {
    const entries = await withData(args, listLockouts);
    if (args.json) return printJson(entries.map(json));
    printTable(["KIND", "IP OR USER", "SINCE (UTC)", "UNTIL (UTC)"], entries.map((e) => [e.kind, e.subject, isoOrDash(e.lockedAt), isoOrDash(e.lockedUntil)]));
  }),
});
