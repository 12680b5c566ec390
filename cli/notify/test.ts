import { defineCommand } from "citty";
import { createMailer } from "../../src/mail/mailer.ts";
import { createDeliverer, targetsFor } from "../../src/notify/deliver.ts";
import { NOTIFY_KINDS, type NotifyKind } from "../../src/notify/events.ts";
import { SAMPLES } from "../../src/notify/samples.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, loadCliConfig, withData } from "../_shared.ts";
import { savedTargets } from "../../src/notifications/deliveries.ts";
import { readStoredTargets } from "../../src/notifications/targets.ts";
import { cliLiveConfig } from "../../src/settings/store.ts";

export default defineCommand({
  meta: { name: "test", description: "Send a test notification to every configured target (no retries), and say how each went" },
  args: { kind: { type: "string", description: `Only this kind: ${NOTIFY_KINDS.join(", ")}`, valueHint: "kind" }, ...configArgs },
  run: action(async (args) => {
    if (args.kind !== undefined && !NOTIFY_KINDS.includes(args.kind as NotifyKind)) throw new CliError(`--kind is one of ${NOTIFY_KINDS.join(", ")}, not "${args.kind}"`);
    const loaded = loadCliConfig(args);
    // The settings as the server has them (console settings included), and the targets saved at runtime.
    const { config, saved } = await withData(args, (ctx) => ({ config: cliLiveConfig(loaded, ctx).current().config, saved: readStoredTargets(ctx) }));
    const kinds = args.kind ? [args.kind as NotifyKind] : [...NOTIFY_KINDS];
    const jobs = kinds.flatMap((kind) => [...targetsFor(config, kind), ...savedTargets(saved, kind)].map((target) => ({ kind, target })));
    if (jobs.length === 0) throw new CliError("no notification targets are configured (notify.*_webhooks, notify.*_emails, or saved with /api/admin/notifications)");
    const deliver = createDeliverer(config, createMailer(config.smtp));
    let failed = 0;
    for (const { kind, target } of jobs) {
      const started = performance.now();
      try {
        await deliver({ ...SAMPLES[kind], at: Date.now() }, target);
        io.out(`ok      ${kind.padEnd(7)} ${target.type.padEnd(7)} ${target.to} (${Math.round(performance.now() - started)} ms)\n`);
      } catch (e) {
        failed++;
        const cause = (e as { cause?: unknown }).cause;
        io.out(`failed  ${kind.padEnd(7)} ${target.type.padEnd(7)} ${target.to}: ${(e as Error).message}${cause instanceof Error ? ` (${cause.message})` : ""}\n`);
      }
    }
    if (failed) throw new CliError(`${failed} of ${jobs.length} notification(s) failed`);
  }),
});
