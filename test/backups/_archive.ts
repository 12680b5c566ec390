// Archives built by hand for the restore's refusals: the real writer's format, with any manifest.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { TarWriter } from "../../src/backups/tar.ts";

export const sha256 = (b: Uint8Array) => new Bun.CryptoHasher("sha256").update(b).digest("hex");

/** `files` go in as given; the manifest lists them with their real checksums unless `manifest.files` says otherwise. */
export async function handmadeArchive(path: string, files: [string, Uint8Array][], manifest: Record<string, unknown> = {}): Promise<void> {
  const m = {
    format: 1,
    rdconsole_version: "0.1.0",
    schema: { version: 0, migrations: [] },
    created_at: new Date().toISOString(),
    with_recordings: false,
    files: files.map(([name, b]) => ({ name, size: b.length, sha256: sha256(b) })),
    ...manifest,
  };
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(path));
  const tar = new TarWriter(gzip);
  const text = Buffer.from(JSON.stringify(m));
  await tar.add("manifest.json", text.length, text);
  for (const [name, b] of files) await tar.add(name, b.length, b);
  await tar.finish();
  gzip.end();
  await done;
}
