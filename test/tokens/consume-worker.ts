// A separate process counting enrolment uses against a shared data dir (enrol.test.ts): argv = dir, token id, tries.
// Prints "ready", waits for a line on stdin, then prints how many of its tries were counted.
import { withTransaction, type ServiceContext } from "../../src/core/context.ts";
import { createLogger } from "../../src/core/log.ts";
import { openDb } from "../../src/db/client.ts";
import { consumeEnrolUse, EnrolRefused } from "../../src/tokens/enrol.ts";
import { loadConfig } from "../../src/config/load.ts";

const [dir, id, tries] = process.argv.slice(2);
const { config } = loadConfig({ env: {}, defaultConfigPath: "/nonexistent/rdconsole.toml", flags: { "data.dir": dir, "log.level": "silent" } });
const { db, close } = openDb(dir!);
const ctx: ServiceContext = { db, config, log: createLogger(config.log), actor: { type: "system", name: "test" }, now: Date.now };
// A barrier: every worker has opened the database before any counts, so their uses interleave.
process.stdout.write("ready\n");
for await (const _ of console) break;
let counted = 0;
for (let i = 0; i < Number(tries); i++) {
  try {
    withTransaction(ctx, (tx) => consumeEnrolUse(tx, { id: Number(id) }));
    counted++;
  } catch (e) {
    if (!(e instanceof EnrolRefused) || e.reason !== "used_up") throw e;
  }
}
close();
process.stdout.write(String(counted));
