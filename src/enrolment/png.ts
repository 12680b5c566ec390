// A minimal PNG writer for a QR matrix: 1-bit greyscale, no interlace, one IDAT (node:zlib deflates, crc32s).
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** `dark[y][x]` true = a dark module; each module becomes `scale`×`scale` pixels. */
export function matrixToPng(dark: readonly (readonly boolean[])[], scale: number): Uint8Array {
  const size = dark.length * scale;
  const rowBytes = Math.ceil(size / 8);
  const raw = Buffer.alloc((rowBytes + 1) * size); // filter byte 0 (none) before each row
  for (let y = 0; y < size; y++) {
    const row = dark[Math.floor(y / scale)]!;
    for (let x = 0; x < size; x++) {
      // In 1-bit greyscale, 1 is white.
      if (!row[Math.floor(x / scale)]) raw[y * (rowBytes + 1) + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, colour type 0 (greyscale), deflate, adaptive filters, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array(0))]));
}
