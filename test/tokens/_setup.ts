// A migrated data dir with administrators alice and carol, user bob, and the things presets name.
import { sql } from "drizzle-orm";
import { createSharedBook } from "../../src/addressbook/books.ts";
import { withTransaction } from "../../src/core/context.ts";
import { consoleAudit } from "../../src/db/schema.ts";
import { createDeviceGroup } from "../../src/device-groups/service.ts";
import { createStrategy } from "../../src/strategies/service.ts";
import { insertUser } from "../../src/users/service.ts";
import { testEnv } from "../helpers/env.ts";

export function tokenEnv(overrides: Record<string, string> = {}) {
  const env = testEnv(overrides);
  const user = (name: string, isAdmin: boolean) => withTransaction(env.ctx, (tx) => insertUser(tx, { name, email: "", displayName: "", note: "", passwordHash: null, isAdmin }));
  user("alice", true);
  user("bob", false);
  user("carol", true);
  createDeviceGroup(env.ctx, { name: "Kiosks" });
  createStrategy(env.ctx, { name: "Locked", options: { "enable-file-transfer": "N" } });
  createSharedBook(env.ctx, { name: "Ops team", owner: "carol" });
  const audit = (action: string) => env.db.select().from(consoleAudit).where(sql`${consoleAudit.action} = ${action}`).all();
  return { ...env, audit };
}
