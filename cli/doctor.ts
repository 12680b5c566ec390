import { defineCommand } from "citty";
import { ConfigError } from "../src/config/load.ts";
import { checkConfig } from "../src/doctor/config.ts";
import { loopbackUrl } from "../src/doctor/heartbeat.ts";
import { withStoredSettings } from "../src/doctor/settings.ts";
import { doctorPassed, runDoctor, type CheckResult } from "../src/doctor/run.ts";
import { io, printJson, table } from "./_io.ts";
import { action, configArgs, jsonArg, loadCliConfig } from "./_shared.ts";

const LABEL = { ok: "ok", warn: "WARN", fail: "FAIL", skip: "skip" } as const;

function print(checks: CheckResult[]): void {
  io.out(table(["STATUS", "CHECK", "DETAIL"], checks.map((c) => [LABEL[c.status], c.name, c.detail])));
  const todo = checks.filter((c) => c.fix && (c.status === "fail" || c.status === "warn"));
  if (todo.length) io.out(`\nto fix:\n${todo.map((c) => `  ${c.name}: ${c.fix}\n`).join("")}`);
  const count = (s: CheckResult["status"]) => checks.filter((c) => c.status === s).length;
  const warnings = count("warn");
  io.out(`\n${count("fail")} failed, ${warnings} ${warnings === 1 ? "warning" : "warnings"}, ${count("ok")} ok, ${count("skip")} skipped\n`);
}

export default defineCommand({
  meta: { name: "doctor", description: "Check the setup around the server (config, data dir, database, disk, clock, public URL, TLS, hbbs/hbbr, key, SMTP, SSO, heartbeat); exit 1 if a check fails" },
  args: { ...jsonArg, ...configArgs },
  run: action(async (args: { json?: boolean; config?: string; "data-dir"?: string }) => {
    let checks: CheckResult[];
    try {
      const loaded = loadCliConfig(args);
      const { config, setAside } = withStoredSettings(loaded);
      const port = config.server.port;
      checks = await runDoctor({ config, file: loaded.file, setAside, loopback: port ? loopbackUrl(config.server.host, port) : null });
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      checks = [checkConfig(null, args.config ?? null, e.problems)]; // nothing else can be checked without a config
    }
    const passed = doctorPassed(checks);
    if (args.json) printJson({ ok: passed, checks });
    else print(checks);
    if (!passed) io.exitCode = 1;
  }),
});
