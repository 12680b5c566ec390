// Decoders written from the client's two code paths, independent of encodeConfigString:
// Flutter's ServerConfig.decode (import dialog, QR scanner) and the Rust `rustdesk --config <string>` path.
import { expect, test } from "bun:test";
import { encodeConfigString, qrText, type ServerSettings } from "./config-string.ts";

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** base64 by hand: 4 characters → 3 bytes, the last group short. `strict`: no "=" allowed (Rust URL_SAFE_NO_PAD). */
function base64urlDecode(text: string, strict: boolean): Uint8Array {
  let t = text;
  if (!strict) t = t.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, ""); // Dart's base64.normalize accepts both alphabets
  if (t.length % 4 === 1) throw new Error("bad length");
  const out: number[] = [];
  for (let i = 0; i < t.length; i += 4) {
    const group = t.slice(i, i + 4);
    const v = [...group].map((c) => {
      const n = B64URL.indexOf(c);
      if (n < 0) throw new Error(`bad character ${c}`);
      return n;
    });
    const bits = v.reduce((acc, n) => acc * 64 + n, 0) * 64 ** (4 - v.length);
    const bytes = [(bits >> 16) & 255, (bits >> 8) & 255, bits & 255];
    out.push(...bytes.slice(0, v.length - 1));
  }
  return new Uint8Array(out);
}

interface Decoded {
  host: string;
  relay: string;
  api: string;
  key: string;
}

// flutter/lib/common.dart ServerConfig.decode: try JSON, else reverse → normalize → base64 → utf8 → JSON.
function decodeLikeFlutter(msg: string): Decoded {
  let json: Record<string, string>;
  try {
    json = JSON.parse(msg);
  } catch {
    const input = [...msg].reverse().join("");
    json = JSON.parse(new TextDecoder("utf-8").decode(base64urlDecode(input, false)));
  }
  return { host: json.host ?? "", relay: json.relay ?? "", api: json.api ?? "", key: json.key ?? "" };
}

// src/core_main.rs `--config`: append ".exe" → custom_server.rs get_custom_server_from_string: strip ".exe", the
// "host=" file-name form, "-licensed-" rewrite, split on "--", each part trimmed, reversed, URL_SAFE_NO_PAD, serde.
function decodeLikeRustConfigArg(arg: string): Decoded {
  let s = arg.endsWith(".exe") ? arg : `${arg}.exe`;
  s = s.toLowerCase().endsWith(".exe.exe") ? s.slice(0, -8) : s.toLowerCase().endsWith(".exe") ? s.slice(0, -4) : s;
  if (s.toLowerCase().includes("host=")) throw new Error("read as the file-name form");
  s = s.replace("-licensed---", "--").replace("-licensed--", "--").replace("-licensed-", "--");
  for (const part of s.split("--")) {
    try {
      const bytes = base64urlDecode([...part.trim()].reverse().join(""), true);
      const json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      return { host: json.host ?? "", relay: json.relay ?? "", api: json.api ?? "", key: json.key ?? "" };
    } catch {}
  }
  throw new Error("Failed to parse");
}

const KEY = "OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw=";
const cases: ServerSettings[] = [
  { idServer: "rd.example.com", relayServer: "rd.example.com:21117", apiServer: "https://rd.example.com", key: KEY },
  { idServer: "10.0.0.5", relayServer: "", apiServer: "http://10.0.0.5:21114", key: "" },
  { idServer: "", relayServer: "", apiServer: "", key: "" },
  { idServer: "bücher.example", relayServer: "中继.example:21117", apiServer: "https://rd.example.com/ünï", key: KEY },
  { idServer: 'quote"back\\slash', relayServer: "emoji 🚀", apiServer: "tab\tnew\nline", key: "\u2028" },
  { idServer: "a", relayServer: "ab", apiServer: "abc", key: "abcd" },
];

test("both client decoders read back what was encoded, empty fields and non-ASCII included", () => {
  for (const c of cases) {
    const expected = { host: c.idServer.trim(), relay: c.relayServer.trim(), api: c.apiServer.trim(), key: c.key.trim() };
    const s = encodeConfigString(c);
    expect(decodeLikeFlutter(s)).toEqual(expected);
    expect(decodeLikeRustConfigArg(s)).toEqual(expected);
    expect(decodeLikeFlutter(qrText(s).slice("config=".length))).toEqual(expected);
  }
});

test("a known vector: JSON host, relay, api, key → base64url without padding → reversed", () => {
  // printf '%s' '{"host":"rd.example.com","relay":"rd.example.com:21117","api":"https://rd.example.com","key":"OeVu…mBw="}'
  //   | base64 -w0 | tr '+/' '-_' | tr -d = | rev
  expect(encodeConfigString(cases[0]!)).toBe(
    "0nI9cnQtF3VzNUUyF3RKRDNudHc3lUMDB3MZBjbOBVQrAHWphEbuVzaLVnVl9kI6ISeltmIsISbvNmLlxGctFGel5CZy9yL6MHc0RHaiojIpBXYiwiI3ETMxIjOt92YuUGbw1WY4VmLkJnI6ISehxWZyJCLi02bj5SZsBXbhhXZuQmciojI0N3boJye",
  );
  // By hand: {"host":"a","relay":"","api":"","key":""} is 41 bytes = 13 groups of 3 + 2, so 55 characters (Dart's
  // padded encoder would add one "="). First group `{"h` = 7B 22 68 = 011110 110010 001001 101000 = 30 50 9 40 =
  // "eyJo", the last characters once reversed; last bytes `"}` = 22 7D = 001000 100111 1101(00) = 8 39 52 = "In0",
  // the first ones. Fields are trimmed, as the client's encoder does.
  const tiny = encodeConfigString({ idServer: " a ", relayServer: "", apiServer: "", key: "" });
  expect(tiny).toBe("0nIiojI5V2aiwiIiojIpBXYiwiIiojI5FGblJnIsISYiojI0N3boJye");
  expect([tiny.length, tiny.slice(0, 3), tiny.slice(-4)]).toEqual([55, "0nI", "oJye"]);
});

test("the string never holds what the --config path would misread: '=', '--', '-licensed-'", () => {
  // Random strings over awkward code points: with non-ASCII written as \u escapes the JSON is ASCII, and a "-"
  // (sextet 62) then only ends a 4-character group, so two never touch.
  const pool = ["-", "~", ">", "é", "€", "😀", "\u00be", "\u00fe", "\u07be", "a", "Z", "=", "+", "/"];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  for (let i = 0; i < 2000; i++) {
    const field = () => Array.from({ length: Math.floor(rand() * 12) }, () => pool[Math.floor(rand() * pool.length)]).join("");
    const s = encodeConfigString({ idServer: field(), relayServer: field(), apiServer: field(), key: field() });
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(s.includes("--") || s.includes("-licensed-")).toBe(false);
  }
});
