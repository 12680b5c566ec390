import { defineCommand } from "citty";
import { createMailer } from "../../src/mail/mailer.ts";
import { createDeliverer, targetsFor } from "../../src/notify/deliver.ts";
import { NOTIFY_KINDS, type NotifyEvent, type NotifyKind } from "../../src/notify/events.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, loadCliConfig } from "../_shared.ts";

const SAMPLES: Record<NotifyKind, Omit<NotifyEvent, "at">> = {
  alarm: { kind: "alarm", title: "Test alarm from rdconsole", data: { test: true, device: "123456789", alarm: "over 30 failed attempts", typ: 1, ip: "203.0.113.7" } },
  lockout: { kind: "lockout", title: "Test lockout notification from rdconsole", data: { test: true, user: "alice", ip: "203.0.113.7" } },
  device: { kind: "device", title: "Test new-device notification from rdconsole", data: { test: true, device: "123456789", hostname: "TEST-PC" } },
  "backup.failed": { kind: "backup.failed", title: "Test failed-backup notification from rdconsole", data: { test: true, error: "no space left on device" } },
};

export default defineCommand({
  meta: { name: "test", description: "Send a test notification to every configured target (no retries), and say how each went" },
  args: { kind: { type: "string", description: `Only this kind: ${NOTIFY_KINDS.join(", ")}`, valueHint: "kind" }, ...configArgs },
  run: action(async (args) => {
    if (args.kind !== undefined && !NOTIFY_KINDS.includes(args.kind as NotifyKind)) throw new CliError(`--kind is one of ${NOTIFY_KINDS.join(", ")}, not "${args.kind}"`);
    const { config } = loadCliConfig(args);
    const kinds = args.kind ? [args.kind as NotifyKind] : [...NOTIFY_KINDS];
    const jobs = kinds.flatMap((kind) => targetsFor(config, kind).map((target) => ({ kind, target })));
    if (jobs.length === 0) throw new CliError("no notification targets are configured (notify.*_webhooks, notify.*_emails)");
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
