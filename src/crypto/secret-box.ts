// Encrypts small secrets at rest (TOTP secrets) with AES-256-GCM. The key comes from
// auth.secret_key, or from <data dir>/secret.key, generated 0600 on first use.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/schema.ts";

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = "v1";

function keyFile(dataDir: string, create = true): Buffer {
  const path = join(dataDir, "secret.key");
  try {
    if (create) {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, `${randomBytes(32).toString("base64")}\n`);
      closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte base64 key`);
  return key;
}

/** The key itself; `create: false` (doctor, read-only) throws when the data dir has none yet. */
export const secretKey = (config: Config, create = true): Buffer => (config.auth.secret_key ? Buffer.from(config.auth.secret_key, "base64") : keyFile(config.data.dir, create));

export function secretBox(config: Config): SecretBox {
  let key: Buffer | undefined;
  const getKey = () => (key ??= secretKey(config));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(sealed) {
      const [version, data] = sealed.split(".");
      if (version !== VERSION || !data) throw new Error("unknown sealed-secret format");
      const raw = Buffer.from(data, "base64");
      const decipher = createDecipheriv("aes-256-gcm", getKey(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}
