import { expect, test } from "bun:test";
import { Lockout, MAX_KEYS, retryMessage } from "./lockout.ts";


const limits = { ip_failures: 3, account_failures: 2, window_minutes: 10, minutes: 15, ban_after: 2, ban_hours: 24 };
const MIN = 60_000;

test("failures inside the window lock the key; old ones slide out", () => {
  const l = new Lockout(limits);
  l.fail(0, "10.0.0.1", undefined);
  l.fail(5 * MIN, "10.0.0.1", undefined);
  expect(l.check(5 * MIN, "10.0.0.1", undefined)).toBeNull();
  l.fail(11 * MIN, "10.0.0.1", undefined); // the first one is out of the window: 2 in window
  expect(l.check(11 * MIN, "10.0.0.1", undefined)).toBeNull();
  expect(l.fail(12 * MIN, "10.0.0.1", undefined)).toEqual({ lockedIp: true, lockedAccount: false, banIp: false });
  expect(l.check(12 * MIN, "10.0.0.1", undefined)).toEqual({ retryAfterMs: 15 * MIN });
  expect(l.check(27 * MIN, "10.0.0.1", undefined)).toBeNull();
});

test("accounts lock independently of IPs and case", () => {
  const l = new Lockout(limits);
  l.fail(0, "10.0.0.1", "Alice");
  expect(l.fail(0, "10.0.0.2", "alice").lockedAccount).toBe(true);
  expect(l.check(0, "10.0.0.9", "ALICE")).not.toBeNull();
  expect(l.check(0, "10.0.0.9", "bob")).toBeNull();
});

test("a success clears the account's failures but not the IP's", () => {
  const l = new Lockout(limits);
  l.fail(0, "10.0.0.1", "alice");
  l.succeed("alice");
  expect(l.fail(0, "10.0.0.1", "alice").lockedAccount).toBe(false);
  expect(l.fail(0, "10.0.0.1", "bob").lockedIp).toBe(true);
});

test("an IP locked out ban_after times within a day is to be banned", () => {
  const l = new Lockout(limits);
  const lockOnce = (t: number) => [0, 1, 2].map(() => l.fail(t, "10.0.0.1", undefined)).at(-1)!;
  expect(lockOnce(0).banIp).toBe(false);
  expect(lockOnce(30 * MIN).banIp).toBe(true);
});

test("memory is bounded however many addresses and names are tried", () => {
  const l = new Lockout({ ...limits, ip_failures: 1, account_failures: 1 }); // every failure locks: the fullest case
  for (let i = 0; i < MAX_KEYS * 3; i++) l.fail(i, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, `user${i}`);
  // failures + lockouts + lockout history, each capped at MAX_KEYS
  expect(l.size).toBeLessThanOrEqual(MAX_KEYS * 3);
  expect(l.size).toBeGreaterThan(MAX_KEYS); // and it did fill up: the cap is what held it
});

test("a flood of failures from new addresses leaves a running lockout alone", () => {
  const l = new Lockout(limits); // ip_failures 3: single failures lock nothing
  [0, 1].forEach(() => l.fail(0, undefined, "victim"));
  for (let i = 0; i < MAX_KEYS * 3; i++) l.fail(MIN, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, undefined);
  expect(l.check(MIN, undefined, "victim")).not.toBeNull();
});

test("when lockouts fill the table, finished ones are dropped before running ones", () => {
  const l = new Lockout({ ...limits, account_failures: 1 });
  l.fail(10 * MIN, undefined, "victim"); // the oldest entry, running until 25 min
  for (let i = 0; i < MAX_KEYS - 1; i++) l.fail(0, undefined, `old${i}`); // over at 15 min
  for (let i = 0; i < MAX_KEYS - 1; i++) l.fail(16 * MIN, undefined, `new${i}`);
  expect(l.check(16 * MIN, undefined, "victim")).not.toBeNull();
});

test("the message names the wait in minutes", () => {
  expect(retryMessage(61_000)).toBe("Too many attempts, try again in 2 minutes");
  expect(retryMessage(1_000)).toBe("Too many attempts, try again in 1 minute");
});
