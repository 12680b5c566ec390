import { describe, expect, test } from "bun:test";
import { abuseSubject, cidrContains, parseCidr, parseIp } from "./cidr.ts";

describe("parseIp", () => {
  test.each([
    ["10.1.2.3", false, 0x0a010203n],
    ["::1", true, 1n],
    ["::ffff:192.168.0.1", false, 0xc0a80001n],
    ["[2001:db8::1]", true, 0x20010db8000000000000000000000001n],
    ["fe80::1%eth0", true, 0xfe800000000000000000000000000001n],
  ])("%s", (text, v6, value) => {
    expect(parseIp(text)).toEqual({ v6, value });
  });

  test.each(["", "1.2.3", "256.1.1.1", "1.2.3.4.5", "1::2::3", "12345::", "abc", "1.2.3.04a"])("rejects %p", (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe("cidrContains", () => {
  test.each([
    ["10.0.0.0/8", "10.255.1.2", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["192.168.1.5", "192.168.1.5", true],
    ["192.168.1.5", "192.168.1.6", false],
    ["0.0.0.0/0", "8.8.8.8", true],
    ["0.0.0.0/0", "::1", false],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["127.0.0.1/32", "::ffff:127.0.0.1", true],
  ])("%s contains %s: %p", (cidr, ip, expected) => {
    expect(cidrContains(parseCidr(cidr)!, ip)).toBe(expected);
  });

  test.each(["10.0.0.0/33", "::/129", "10.0.0.0/8/1", "x/8", "10.0.0.0/-1"])("rejects %p", (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});

describe("abuseSubject", () => {
  test.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:db8:1:3::1", "2001:db8:1:3::/64"],
  ])("%s → %s", (ip, subject) => {
    expect(abuseSubject(ip)).toBe(subject);
  });

  test("the subject of an IPv6 address is a CIDR that contains it", () => {
    expect(cidrContains(parseCidr(abuseSubject("2001:db8:1:2:aaaa::1"))!, "2001:db8:1:2:bbbb::9")).toBe(true);
  });
});
