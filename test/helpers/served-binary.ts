// The compiled binary serving on a free loopback port from an empty directory, with its log at hand.
import { binaryPath, cleanEnv } from "./binary.ts";
import { tempDir } from "./env.ts";

export type Served = {
  base: string;
  cwd: string;
  log: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpExecArray>;
  cli: (...args: string[]) => { code: number | null; out: string; err: string };
  stop: () => Promise<void>;
};

export async function serveBinary(env: Record<string, string> = {}): Promise<Served> {
  const bin = binaryPath();
  const cwd = tempDir("rdc-served-");
  const childEnv = cleanEnv({ RDCONSOLE_CONFIG: "/dev/null", ...env });
  const server = Bun.spawn([bin, "serve", "--host", "127.0.0.1", "--port", "0"], { cwd, env: childEnv, stdin: "ignore", stdout: "ignore", stderr: "pipe" });
  let text = "";
  void (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of server.stderr) text += decoder.decode(chunk);
  })();
  const waitFor = async (pattern: RegExp, ms = 10_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = pattern.exec(text);
      if (m) return m;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`no ${pattern} within ${ms} ms; log so far:\n${text}`);
      await Bun.sleep(20);
    }
  };
  const base = (await waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  return {
    base,
    cwd,
    log: () => text,
    waitFor,
    cli: (...args) => {
      const r = Bun.spawnSync([bin, ...args], { cwd, env: childEnv });
      return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
    },
    stop: async () => {
      if (server.exitCode === null) server.kill("SIGTERM");
      await Promise.race([server.exited, Bun.sleep(5000)]);
      if (server.exitCode === null) server.kill("SIGKILL");
    },
  };
}
