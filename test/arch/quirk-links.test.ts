// Every comment that explains a client quirk links the RustDesk client source at one pinned commit,
// with file and line: `client: <path>:<line> (rustdesk@7423dced)` or `:<from>-<to>` for a range.
// A spec section alone ("client-contract §6.0"), "(rustdesk master)" or a path without a line fails.
import { describe, expect, test } from "bun:test";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const PIN = "rustdesk@7423dced";
const LINK = /client:\s*[\w./-]+\.\w+:(\d+)(?:-(\d+))?\s+\(rustdesk@7423dced\)/g;
const MENTION = /client:|client-contract|\(rustdesk|rustdesk master/;

export interface Comment {
  line: number;
  text: string;
}

const KEYWORDS_BEFORE_REGEX = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);

/** The comments of a TypeScript source, skipping strings, template literals and regex literals. */
export function commentsOf(src: string): Comment[] {
  const out: Comment[] = [];
  let i = 0;
  let line = 1;
  let prev = ""; // last significant code character or word, to tell a regex from a division
  const braces: number[] = []; // open `{` count per template `${` level
  const step = (n = 1) => {
    for (let k = 0; k < n && i < src.length; k++) if (src[i++] === "\n") line++;
  };
  const skipString = (q: string) => {
    step();
    while (i < src.length && src[i] !== q && src[i] !== "\n") src[i] === "\\" ? step(2) : step();
    step();
  };
  const skipTemplate = () => {
    // at the opening ` or at the } closing a ${…}; returns true when it stops at a ${
    step();
    while (i < src.length) {
      if (src[i] === "\\") step(2);
      else if (src[i] === "`") return step(), false;
      else if (src[i] === "$" && src[i + 1] === "{") return step(2), true;
      else step();
    }
    return false;
  };
  const skipRegex = () => {
    step();
    let cls = false;
    while (i < src.length && src[i] !== "\n") {
      const ch = src[i];
      if (ch === "\\") step(2);
      else if (ch === "[") (cls = true), step();
      else if (ch === "]") (cls = false), step();
      else if (ch === "/" && !cls) break;
      else step();
    }
    step();
    while (i < src.length && /[a-z]/i.test(src[i]!)) step();
  };
  while (i < src.length) {
    const ch = src[i]!;
    const next = src[i + 1];
    if (ch === "/" && next === "/") {
      const start = line;
      const end = src.indexOf("\n", i);
      const stop = end < 0 ? src.length : end;
      out.push({ line: start, text: src.slice(i, stop) });
      i = stop;
    } else if (ch === "/" && next === "*") {
      const start = line;
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out.push({ line: start, text: src.slice(i, stop) });
      step(stop - i);
    } else if (ch === '"' || ch === "'") {
      skipString(ch);
      prev = "a";
    } else if (ch === "`") {
      if (skipTemplate()) braces.push(0);
      prev = "a";
    } else if (ch === "/") {
      const regex = prev === "" || /[(,=:[!&|?{};+\-*%<>~^]$/.test(prev) || KEYWORDS_BEFORE_REGEX.has(prev);
      if (regex) skipRegex(), (prev = "a");
      else step(), (prev = "/");
    } else if (ch === "{") {
      if (braces.length) braces[braces.length - 1]!++;
      step();
      prev = "{";
    } else if (ch === "}") {
      if (braces.length && braces[braces.length - 1] === 0) {
        braces.pop();
        if (skipTemplate()) braces.push(0);
        prev = "a";
      } else {
        if (braces.length) braces[braces.length - 1]!--;
        step();
        prev = "}";
      }
    } else if (/[A-Za-z_$]/.test(ch)) {
      const m = /^[\w$]+/.exec(src.slice(i, i + 64))![0];
      step(m.length);
      prev = m;
    } else if (/\s/.test(ch)) {
      step();
    } else {
      step();
      prev = ch;
    }
  }
  return joinLineComments(out, src);
}

/** Runs of `//` comments on consecutive lines form one comment (a sentence may wrap). */
function joinLineComments(comments: Comment[], src: string): Comment[] {
  const lines = src.split("\n");
  const out: Comment[] = [];
  for (const c of comments) {
    const last = out[out.length - 1];
    const own = (n: number) => lines[n - 1]!.trimStart().startsWith("//");
    if (last && c.text.startsWith("//") && last.text.startsWith("//") && c.line === last.line + last.text.split("\n").length && own(c.line) && own(last.line))
      last.text += "\n" + c.text;
    else out.push({ ...c });
  }
  return out;
}

/** What is wrong with one comment's links to the client; [] when nothing. */
export function checkComment(comment: string): string[] {
  const text = comment
    .split("\n")
    .map((l) => l.replace(/^\s*(\/\/+|\/\*+|\*\/|\*)?/, "").replace(/\*\/\s*$/, ""))
    .join(" ");
  if (!MENTION.test(text)) return [];
  const problems: string[] = [];
  const links = [...text.matchAll(LINK)];
  for (const l of links) if (l[2] !== undefined && Number(l[2]) <= Number(l[1])) problems.push(`bad line range in "${l[0]}"`);
  const clients = text.match(/client:/g)?.length ?? 0;
  if (clients > links.length) problems.push(`"client:" without a pinned link (client: <path>:<line> (${PIN}))`);
  const pinned = text.match(/\(rustdesk/g)?.length ?? 0;
  if (pinned > links.length) problems.push(`"(rustdesk…)" not part of a link with file and line at ${PIN}`);
  if (/rustdesk master/.test(text)) problems.push(`"rustdesk master" instead of ${PIN}`);
  if (/client-contract/.test(text) && !links.length) problems.push(`cites client-contract without a client link (client: <path>:<line> (${PIN}))`);
  return problems;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

/** Every problem in the .ts files under <root>/src and <root>/cli, as "file:line: problem". */
export function scan(root: string): string[] {
  return ["src", "cli"].flatMap((d) =>
    tsFiles(join(root, d)).flatMap((f) =>
      commentsOf(readFileSync(f, "utf8")).flatMap((c) => checkComment(c.text).map((p) => `${relative(root, f)}:${c.line}: ${p}`)),
    ),
  );
}

const root = join(import.meta.dir, "..", "..");

describe("quirk links", () => {
  test("every comment about the client links its source at the pinned commit, with a line", () => {
    expect(scan(root)).toEqual([]);
  });

  test("the check refuses a comment without a pinned link and a line", () => {
    const bad = [
      "// client: flutter/lib/models/ab_model.dart (rustdesk@7423dced) shows the error text as is.",
      "// client: src/hbbs_http/record_upload.rs (rustdesk master) sends no id.",
      "// client: src/hbbs_http/sync.rs:212 (rustdesk@deadbeef) compares byte for byte.",
      "// An empty body is no body (client-contract §6.0).",
      "/** client-contract §9.6 */",
      "// client: flutter/lib/models/ab_model.dart:2026-2002 (rustdesk@7423dced) backwards range.",
      "// client: src/common.rs:1228 (rustdesk@7423dced) and client: src/common.rs (rustdesk@7423dced).",
    ];
    for (const c of bad) expect(checkComment(c), c).not.toEqual([]);
  });

  test("the check accepts a pinned link with a line or a range, also wrapped onto a second line", () => {
    const good = [
      "// client: flutter/lib/models/ab_model.dart:2002-2026 (rustdesk@7423dced) accepts only 200 + empty body.",
      "/** client: src/server/connection.rs:6131-6144 (rustdesk@7423dced) */",
      "// Legacy mode (§6.5): a server that answers 404 to /api/ab/personal\n// (client: flutter/lib/models/ab_model.dart:271-275 (rustdesk@7423dced)).",
      "/**\n * Cites client-contract §9.1 and\n * client: src/client.rs:1864 (rustdesk@7423dced).\n */",
      "// Nothing about the client here.",
    ];
    for (const c of good) expect(checkComment(c), c).toEqual([]);
  });

  test("comments are told from strings, templates and regex literals", () => {
    const src = [
      'const tags = ["client: login"]; // client: src/a.rs (rustdesk master)',
      "const r = /https?:\\/\\//g; const s = `x ${'//'} client: y ${ {a: 1}.a } // not a comment`;",
      "const d = a / b; /* client-contract §1 */",
      "// one",
      "// two",
      "",
      "// three",
    ].join("\n");
    expect(commentsOf(src)).toEqual([
      { line: 1, text: "// client: src/a.rs (rustdesk master)" },
      { line: 3, text: "/* client-contract §1 */" },
      { line: 4, text: "// one\n// two" },
      { line: 7, text: "// three" },
    ]);
  });

  test("a bad comment in a source file fails the scan", () => {
    const dir = `${process.env.TMPDIR ?? "/tmp"}/quirk-links-${process.pid}`;
    mkdirSync(join(dir, "src", "x"), { recursive: true });
    mkdirSync(join(dir, "cli"), { recursive: true });
    writeFileSync(join(dir, "src", "x", "bad.ts"), 'export const a = 1;\n// client: flutter/lib/models/user_model.dart (rustdesk master) ignores it.\nexport const b = "client: x";\n');
    writeFileSync(join(dir, "cli", "good.ts"), "// client: src/hbbs_http/sync.rs:212 (rustdesk@7423dced) compares byte for byte.\nexport const c = 1;\n");
    try {
      expect(scan(dir)).toEqual([
        'src/x/bad.ts:2: "client:" without a pinned link (client: <path>:<line> (rustdesk@7423dced))',
        'src/x/bad.ts:2: "(rustdesk…)" not part of a link with file and line at rustdesk@7423dced',
        'src/x/bad.ts:2: "rustdesk master" instead of rustdesk@7423dced',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
