import { expect, test } from "bun:test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { encodeConfigString } from "./config-string.ts";
import { configQr } from "./qr.ts";

const configString = encodeConfigString({ idServer: "rd.example.com", relayServer: "rd.example.com:21117", apiServer: "https://rd.example.com", key: "OeVuKk5nlHiXp+APNn0Y3pC1Iwpwn44JGqrQCsWqmBw=" });

function readPng(bytes: Uint8Array): string | undefined {
  const png = PNG.sync.read(Buffer.from(bytes)); // also checks every chunk's CRC
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test("the PNG decodes to config=<string>, what the mobile scanner requires", () => {
  const qr = configQr(configString);
  expect(qr.content).toBe(`config=${configString}`);
  expect(readPng(qr.png())).toBe(`config=${configString}`);
  expect(readPng(qr.png(3))).toBe(`config=${configString}`);
});

test("SVG and terminal renderings", () => {
  const qr = configQr(configString);
  expect(qr.svg()).toStartWith("<svg");
  const plain = qr.terminal(false);
  expect(plain).not.toContain("\x1b");
  expect(plain).toMatch(/^[█▀▄ \n]+$/);
  const coloured = qr.terminal(true);
  expect(coloured).toContain("\x1b[30;107m▀");
  // Two module rows per line: the same number of lines either way.
  expect(coloured.split("\n").length).toBe(plain.split("\n").length);
});
