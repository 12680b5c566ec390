import { defineCommand, type ArgsDef } from "citty";
import { ServiceError } from "../../src/core/errors.ts";
import type { EnrolPresets } from "../../src/db/schema.ts";
import { parseScopes, SCOPE_SYNTAX } from "../../src/tokens/scopes.ts";
import { createToken } from "../../src/tokens/service.ts";
import { io, printJson, UsageError } from "../_io.ts";
import { optionValues } from "../_repeat.ts";
import { action, configArgs, jsonArg, withData } from "../_shared.ts";
import { duration } from "../_values.ts";
import { installPlanner, printInstall } from "./_install.ts";
import { expiresOf, label, presetLines, printSecret, scopesOf, shownPrefix, tokenJson, usesOf } from "./_format.ts";

// Enrolment presets: option → preset field.
const PRESET_OPTIONS = {
  user: "user",
  "device-group": "device_group",
  strategy: "strategy",
  "address-book": "address_book",
  "ab-tag": "ab_tag",
  "ab-alias": "ab_alias",
  "ab-note": "ab_note",
  "ab-password": "ab_password",
  "device-note": "note",
} as const satisfies Record<string, keyof EnrolPresets>;

const enrolArgs = {
  enrol: { type: "boolean", description: "An enrolment key for rustdesk --assign: scope enrol only, with the presets below" },
  user: { type: "string", description: "Enrolment: the owner of enrolled devices", valueHint: "name" },
  "device-group": { type: "string", description: "Enrolment: the device group", valueHint: "name" },
  strategy: { type: "string", description: "Enrolment: the strategy", valueHint: "name" },
  "address-book": { type: "string", description: "Enrolment: a shared address book to add devices to", valueHint: "name" },
  "ab-tag": { type: "string", description: "Enrolment: the tag in that book", valueHint: "tag" },
  "ab-alias": { type: "string", description: "Enrolment: the alias in that book", valueHint: "text" },
  "ab-note": { type: "string", description: "Enrolment: the note in that book", valueHint: "text" },
  "ab-password": { type: "string", description: "Enrolment: the connect password in that book", valueHint: "password" },
  "device-note": { type: "string", description: "Enrolment: the note set on enrolled devices", valueHint: "text" },
  uses: { type: "string", description: "Enrolment: how many devices the key may enrol (default unlimited)", valueHint: "N" },
  lock: { type: "boolean", description: "Enrolment: the presets win; a command line asking for something else is refused" },
  "print-install": { type: "string", description: "Enrolment: also print the lines that install the client on windows, macos or linux, give it this server's settings and enrol it with the new key", valueHint: "os" },
} as const satisfies ArgsDef;

function scopesFrom(rawArgs: string[], enrol: boolean) {
  const words = optionValues(rawArgs, "scope");
  if (enrol) {
    if (words.length) throw new UsageError("--scope does not go with --enrol: an enrolment key may only enrol (for more, create an API token with --scope enrol:rw)");
    return undefined;
  }
  if (!words.length) throw new UsageError(`name at least one --scope (${SCOPE_SYNTAX}; admin:rw for everything)`);
  try {
    return parseScopes(words);
  } catch (e) {
    throw e instanceof ServiceError ? new UsageError(e.message) : e;
  }
}

function enrolmentFrom(args: Record<string, unknown>) {
  const given = [...Object.keys(PRESET_OPTIONS), "uses", "lock"].filter((o) => args[o] !== undefined && args[o] !== false);
  if (!args.enrol) {
    if (given.length) throw new UsageError(`${given.map((o) => `--${o}`).join(", ")} ${given.length > 1 ? "are" : "is"} for enrolment keys: add --enrol`);
    return {};
  }
  const presets: EnrolPresets = {};
  for (const [option, field] of Object.entries(PRESET_OPTIONS)) if (typeof args[option] === "string") presets[field] = args[option] as string;
  const abOnly = ["ab-tag", "ab-alias", "ab-note", "ab-password"].filter((o) => args[o] !== undefined);
  if (abOnly.length && args["address-book"] === undefined) throw new UsageError(`${abOnly.map((o) => `--${o}`).join(", ")} need${abOnly.length > 1 ? "" : "s"} --address-book`);
  let maxUses: number | null = null;
  if (typeof args.uses === "string") {
    if (!/^\d+$/.test(args.uses) || Number(args.uses) < 1) throw new UsageError(`--uses takes a whole number of at least 1, not "${args.uses}"`);
    maxUses = Number(args.uses);
  }
  return { presets, maxUses, lock: Boolean(args.lock) };
}

export default defineCommand({
  meta: { name: "create", description: "Create an API token (token create ci --scope devices:rw --scope audit:r) or an enrolment key (--enrol); prints the secret once" },
  args: {
    name: { type: "positional", description: "Token name", required: true },
    scope: { type: "string", description: `A permission, ${SCOPE_SYNTAX}; repeat for more`, valueHint: "AREA:r|rw..." },
    expires: { type: "string", description: "Lifetime: 30m, 12h, 90d, 2w or never (default never)", valueHint: "duration" },
    owner: { type: "string", description: "The administrator the token acts for (default: the first enabled administrator)", valueHint: "user" },
    note: { type: "string", description: "What the token is for", valueHint: "text" },
    ...enrolArgs,
    ...jsonArg,
    ...configArgs,
  },
  run: action(async (args, rawArgs) => {
    const enrol = Boolean(args.enrol);
    const scopes = scopesFrom(rawArgs, enrol);
    const enrolment = enrolmentFrom(args);
    const expiresIn = args.expires !== undefined ? duration("expires", args.expires) : null;
    // Checked before the key exists: a missing server setting must not leave a key nobody saw the lines for.
    const install = args["print-install"] === undefined ? null : installPlanner(args, args["print-install"], enrolment);
    const { token: t, secret } = await withData(args, (ctx) =>
      createToken(ctx, { name: args.name, kind: enrol ? "enrol" : "api", scopes, owner: args.owner, note: args.note, expiresIn, ...enrolment }),
    );
    const plan = install?.(secret, t.presets);
    if (args.json) return printJson({ ...tokenJson(t), token: secret, ...(plan ? { install: plan } : {}) });
    const presets = presetLines(t);
    io.out(`created ${label(t)} ${t.name} (${shownPrefix(t)}…) for ${t.owner}: ${scopesOf(t)}; expires ${expiresOf(t)}${enrol ? `; uses ${usesOf(t)}${t.lock ? "; locked" : ""}` : ""}\n`);
    if (enrol) io.out(presets.length ? `presets:\n${presets.join("\n")}\n` : "presets: none\n");
    printSecret(secret);
    if (plan) printInstall(plan);
  }),
});
