// Hashes imported from other servers: each verifies the right password only, and all are marked for rehashing.
import { expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { hashKind, hashPassword, needsRehash, verifyPassword } from "../../src/users/password.ts";
import { djangoHash } from "../importers/sources.ts";

test("bcrypt ($2a$ as Go writes it), Django pbkdf2_sha256, lejianwen MD5 and argon2id", async () => {
  const bcrypt = (await Bun.password.hash("pass-word", { algorithm: "bcrypt", cost: 4 })).replace("$2b$", "$2a$");
  const cases = [
    [bcrypt, "bcrypt"],
    [djangoHash("pass-word", 1000), "django-pbkdf2"],
    [`lejianwen-md5$${createHash("md5").update("pass-wordrustdesk-api").digest("hex")}`, "lejianwen-md5"],
    [await hashPassword("pass-word"), "argon2"],
  ] as const;
  for (const [hash, kind] of cases) {
    expect(hashKind(hash)).toBe(kind);
    expect(await verifyPassword("pass-word", hash)).toBe(true);
    expect(await verifyPassword("pass-words", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(kind !== "argon2");
  }
});

test("a Django-encoded hash of a published vector; unknown formats never verify", async () => {
  // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1 iteration): the first 32 bytes, 55ac046e…0dacbc.
  const hash = `pbkdf2_sha256$1$salt$${Buffer.from("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc", "hex").toString("base64")}`;
  expect(await verifyPassword("passwd", hash)).toBe(true);
  expect(await verifyPassword("passwe", hash)).toBe(false);
  for (const bad of ["", "!unusable", "md5$salt$abc", "5f4dcc3b5aa765d61d8327deb882cf99", "pbkdf2_sha256$x$salt$hash"]) {
    expect(hashKind(bad)).toBeNull();
    expect(await verifyPassword("password", bad)).toBe(false);
  }
});

test("a bcrypt hash Go made of a password over 72 bytes (it used the first 72) still verifies", async () => {
  const long = "correct horse battery staple, ".repeat(3); // 90 bytes
  const goHash = await Bun.password.hash(long.slice(0, 72), { algorithm: "bcrypt", cost: 4 });
  expect(await verifyPassword(long, goHash)).toBe(true);
  expect(await verifyPassword(long.slice(0, 71), goHash)).toBe(false);
});
