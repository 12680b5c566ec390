// `token create … --enrol --print-install OS`: the install lines of src/enrolment/install.ts with the settings
// `client-config` prints (the [rustdesk] config and server.public_url) and the new key.
import type { EnrolPresets } from "../../src/db/schema.ts";
import { ServiceError } from "../../src/core/errors.ts";
import { assignFlagsOf, ENOUGH_FOR_ASSIGN } from "../../src/enrolment/assign-flags.ts";
import { encodeConfigString } from "../../src/enrolment/config-string.ts";
import { CLIENT_OSES, installLines, type ClientOs, type InstallPlan } from "../../src/enrolment/install.ts";
import { resolveSettings } from "../../src/enrolment/settings.ts";
import { io, UsageError } from "../_io.ts";
import { loadCliConfig, type ConfigArgValues } from "../_shared.ts";

const SAMPLE_SECRET = `rdc_${"0".repeat(43)}`;

/** Checks everything the lines need now; returns what builds them once the key exists. */
export function installPlanner(args: ConfigArgValues & { enrol?: boolean }, os: string, enrolment: { presets?: EnrolPresets }) {
  if (!args.enrol) throw new UsageError("--print-install is for enrolment keys: add --enrol");
  if (!(CLIENT_OSES as readonly string[]).includes(os)) throw new UsageError(`--print-install takes ${CLIENT_OSES.join(", ")}, not "${os}"`);
  const flags = assignFlagsOf(enrolment.presets ?? {});
  if (!Object.keys(flags).some((f) => !f.startsWith("address_book_") || f === "address_book_name"))
    throw new UsageError(`--print-install: rustdesk --assign needs at least one option, so the key needs a preset: ${ENOUGH_FOR_ASSIGN}`);
  const { config } = loadCliConfig(args);
  try {
    const configString = encodeConfigString(resolveSettings(config, {}).settings);
    const build = (secret: string, presets: EnrolPresets): InstallPlan => installLines(os as ClientOs, { configString, token: secret, assignFlags: assignFlagsOf(presets) });
    build(SAMPLE_SECRET, enrolment.presets ?? {});
    return build;
  } catch (e) {
    throw e instanceof ServiceError ? new UsageError(`--print-install: ${e.message} (the same settings as rdconsole client-config)`) : e;
  }
}

export function printInstall(plan: InstallPlan): void {
  const who =
    plan.os === "windows"
      ? "Paste into an elevated PowerShell (Run as administrator): installing and --config/--assign need it"
      : "Paste into a shell as a user who may sudo: the lines with sudo need root";
  io.out(`\nInstall on ${plan.os} (${who}):\n${plan.lines.join("\n")}\n`);
}
