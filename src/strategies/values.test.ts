// Good and bad values per kind, through the lint (so a key's kind and its checker are tested together).
import { describe, expect, test } from "bun:test";
import { lintOptions } from "./lint.ts";

const FLAGS = { allowRepoint: true, allowStop: true };

const CASES: { key: string; good: string[]; bad: string[] }[] = [
  { key: "enable-keyboard", good: ["Y", "N"], bad: ["yes", "n", "y", "0", "false", "NO"] },
  { key: "allow-auto-record-incoming", good: ["Y", "N"], bad: ["true", "1", "on"] },
  { key: "access-mode", good: ["full", "view", "custom"], bad: ["Full", "both", "screen"] },
  { key: "approve-mode", good: ["password", "click", "password-click"], bad: ["both", "Password"] },
  { key: "verification-method", good: ["use-temporary-password", "use-permanent-password", "use-both-passwords"], bad: ["permanent", "both"] },
  { key: "temporary-password-length", good: ["6", "8", "10"], bad: ["7", "12", "06"] },
  { key: "auto-disconnect-timeout", good: ["1", "10", "65535", "010"], bad: ["0", "65536", "-5", "1.5", "10m"] },
  { key: "direct-access-port", good: ["21118", "1"], bad: ["0", "65536", "port"] },
  {
    key: "whitelist",
    good: ["10.0.0.1", "10.0.0.0/8", "0.0.0.0", "2001:db8::/32", "::1", "192.168.1.5/24,fe80::/10", "::ffff:1.2.3.4"],
    bad: ["10.0.0.300", "10.0.0.0/33", "::1/129", "[::1]", "fe80::1%eth0", "example.com", "10.0.0", ","],
  },
  { key: "id-whitelist", good: ["123456789", "12345*", "9?9", "abc@rd.example.com", "*"], bad: ["12 34", "a/b", ","] },
  { key: "windows-service-video-save-directory", good: ["D:\\recordings", "C:/rec", "\\\\nas\\share\\rec"], bad: ["recordings", "/var/rec", "D:rec"] },
  { key: "preset-device-name", good: ["desk-42", "x".repeat(255)], bad: ["x".repeat(256)] },
  { key: "custom-rendezvous-server", good: ["rd.example.com", "rd.example.com:21116", "203.0.113.5", "[2001:db8::1]:21116", "localhost"], bad: ["http://rd.example.com", "rd.example.com:0", "rd.example.com:70000", "-bad-.example.com", "2001:db8::1", "rd example"] },
  { key: "api-server", good: ["https://rd.example.com", "http://10.0.0.1:21114"], bad: ["rd.example.com", "ftp://rd.example.com", "https://"] },
  { key: "key", good: ["OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw="], bad: ["OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw", "short=", "OeVuKk5nlHiXp-APNn0Y3pC1Iwpwn44JGqrQCsWqmBw="] },
  { key: "ice-servers", good: ["stun://stun.example.com:3478", "turn://u:p@turn.example.com:3478,stuns://s.example.com"], bad: ["stun:stun.example.com:19302", "https://x.example.com", "turn.example.com"] },
];

describe("values per kind", () => {
  for (const { key, good, bad } of CASES) {
    test.each(good)(`${key}=%p is accepted`, (value) => {
      expect(lintOptions({ [key]: value }, FLAGS).errors).toEqual([]);
    });
    test.each(bad)(`${key}=%p is refused, naming the key and what is allowed`, (value) => {
      const { errors } = lintOptions({ [key]: value }, FLAGS);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.key).toBe(key);
      expect(errors[0]!.message).toStartWith(`${key}: `);
      expect(errors[0]!.message).toContain("; allowed: ");
    });
  }

  test("a number is stored in its plain form", () => {
    expect(lintOptions({ "auto-disconnect-timeout": "010" }).options).toEqual({ "auto-disconnect-timeout": "10" });
  });
});
