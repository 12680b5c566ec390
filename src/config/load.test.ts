import { describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../../test/helpers/env.ts";
import { dumpConfig, configTemplate } from "./dump.ts";
import { bool, str } from "./fields.ts";
import { ConfigError, loadConfig } from "./load.ts";

const NO_DEFAULT = "/nonexistent/rdconsole.toml";

function fileWith(text: string): string {
  const path = join(tempDir(), "rdconsole.toml");
  writeFileSync(path, text);
  return path;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("precedence: defaults < file < env < flags", () => {
  const file = fileWith('[server]\nport = 1000\nhost = "127.0.0.1"\n[log]\nlevel = "debug"\n');

  test("defaults", () => {
    const { config, file: used } = loadConfig({ env: {}, defaultConfigPath: NO_DEFAULT, cwd: "/srv" });
    expect(used).toBeNull();
    expect(config.server.port).toBe(21114);
    expect(config.server.host).toBe("0.0.0.0");
    expect(config.data.dir).toBe("/srv/data");
    expect(config.server.cors_origins).toEqual(["*"]);
    expect(config.server.body_limit).toBe(1024 * 1024);
  });

  test("file over defaults", () => {
    const { config, sources } = loadConfig({ configPath: file, env: {} });
    expect(config.server.port).toBe(1000);
    expect(config.log.level).toBe("debug");
    expect(sources["server.port"]).toBe("file");
    expect(sources["server.shutdown_timeout"]).toBe("default");
  });

  test("env over file", () => {
    const { config, sources } = loadConfig({ configPath: file, env: { RDCONSOLE_SERVER_PORT: "2000", RDCONSOLE_SERVER_TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1" } });
    expect(config.server.port).toBe(2000);
    expect(config.server.host).toBe("127.0.0.1");
    expect(config.server.trusted_proxies).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(sources["server.port"]).toBe("env");
  });

  test("flags over env", () => {
    const { config } = loadConfig({ configPath: file, env: { RDCONSOLE_SERVER_PORT: "2000" }, flags: { "server.port": "3000" } });
    expect(config.server.port).toBe(3000);
  });

  test("RDCONSOLE_CONFIG names the file; --config wins over it", () => {
    const other = fileWith("[server]\nport = 4000\n");
    expect(loadConfig({ env: { RDCONSOLE_CONFIG: other } }).config.server.port).toBe(4000);
    expect(loadConfig({ configPath: file, env: { RDCONSOLE_CONFIG: other } }).config.server.port).toBe(1000);
  });

  test("the default path is used only when it exists", () => {
    expect(loadConfig({ env: {}, defaultConfigPath: file }).file).toBe(file);
  });

  test("relative data dir: against the file's directory from the file, else the working directory", () => {
    const f = fileWith('[data]\ndir = "state"\n');
    expect(loadConfig({ configPath: f, env: {} }).config.data.dir).toBe(join(f, "..", "state"));
    expect(loadConfig({ env: { RDCONSOLE_DATA_DIR: "state" }, defaultConfigPath: NO_DEFAULT, cwd: "/opt" }).config.data.dir).toBe("/opt/state");
  });

  test("the result is frozen", () => {
    const { config } = loadConfig({ env: {}, defaultConfigPath: NO_DEFAULT });
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow();
  });
});

describe("validation", () => {
  test("every problem is listed at once, with the key and its source", () => {
    const file = fileWith('[server]\nport = "abc"\nbody_limit = "lots"\n[log]\nformat = "xml"\n');
    const problems = problemsOf(() =>
      loadConfig({ configPath: file, env: { RDCONSOLE_SERVER_SHUTDOWN_TIMEOUT: "-5", RDCONSOLE_SERVER_TRUSTED_PROXIES: "10.0.0.0/8,bogus" } }),
    );
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toContain(`server.port in ${file}: expected an integer from 0 to 65535, got "abc"`);
    expect(problems.join("\n")).toContain("server.body_limit");
    expect(problems.join("\n")).toContain('log.format in');
    expect(problems.join("\n")).toContain("server.shutdown_timeout (from RDCONSOLE_SERVER_SHUTDOWN_TIMEOUT)");
    expect(problems.join("\n")).toContain('not an IP address or CIDR range: "bogus"');
  });

  test("unknown keys and sections get a did-you-mean hint", () => {
    const file = fileWith("[server]\nprot = 1\n[sever]\nport = 1\n[totally_new]\nx = 1\n");
    const problems = problemsOf(() => loadConfig({ configPath: file, env: {} }));
    expect(problems).toEqual([
      `${file}: unknown key "server.prot" — did you mean "server.port"?`,
      `${file}: unknown section "sever" — did you mean "server"?`,
      `${file}: unknown section "totally_new"`,
    ]);
  });

  test("unknown RDCONSOLE_* environment variables are errors too", () => {
    const problems = problemsOf(() => loadConfig({ env: { RDCONSOLE_SERVER_PROT: "1", OTHER: "x" }, defaultConfigPath: NO_DEFAULT }));
    expect(problems).toEqual(['environment: unknown setting RDCONSOLE_SERVER_PROT — did you mean "RDCONSOLE_SERVER_PORT"?']);
  });

  test("a missing explicit file and broken TOML are reported", () => {
    expect(problemsOf(() => loadConfig({ configPath: "/nonexistent/x.toml", env: {} }))).toEqual(["config file /nonexistent/x.toml: not found"]);
    const broken = fileWith("[server\nport = 1");
    expect(problemsOf(() => loadConfig({ configPath: broken, env: {} }))[0]).toContain("not valid TOML (line 1");
  });

  test("values are parsed by type", () => {
    const { config } = loadConfig({
      env: { RDCONSOLE_OPENAPI_ENABLED: "off", RDCONSOLE_SERVER_BODY_LIMIT: "512KiB", RDCONSOLE_SERVER_PUBLIC_URL: "https://rd.example.com/" },
      defaultConfigPath: NO_DEFAULT,
    });
    expect(config.openapi.enabled).toBe(false);
    expect(config.server.body_limit).toBe(512 * 1024);
    expect(config.server.public_url).toBe("https://rd.example.com");
  });
});

describe("dump and template", () => {
  const schema = { mail: { host: str({ default: "", doc: "SMTP host" }), password: str({ default: "", doc: "SMTP password", secret: true }), tls: bool({ default: true, doc: "TLS" }) } };

  test("dump masks secrets and names each value's source", () => {
    const loaded = { config: { mail: { host: "smtp.example.com", password: "hunter2", tls: false } }, file: "/etc/x.toml", sources: { "mail.host": "file", "mail.password": "env", "mail.tls": "default" } } as never;
    const out = dumpConfig(loaded, schema);
    expect(out).not.toContain("hunter2");
    expect(out).toContain('password = "***"');
    expect(out).toMatch(/host = "smtp\.example\.com"\s+# file/);
    expect(out).toMatch(/tls = false\s+# default/);
  });

  test("template documents every key and parses back to the defaults", () => {
    const text = configTemplate({ "data.dir": "/var/lib/rdconsole" });
    expect(text).toContain("# port = 21114");
    expect(text).toContain("RDCONSOLE_SERVER_PORT");
    const path = fileWith(text);
    const { config } = loadConfig({ configPath: path, env: {} });
    expect(config.data.dir).toBe("/var/lib/rdconsole");
    expect(config.server.port).toBe(21114);
  });
});
