// The checks that talk to other servers, each against a real local one for both outcomes: the public URL (this
// server, another rdconsole, a redirect, nothing), its TLS certificate (self-signed, expiring soon, fine), hbbs and
// hbbr (TCP listeners, open and closed), the server key against a key file, SMTP login (right and wrong
// password), SSO discovery (provider up and down) and the loopback heartbeat (leaves no device row).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { $ } from "bun";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { providerDates, checkClock } from "../../src/doctor/clock.ts";
import { doctorPassed, runDoctor } from "../../src/doctor/run.ts";
import { checkHeartbeat, loopbackUrl } from "../../src/doctor/heartbeat.ts";
import { checkPublicUrl } from "../../src/doctor/public-url.ts";
import { checkRustdeskServers, checkServerKey, hostPort } from "../../src/doctor/rustdesk.ts";
import { checkSmtp } from "../../src/doctor/smtp.ts";
import { checkSso } from "../../src/doctor/sso.ts";
import { checkTls } from "../../src/doctor/tls.ts";
import { tempDir, testConfig, testEnv } from "../helpers/env.ts";
import { freePort, startOidcProvider } from "../helpers/oidc.ts";
import { startSmtp } from "../helpers/smtp.ts";

const env = testEnv();
env.app.listen({ hostname: "127.0.0.1", port: 0 });
const port = env.app.server!.port!;
const here = `http://127.0.0.1:${port}`;
const other = testEnv(); // another data dir: another rdconsole
other.app.listen({ hostname: "127.0.0.1", port: 0 });
const redirect = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response(null, { status: 301, headers: { location: "https://rd.example.com/healthz" } }) });
const plain = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => Response.json({ status: "ok" }) });
const closed = await freePort();
afterAll(() => {
  env.app.stop(true);
  other.app.stop(true);
  redirect.stop(true);
  plain.stop(true);
  env.close();
  other.close();
});
/** This server's data dir with other settings. */
const cfg = (o: Record<string, string>) => testConfig({ ...o }, env.config.data.dir);

describe("public url", () => {
  test("this server, not redirected: ok", async () => {
    const r = await checkPublicUrl(cfg({ "server.public_url": here }));
    expect(r.result).toMatchObject({ status: "ok", detail: `${here} reaches this server, not redirected` });
    expect(r.date).not.toBeNull();
  });
  test("a redirect fails and says why", async () => {
    const r = (await checkPublicUrl(cfg({ "server.public_url": `http://127.0.0.1:${redirect.port}` }))).result;
    expect(r.status).toBe("fail");
    expect(r.detail).toContain("answers 301, redirecting to https://rd.example.com/healthz");
    expect(r.detail).toContain("redirected POST into a GET");
  });
  test("another rdconsole (another data dir) fails", async () => {
    const r = (await checkPublicUrl(cfg({ "server.public_url": `http://127.0.0.1:${other.app.server!.port}` }))).result;
    expect(r.status).toBe("fail");
    expect(r.detail).toContain("reaches another rdconsole");
  });
  test("a server that is not rdconsole fails", async () => {
    const r = (await checkPublicUrl(cfg({ "server.public_url": `http://127.0.0.1:${plain.port}/` }))).result;
    expect(r.status).toBe("fail");
    expect(r.detail).toContain("not as rdconsole");
  });
  test("nothing listening fails; not set warns", async () => {
    expect((await checkPublicUrl(cfg({ "server.public_url": `http://127.0.0.1:${closed}` }))).result.status).toBe("fail");
    expect((await checkPublicUrl(cfg({}))).result.status).toBe("warn");
  });
});

describe("tls certificate", () => {
  const dir = tempDir();
  const make = async (name: string, days: number) => {
    const key = join(dir, `${name}.key`);
    const crt = join(dir, `${name}.crt`);
    await $`openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days ${days} -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout ${key} -out ${crt}`.quiet();
    const tls = { key: readFileSync(key, "utf8"), cert: readFileSync(crt, "utf8") };
    const server = Bun.serve({ hostname: "127.0.0.1", port: 0, tls, fetch: () => new Response("ok") });
    return { ca: tls.cert, url: `https://127.0.0.1:${server.port}`, stop: () => server.stop(true) };
  };
  let soon: Awaited<ReturnType<typeof make>>;
  let fine: Awaited<ReturnType<typeof make>>;
  beforeAll(async () => {
    soon = await make("soon", 5);
    fine = await make("fine", 90);
  });
  afterAll(() => (soon.stop(), fine.stop()));

  test("a self-signed certificate is not trusted: fail", async () => {
    const r = await checkTls(cfg({ "server.public_url": fine.url }));
    expect(r.status).toBe("fail");
    expect(r.detail).toMatch(/^not trusted: .*self.signed/i);
  });
  test("trusted but expiring within 14 days: fail; 90 days: ok", async () => {
    const r = await checkTls(cfg({ "server.public_url": soon.url }), { ca: soon.ca });
    expect(r.status).toBe("fail");
    expect(r.detail).toMatch(/in [45] days$/);
    expect(r.fix).toContain("renew");
    const good = await checkTls(cfg({ "server.public_url": fine.url }), { ca: fine.ca });
    expect(good.status).toBe("ok");
    expect(good.detail).toMatch(/^trusted, expires \d{4}-\d\d-\d\d \((89|90) days\)$/);
  });
  test("plain http is skipped; nothing listening fails", async () => {
    expect((await checkTls(cfg({ "server.public_url": here }))).status).toBe("skip");
    expect((await checkTls(cfg({ "server.public_url": `https://127.0.0.1:${closed}` }))).status).toBe("fail");
  });
});

describe("id server and relay", () => {
  // hbbs listens on two neighbouring ports (21115, 21116 by default): find two free ones.
  const listen = (p: number) => Bun.listen({ hostname: "127.0.0.1", port: p, socket: { data() {} } });
  let hbbs: ReturnType<typeof listen>[] = [];
  let hbbr: ReturnType<typeof listen>;
  beforeAll(() => {
    for (let tries = 0; hbbs.length < 2 && tries < 20; tries++) {
      const first = listen(0);
      try {
        hbbs = [first, listen(first.port + 1)];
      } catch {
        first.stop(true);
      }
    }
    hbbr = listen(0);
  });
  afterAll(() => [...hbbs, hbbr].forEach((s) => s.stop(true)));

  test("listening: ok; closed: fail naming the port", async () => {
    const c = cfg({ "rustdesk.id_server": `127.0.0.1:${hbbs[1]!.port}`, "rustdesk.relay_server": `127.0.0.1:${hbbr.port}` });
    expect((await checkRustdeskServers(c)).map((r) => r.status)).toEqual(["ok", "ok"]);
    const relayPort = hbbr.port;
    hbbr.stop(true);
    const [id, relay] = await checkRustdeskServers(c);
    expect(id!.detail).toBe(`127.0.0.1 answers on TCP ${hbbs[0]!.port}, ${hbbs[1]!.port}`);
    expect(relay!.status).toBe("fail");
    expect(relay!.detail).toContain(`127.0.0.1:${relayPort}`);
    expect(relay!.fix).toContain(`open TCP ${relayPort}`);
    hbbs[0]!.stop(true);
    expect((await checkRustdeskServers(c))[0]!.status).toBe("fail");
  });
  test("not configured: skipped; host forms", () => {
    expect(hostPort("hbbs.example.com", 21116)).toEqual({ host: "hbbs.example.com", port: 21116 });
    expect(hostPort("[::1]:4000", 21116)).toEqual({ host: "::1", port: 4000 });
    expect(hostPort("10.0.0.1:4000", 21116)).toEqual({ host: "10.0.0.1", port: 4000 });
  });
  test("no id_server: both skipped", async () => {
    expect((await checkRustdeskServers(cfg({}))).map((r) => r.status)).toEqual(["skip", "skip"]);
  });
});

describe("server key", () => {
  const K1 = Buffer.alloc(32, 1).toString("base64");
  const K2 = Buffer.alloc(32, 2).toString("base64");
  const dir = tempDir();
  const hbbsFile = join(dir, "id_ed25519.pub");
  test("rustdesk.key differing from hbbs's key file fails; equal passes; no file skips", () => {
    writeFileSync(hbbsFile, K2);
    const r = checkServerKey(cfg({ "rustdesk.key": K1 }), hbbsFile);
    expect(r.status).toBe("fail");
    expect(r.detail).toContain("key mismatch");
    writeFileSync(hbbsFile, `${K1}\n`);
    expect(checkServerKey(cfg({ "rustdesk.key": K1 }), hbbsFile).status).toBe("ok");
    expect(checkServerKey(cfg({ "rustdesk.key": K1 }), join(dir, "none.pub")).status).toBe("skip");
  });
  test("key_file: read it (ok), or fail when it is not a key", () => {
    writeFileSync(hbbsFile, K1);
    expect(checkServerKey(cfg({ "rustdesk.key_file": hbbsFile }), "/nonexistent").status).toBe("ok");
    writeFileSync(hbbsFile, "not a key");
    expect(checkServerKey(cfg({ "rustdesk.key_file": hbbsFile }), "/nonexistent").status).toBe("fail");
    expect(checkServerKey(cfg({}), "/nonexistent").status).toBe("warn");
  });
});

describe("smtp", () => {
  test("right credentials log in, wrong ones fail with the server's answer; no mail sent", async () => {
    const smtp = await startSmtp({ user: "mailer", password: "smtp-pass" });
    try {
      const good = await checkSmtp(cfg(smtp.config));
      expect(good).toMatchObject({ status: "ok" });
      expect(good.detail).toContain("logged in as mailer");
      const bad = await checkSmtp(cfg({ ...smtp.config, "smtp.password": "wrong" }));
      expect(bad.status).toBe("fail");
      expect(bad.detail).toContain("Invalid username or password");
      expect(bad.fix).toContain("smtp.password");
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
    expect((await checkSmtp(cfg({}))).status).toBe("skip");
  });
  test("nothing listening fails", async () => {
    const r = await checkSmtp(cfg({ "smtp.host": "127.0.0.1", "smtp.port": String(closed), "smtp.security": "none", "smtp.from": "a@b.c" }));
    expect(r.status).toBe("fail");
    expect(r.fix).toContain("smtp.host");
  });
});

describe("sso", () => {
  test("a provider that answers passes, a dead one fails; its Date feeds the clock", async () => {
    const op = await startOidcProvider({ clientId: "rd", clientSecret: "s", redirectUris: ["https://rd.example.com/oidc/callback/kc"], accounts: {} });
    try {
      const providers = [
        { name: "kc", issuer: op.issuer, client_id: "rd", client_secret: "s" },
        { name: "dead", issuer: `http://127.0.0.1:${closed}/realms/x`, client_id: "x", client_secret: "y" },
      ];
      const c = cfg({ "sso.providers": JSON.stringify(providers) });
      const [kc, dead] = await checkSso(c);
      expect(kc).toMatchObject({ name: "sso kc", status: "ok" });
      expect(dead).toMatchObject({ name: "sso dead", status: "fail" });
      expect(dead!.fix).toContain("rdconsole sso test dead");
      const dates = await providerDates(c);
      expect(checkClock(dates)).toMatchObject({ status: "ok", detail: "within 5 s of SSO provider kc's clock" });
    } finally {
      await op.close();
    }
    expect((await checkSso(cfg({})))[0]!.status).toBe("skip");
  });
});

describe("heartbeat", () => {
  test("a round trip to the running server; no device row is left", async () => {
    const before = env.sqlite.query("SELECT count(*) AS n FROM devices").get();
    const r = await checkHeartbeat(loopbackUrl("0.0.0.0", port));
    expect(r.status).toBe("ok");
    expect(r.detail).toEndWith('200 {"sysinfo":true}');
    env.devicesFlush();
    expect(env.sqlite.query("SELECT count(*) AS n FROM devices").get()).toEqual(before);
  });
  test("nothing listening fails with how to start the server", async () => {
    const r = await checkHeartbeat(`http://127.0.0.1:${closed}`);
    expect(r.status).toBe("fail");
    expect(r.fix).toContain("start the server");
  });
  test("loopback addresses", () => {
    expect(loopbackUrl("::", 21114)).toBe("http://[::1]:21114");
    expect(loopbackUrl("10.1.2.3", 80)).toBe("http://10.1.2.3:80");
  });
});

describe("the whole run", () => {
  test("behind a reverse proxy whose clock is 2 minutes off: public url ok, clock fails, exit-worthy", async () => {
    // A proxy in front of this server: forwards the request, answers with its own (wrong) Date.
    const proxy = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      async fetch(req) {
        const u = new URL(req.url);
        const r = await fetch(`${here}${u.pathname}${u.search}`, { method: req.method });
        const headers = new Headers(r.headers);
        headers.set("date", new Date(Date.now() - 120_000).toUTCString());
        return new Response(await r.arrayBuffer(), { status: r.status, headers });
      },
    });
    try {
      const config = cfg({ "server.public_url": `http://127.0.0.1:${proxy.port}` });
      const checks = await runDoctor({ config, loopback: here, serverUid: process.getuid!() });
      const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
      expect(byName["public url"]!.status).toBe("ok");
      expect(byName.clock!.status).toBe("fail");
      expect(byName.clock!.detail).toMatch(/^(119|120) s off server\.public_url's answer/);
      expect(byName.heartbeat!.status).toBe("ok");
      expect(doctorPassed(checks)).toBe(false);
    } finally {
      proxy.stop(true);
    }
  });
});
