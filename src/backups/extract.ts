// Unpacks an archive into a work directory, checking every entry against the manifest at its head: a name
// the manifest does not list, a wrong size or sha256, a file missing or given twice — the restore stops.
import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { once } from "node:events";
import { createGunzip } from "node:zlib";
import { ServiceError } from "../core/errors.ts";
import { MANIFEST, type Manifest, parseManifest } from "./manifest.ts";
import { readTar } from "./tar.ts";

const damaged = (why: string) => new ServiceError("INVALID_INPUT", `the backup is damaged or not a backup: ${why}; nothing was restored`);
// rdconsole.db, secret.key, recordings/<device>/<file>: nothing that could name a place outside the work dir.
const SAFE_NAME = /^(?:rdconsole\.db|secret\.key|recordings\/[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*)$/;

async function writeEntry(path: string, body: AsyncIterable<Buffer>): Promise<{ size: number; sha256: string }> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const out = createWriteStream(path, { flags: "wx", mode: 0o600 });
  const hash = new Bun.CryptoHasher("sha256");
  let size = 0;
  try {
    for await (const chunk of body) {
      hash.update(chunk);
      size += chunk.length;
      if (!out.write(chunk)) await once(out, "drain");
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  return { size, sha256: hash.digest("hex") };
}

/** Unpacks `file` into `work`; returns its manifest once every file in it is as the manifest says. */
export async function extractArchive(file: string, work: string): Promise<Manifest> {
  const stream = createReadStream(file).pipe(createGunzip());
  let manifest: Manifest | undefined;
  const seen = new Set<string>();
  try {
    for await (const entry of readTar(stream)) {
      if (!manifest) {
        if (entry.name !== MANIFEST) throw damaged("it does not start with a manifest.json");
        const parts: Buffer[] = [];
        for await (const chunk of entry.body) parts.push(chunk);
        manifest = parseManifest(Buffer.concat(parts).toString("utf8"));
        continue;
      }
      const listed = manifest.files.find((f) => f.name === entry.name);
      if (!listed || !SAFE_NAME.test(entry.name) || entry.name.includes("..")) throw damaged(`${JSON.stringify(entry.name.slice(0, 200))} is not in its manifest`);
      if (seen.has(entry.name)) throw damaged(`${entry.name} is in it twice`);
      seen.add(entry.name);
      const got = await writeEntry(join(work, entry.name), entry.body);
      if (got.size !== listed.size || got.sha256 !== listed.sha256) throw damaged(`${entry.name} does not match its checksum`);
    }
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    throw damaged((e as Error).message);
  } finally {
    stream.destroy();
  }
  if (!manifest) throw damaged("it is empty");
  const missing = manifest.files.find((f) => !seen.has(f.name));
  if (missing) throw damaged(`${missing.name} is listed in its manifest but not in it`);
  return manifest;
}
