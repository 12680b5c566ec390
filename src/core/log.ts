// One consola instance per process. pretty: consola's fancy reporter on stderr;
// json: one object per line on stderr, for journald/log collectors. stdout stays free for CLI output.
import { createConsola, LogLevels, type ConsolaInstance, type LogObject } from "consola";
import type { Config } from "../config/schema.ts";

export type Logger = ConsolaInstance;

const jsonReporter = {
  log(obj: LogObject) {
    const [first, ...rest] = obj.args;
    const fields = rest.length === 1 && rest[0] && typeof rest[0] === "object" && !(rest[0] instanceof Error) ? rest[0] : undefined;
    const err = obj.args.find((a): a is Error => a instanceof Error);
    const line: Record<string, unknown> = {
      time: obj.date.toISOString(),
      level: obj.type,
      ...(obj.tag ? { tag: obj.tag } : {}),
      msg: first instanceof Error ? first.message : String(first ?? ""),
      ...(fields as Record<string, unknown> | undefined),
      ...(err ? { error: err.message, stack: err.stack } : {}),
    };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  },
};

export function createLogger(log: Config["log"]): Logger {
  const level = log.level === "silent" ? LogLevels.silent : LogLevels[log.level];
  return createConsola({
    level,
    stdout: process.stderr,
    stderr: process.stderr,
    ...(log.format === "json" ? { reporters: [jsonReporter] } : { fancy: !process.env.NO_COLOR }),
  });
}
