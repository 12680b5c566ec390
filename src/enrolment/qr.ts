// The config string as a QR code the mobile client scans: terminal text, SVG (web console) and PNG (--png).
import { encode, renderSVG, renderUnicodeCompact, type QrCodeGenerateOptions } from "uqr";
import { qrText } from "./config-string.ts";
import { matrixToPng } from "./png.ts";

// M: a phone reads it off a screen or a slightly creased printout; the string stays well inside version 10.
const OPTIONS: QrCodeGenerateOptions = { ecc: "M", border: 4 };

export interface ConfigQr {
  /** What the code holds: `config=<config string>`. */
  content: string;
  /** Half blocks, two module rows per line. Coloured: black on white whatever the terminal's background;
   * plain: light modules drawn as blocks (for dark backgrounds, like `qrencode -t UTF8`). */
  terminal(colour: boolean): string;
  svg(): string;
  png(scale?: number): Uint8Array;
}

function ansiHalfBlocks(dark: boolean[][]): string {
  const lines: string[] = [];
  for (let y = 0; y < dark.length; y += 2) {
    let line = "";
    for (let x = 0; x < dark.length; x++) {
      const fg = dark[y]![x] ? 30 : 97; // upper half
      const bg = dark[y + 1]?.[x] ?? false ? 40 : 107; // lower half (white past the last row)
      line += `\x1b[${fg};${bg}m▀`;
    }
    lines.push(`${line}\x1b[0m`);
  }
  return `${lines.join("\n")}\n`;
}

export function configQr(configString: string): ConfigQr {
  const content = qrText(configString);
  return {
    content,
    terminal: (colour) => (colour ? ansiHalfBlocks(encode(content, { ...OPTIONS, border: 2 }).data) : `${renderUnicodeCompact(content, { ...OPTIONS, border: 2 })}\n`),
    svg: () => renderSVG(content, { ...OPTIONS, pixelSize: 8 }),
    png: (scale = 8) => matrixToPng(encode(content, OPTIONS).data, scale),
  };
}

/** Any short text (an otpauth:// URI for an authenticator app) as an SVG QR code, drawn like the config's. */
export const qrSvg = (content: string) => renderSVG(content, { ...OPTIONS, pixelSize: 8 });
