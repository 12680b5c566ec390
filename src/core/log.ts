// One consola instance per process. pretty: consola's fancy reporter on stderr;
// json: one object per line on stderr, for journald/log collectors. stdout stays free for CLI output.
// Every line that passes the level is also kept in a bounded in-memory ring (log-ring.ts, log.memory_lines).
import { createConsola, LogLevels, type ConsolaInstance, type LogObject } from "consola";
import type { Config } from "../config/schema.ts";
import { lineLevelOf, LogRing } from "./log-ring.ts";

export type Logger = ConsolaInstance;

type Out = Pick<NodeJS.WriteStream, "write">;

const fieldsOf = (obj: LogObject) => {
  const rest = obj.args.slice(1);
  return rest.length === 1 && rest[0] && typeof rest[0] === "object" && !(rest[0] instanceof Error) ? (rest[0] as Record<string, unknown>) : undefined;
};

const jsonReporter = (out: Out) => ({
  log(obj: LogObject) {
    const first = obj.args[0];
    const err = obj.args.find((a): a is Error => a instanceof Error);
    const line: Record<string, unknown> = {
      time: obj.date.toISOString(),
      level: obj.type,
      ...(obj.tag ? { tag: obj.tag } : {}),
      msg: first instanceof Error ? first.message : String(first ?? ""),
      ...fieldsOf(obj),
      ...(err ? { error: err.message, stack: err.stack } : {}),
    };
    out.write(`${JSON.stringify(line)}\n`);
  },
});

const MAX_MESSAGE = 2000;

/** One line of text per log call: the message, its fields as JSON, an error's message (never its stack). */
function messageOf(obj: LogObject): string {
  const parts = obj.args.map((a) => {
    if (a instanceof Error) return a.message;
    if (typeof a === "string") return a;
    try {
      return JSON.stringify(a) ?? String(a);
    } catch {
      return String(a);
    }
  });
  return `${obj.tag ? `[${obj.tag}] ` : ""}${parts.join(" ")}`.slice(0, MAX_MESSAGE);
}

const rings = new WeakMap<Logger, LogRing>();

/** The logger's ring of recent lines; an empty one for a logger made elsewhere. */
export function logRingOf(logger: Logger): LogRing {
  let ring = rings.get(logger);
  if (!ring) rings.set(logger, (ring = new LogRing(0)));
  return ring;
}

/** `out`: where lines are written (stderr; tests pass a sink). */
export function createLogger(log: Config["log"], out: Out = process.stderr): Logger {
  const level = log.level === "silent" ? LogLevels.silent : LogLevels[log.level];
  const logger = createConsola({
    level,
    stdout: out as NodeJS.WriteStream,
    stderr: out as NodeJS.WriteStream,
    ...(log.format === "json" ? { reporters: [jsonReporter(out)] } : { fancy: !process.env.NO_COLOR }),
  });
  const ring = new LogRing(log.memory_lines);
  logger.addReporter({ log: (obj) => ring.push(obj.date.getTime(), lineLevelOf(obj.type), messageOf(obj)) });
  rings.set(logger, ring);
  return logger;
}
