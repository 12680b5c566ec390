import { readFileSync } from "node:fs";
import { defineCommand } from "citty";
import { applyStrategies, parseStrategiesFile } from "../../src/strategies/as-code.ts";
import { checkOptions } from "../../src/strategies/check.ts";
import { CliError, io } from "../_io.ts";
import { action, configArgs, withData } from "../_shared.ts";
import { lintArgs, lintFlags, printWarnings } from "./_options.ts";

export default defineCommand({
  meta: { name: "apply", description: "Make the server's strategies match a TOML file (see strategy export): prints the plan, then applies it in one transaction" },
  args: {
    file: { type: "string", alias: "f", description: "The TOML file", valueHint: "file", required: true },
    "dry-run": { type: "boolean", description: "Print the plan only" },
    prune: { type: "boolean", description: "Also delete strategies and unassign targets the file does not list" },
    ...lintArgs,
    ...configArgs,
  },
  run: action(async (args) => {
    let text: string;
    try {
      text = readFileSync(args.file, "utf8");
    } catch (e) {
      throw new CliError(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const file = parseStrategiesFile(text);
    const warnings: string[] = [];
    // The lint, per strategy, named in its errors; the cleaned options are what gets stored.
    for (const s of file.strategy) {
      try {
        const checked = checkOptions(s.options, lintFlags(args));
        s.options = checked.options;
        warnings.push(...checked.warnings.map((w) => `${s.name}: ${w}`));
      } catch (e) {
        throw new CliError(`${s.name}: ${(e as Error).message.replaceAll("\n", `\nerror: ${s.name}: `)}`);
      }
    }
    const plan = await withData(args, (ctx) => applyStrategies(ctx, file, { dryRun: args["dry-run"], prune: args.prune }));
    printWarnings(warnings);
    if (!plan.length) return io.out("nothing to change\n");
    io.out(`${plan.join("\n")}\n`);
    io.out(args["dry-run"] ? `dry run: ${plan.length} change(s) not applied\n` : `applied ${plan.length} change(s)\n`);
  }),
});
