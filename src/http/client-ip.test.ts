import { expect, test } from "bun:test";
import { compileCidrs, resolveClientIp } from "./client-ip.ts";

const proxies = compileCidrs(["127.0.0.1/32", "10.0.0.0/8"]);

test.each([
  ["direct client, header ignored", "203.0.113.9", "1.1.1.1", [], "203.0.113.9"],
  ["untrusted peer cannot forge", "203.0.113.9", "1.1.1.1", proxies, "203.0.113.9"],
  ["trusted proxy, one hop", "127.0.0.1", "198.51.100.7", proxies, "198.51.100.7"],
  ["right-most untrusted hop wins", "127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.1.1", proxies, "198.51.100.7"],
  ["every hop trusted: the left-most", "10.0.0.2", "10.0.0.3, 10.0.0.4", proxies, "10.0.0.3"],
  ["garbage hop: fall back to the peer", "127.0.0.1", "1.1.1.1, not-an-ip", proxies, "127.0.0.1"],
  ["mapped IPv4 shown plainly", "::ffff:127.0.0.1", null, proxies, "127.0.0.1"],
  ["trusted proxy without header", "127.0.0.1", null, proxies, "127.0.0.1"],
] as const)("%s", (_name, peer, header, trusted, expected) => {
  expect(resolveClientIp(peer, header, trusted)).toBe(expected);
});

test("no socket (in-process request): unknown", () => {
  expect(resolveClientIp(undefined, "1.2.3.4", proxies)).toBeUndefined();
});
