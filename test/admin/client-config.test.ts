// The admin endpoints that connect a machine: token-authenticated (no token 401, wrong scope 403, with
// the machine code), the settings string, its QR as SVG and PNG (decoded here), the install lines.
import { afterAll, expect, test } from "bun:test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { encodeConfigString } from "../../src/enrolment/config-string.ts";
import { installLines } from "../../src/enrolment/install.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { call } from "../helpers/http.ts";
import { tokenEnv } from "../tokens/_setup.ts";

const KEY = Buffer.alloc(32, 7).toString("base64");
const env = tokenEnv({ "server.public_url": "https://rd.example.com", "rustdesk.id_server": "rd.example.com", "rustdesk.key": KEY });
afterAll(() => env.close());
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const CONFIG = encodeConfigString({ idServer: "rd.example.com", relayServer: "", apiServer: "https://rd.example.com", key: KEY });

const reader = createToken(env.ctx, { name: "reader", scopes: { enrol: "r" } }).secret;
const devicesOnly = createToken(env.ctx, { name: "devices", scopes: { devices: "rw" } }).secret;
const kiosk = createToken(env.ctx, { name: "kiosk", kind: "enrol", presets: { user: "alice", device_group: "Kiosks" } }).secret;

test("no token → 401, a token without enrol or admin → 403, a revoked one → 401; each {error, code}", async () => {
  expect((await call(env.app, "GET", "/api/admin/client-config")).json()).toEqual({ error: "this endpoint needs an API token: Authorization: Bearer rdc_… (rdconsole token create), or a console sign-in", code: "UNAUTHORIZED" });
  const wrong = await call(env.app, "GET", "/api/admin/client-config", { headers: bearer(devicesOnly) });
  expect([wrong.status, (wrong.json() as { code: string }).code]).toEqual([403, "FORBIDDEN"]);
  const gone = createToken(env.ctx, { name: "gone", scopes: { admin: "r" } }).secret;
  revokeToken(env.ctx, "gone");
  const revoked = await call(env.app, "GET", "/api/admin/client-config", { headers: bearer(gone) });
  expect([revoked.status, revoked.json()]).toEqual([401, { error: 'API token "gone" was revoked', code: "UNAUTHORIZED" }]);
});

test("the settings string and what it holds", async () => {
  const r = await call(env.app, "GET", "/api/admin/client-config", { headers: bearer(reader) });
  expect([r.status, r.json()]).toEqual([200, { config_string: CONFIG, qr_text: `config=${CONFIG}`, host: "rd.example.com", relay: "", api: "https://rd.example.com", key: KEY, key_from: "rustdesk.key" }]);
});

test("the QR code as SVG and as a PNG that decodes to config=<string>", async () => {
  const svg = await call(env.app, "GET", "/api/admin/client-config/qr", { headers: bearer(reader) });
  expect([svg.status, svg.headers.get("content-type")]).toEqual([200, "image/svg+xml; charset=utf-8"]);
  expect(svg.text).toStartWith("<svg");
  expect((await call(env.app, "GET", "/api/admin/client-config/qr?format=gif", { headers: bearer(reader) })).json()).toEqual({ error: "format: svg or png", code: "INVALID_INPUT" });
  const res = await env.app.handle(new Request("http://localhost/api/admin/client-config/qr?format=png", { headers: bearer(reader) }));
  expect(res.headers.get("content-type")).toBe("image/png");
  const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`config=${CONFIG}`);
});

test("install lines: without a token, with a key (its presets become the --assign flags), refusals", async () => {
  const post = (body: unknown) => call(env.app, "POST", "/api/admin/client-config/install", { headers: bearer(reader), body });
  expect((await post({ os: "linux" })).json()).toMatchObject({ os: "linux", lines: installLines("linux", { configString: CONFIG }).lines });
  const withKey = (await post({ os: "windows", token: kiosk })).json() as { lines: string[] };
  expect(withKey.lines).toEqual(installLines("windows", { configString: CONFIG, token: kiosk, assignFlags: { user_name: "alice", device_group_name: "Kiosks" } }).lines);
  expect((await post({ os: "beos" })).status).toBe(400);
  expect((await post({ os: "linux", token: kiosk, assign: { user_nam: "x" } })).json()).toMatchObject({ code: "INVALID_INPUT", error: expect.stringContaining('assign: unknown flag "user_nam"') });
});
