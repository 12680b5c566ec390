import { defineCommand } from "citty";
import { NOTIFY_KINDS } from "../../src/notify/events.ts";
import { testNotifications } from "../../src/notify/try.ts";
import { savedTargets } from "../../src/notifications/deliveries.ts";
import { readStoredTargets } from "../../src/notifications/targets.ts";
import { cliLiveConfig } from "../../src/settings/store.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, loadCliConfig, withData } from "../_shared.ts";

export default defineCommand({
  meta: { name: "test", description: "Send a test notification to every configured target (no retries), and say how each went" },
  args: { kind: { type: "string", description: `Only this kind: ${NOTIFY_KINDS.join(", ")}`, valueHint: "kind" }, ...configArgs },
  run: action(async (args) => {
    if (args.kind !== undefined && !(NOTIFY_KINDS as readonly string[]).includes(args.kind)) throw new CliError(`--kind is one of ${NOTIFY_KINDS.join(", ")}, not "${args.kind}"`);
    const loaded = loadCliConfig(args);
    // The settings as the server has them (console settings included), and the targets saved at runtime.
    const { config, saved } = await withData(args, (ctx) => ({ config: cliLiveConfig(loaded, ctx).current().config, saved: readStoredTargets(ctx) }));
    const tries = await testNotifications(config, args.kind, (kind) => savedTargets(saved, kind));
    for (const { kind, target, error, ms } of tries)
      io.out(error === null ? `ok      ${kind.padEnd(7)} ${target.type.padEnd(7)} ${target.to} (${ms} ms)\n` : `failed  ${kind.padEnd(7)} ${target.type.padEnd(7)} ${target.to}: ${error}\n`);
    const failed = tries.filter((t) => t.error !== null).length;
    if (failed) throw new CliError(`${failed} of ${tries.length} notification(s) failed`);
  }),
});
