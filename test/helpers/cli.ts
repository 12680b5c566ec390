// Runs a CLI command in-process with captured output and scripted input.
import { io } from "../../cli/_io.ts";
import { runArgv } from "../../cli/_run.ts";
import { main } from "../../cli/main.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tty`: answers to terminal prompts in order, or a function of the question and the output so far. */
export async function runCli(args: string[], input: { stdin?: string; tty?: string[] | ((question: string, stdout: string) => string) } = {}): Promise<CliRun> {
  const saved = { ...io };
  let stdout = "";
  let stderr = "";
  const tty = input.tty;
  const answers = Array.isArray(tty) ? [...tty] : [];
  io.rawOut = (t) => void (stdout += t);
  io.rawErr = (t) => void (stderr += t);
  io.readStdin = async () => input.stdin ?? "";
  io.isTTY = () => input.tty !== undefined;
  io.stdoutIsTTY = () => false;
  io.stderrIsTTY = () => false;
  io.readLine = async (question) => {
    stderr += question;
    const answer = typeof tty === "function" ? tty(question, stdout) : answers.shift();
    if (answer === undefined) throw new Error(`unexpected prompt: ${question}`);
    return answer;
  };
  io.exitCode = 0;
  try {
    await runArgv(main, args);
  } catch (e) {
    stderr += `${(e as Error).message}\n`;
    io.exitCode = 1;
  } finally {
    const code = io.exitCode;
    Object.assign(io, saved);
    io.exitCode = code;
  }
  return { code: io.exitCode, stdout, stderr };
}
