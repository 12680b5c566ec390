// Terminal I/O behind one object, so in-process tests can capture output and feed input.
import { escapeCell, escapeText } from "./_escape.ts";

export class CliError extends Error {}

/** The command line itself is wrong (unknown option, extra argument, bad switch value): exit status 2. */
export class UsageError extends CliError {}

export const io = {
  /** Text for stdout; controls and bidi characters from client data print escaped. */
  out: (text: string) => io.rawOut(escapeText(text)),
  err: (text: string) => io.rawErr(escapeText(text)),
  /** Unescaped: help with its colours, progress bars, byte-exact exports to a file or pipe. */
  rawOut: (text: string) => void process.stdout.write(text),
  rawErr: (text: string) => void process.stderr.write(text),
  stdoutIsTTY: () => Boolean(process.stdout.isTTY),
  /** Progress bars go to stderr, and only to a terminal. */
  stderrIsTTY: () => Boolean(process.stderr.isTTY),
  readStdin: () => Bun.stdin.text(),
  isTTY: () => Boolean(process.stdin.isTTY),
  /** Reads one line from the terminal; `echo: false` for passwords. */
  readLine: (question: string, echo: boolean) => readTtyLine(question, echo),
  exitCode: 0,
};

function readTtyLine(question: string, echo: boolean): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let line = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish(), resolve(line);
        if (ch === "\u0003" || ch === "\u0004") return finish(), reject(new CliError("cancelled"));
        if (ch === "\u007f" || ch === "\b") {
          if (line && echo) process.stderr.write("\b \b");
          line = line.slice(0, -1);
        } else if (ch >= " ") {
          line += ch;
          if (echo) process.stderr.write(ch);
        }
      }
    };
    stdin.on("data", onData);
  });
}

export async function promptNewPassword(): Promise<string> {
  if (!io.isTTY()) throw new CliError("no terminal to ask for the password on: use --password-stdin or --generate");
  const first = await io.readLine("New password: ", false);
  const second = await io.readLine("Repeat password: ", false);
  if (first !== second) throw new CliError("the two passwords differ");
  return first;
}

/** Password from stdin: the whole input less one trailing newline. */
export async function passwordFromStdin(): Promise<string> {
  return (await io.readStdin()).replace(/\r?\n$/, "");
}

export async function confirm(question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!io.isTTY()) throw new CliError("not confirmed: pass --yes to run this without a terminal");
  const answer = await io.readLine(`${question} [y/N] `, true);
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("cancelled");
}

export function generatePassword(length = 20): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = "";
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) if (b < 256 - (256 % alphabet.length) && out.length < length) out += alphabet[b % alphabet.length];
  return out.length === length ? out : generatePassword(length);
}

/** Data meant for another program (CSV exports): byte-exact into a pipe or file, escaped on a terminal. */
export const outData = (text: string) => (io.stdoutIsTTY() ? io.out(text) : io.rawOut(text));

/** `… | head`: the reader went away, so the command has nothing left to do — end quietly, status 0. */
export function exitQuietlyWhenStdoutCloses() {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(0);
  });
}

export function table(headers: string[], rawRows: string[][]): string {
  const rows = rawRows.map((r) => r.map((c) => escapeCell(c ?? "")));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return `${[line(headers), ...rows.map(line)].join("\n")}\n`;
}

export const printJson = (value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);
