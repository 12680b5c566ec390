// Counting an enrolment key's uses: atomic under concurrent processes, and a refusal says which of expired,
// revoked or used up it was.
import { expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { join } from "node:path";
import { withTransaction } from "../../src/core/context.ts";
import { apiTokens } from "../../src/db/schema.ts";
import { consumeEnrolUse, EnrolRefused } from "../../src/tokens/enrol.ts";
import { createToken, revokeToken } from "../../src/tokens/service.ts";
import { tokenEnv } from "./_setup.ts";

const rowOf = (env: ReturnType<typeof tokenEnv>, name: string) => env.db.select().from(apiTokens).where(eq(apiTokens.name, name)).get()!;

function refusal(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    if (e instanceof EnrolRefused) return [e.reason, e.message];
    throw e;
  }
  throw new Error("not refused");
}

// Each process tries 100 times so that their transactions really interleave (25 each ran one after another).
test("400 concurrent uses from four processes of a 200-use key: exactly 200 are counted", async () => {
  const env = tokenEnv();
  createToken(env.ctx, { name: "frontdesk", kind: "enrol", maxUses: 200 });
  const { id } = rowOf(env, "frontdesk");
  const workers = Array.from({ length: 4 }, () =>
    Bun.spawn([process.execPath, join(import.meta.dir, "consume-worker.ts"), env.config.data.dir, String(id), "100"], { stdin: "pipe", stdout: "pipe", stderr: "pipe" }),
  );
  const readers = workers.map((w) => w.stdout.getReader());
  const decoder = new TextDecoder();
  const outs = workers.map(() => "");
  const readUntil = async (i: number, done: (s: string) => boolean) => {
    while (!done(outs[i]!)) {
      const { value, done: end } = await readers[i]!.read();
      if (end) break;
      outs[i] += decoder.decode(value);
    }
  };
  await Promise.all(workers.map((_, i) => readUntil(i, (s) => s.includes("ready\n"))));
  for (const w of workers) {
    w.stdin.write("go\n");
    w.stdin.end();
  }
  const counts = await Promise.all(
    workers.map(async (w, i) => {
      const [err, code] = await Promise.all([new Response(w.stderr).text(), w.exited, readUntil(i, () => false)]);
      expect({ code, err }).toEqual({ code: 0, err: "" });
      return Number(outs[i]!.replace("ready\n", ""));
    }),
  );
  expect(counts.every((n) => n <= 100)).toBe(true);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
  expect(rowOf(env, "frontdesk").uses).toBe(200);
  expect(refusal(() => consumeEnrolUse(env.ctx, { id }))).toEqual(["used_up", 'enrolment key "frontdesk" is used up (200 of 200 enrolments)']);
}, 30_000);

test("in one process, a use counted in a transaction that rolls back is given back", () => {
  const env = tokenEnv();
  createToken(env.ctx, { name: "k", kind: "enrol", maxUses: 2 });
  const { id } = rowOf(env, "k");
  expect(withTransaction(env.ctx, (tx) => consumeEnrolUse(tx, { id }))).toEqual({ uses: 1, maxUses: 2 });
  expect(() =>
    withTransaction(env.ctx, (tx) => {
      consumeEnrolUse(tx, { id });
      throw new Error("the enrolment failed");
    }),
  ).toThrow("the enrolment failed");
  expect(rowOf(env, "k").uses).toBe(1);
  expect(consumeEnrolUse(env.ctx, { id })).toEqual({ uses: 2, maxUses: 2 });
  expect(refusal(() => consumeEnrolUse(env.ctx, { id }))[0]).toBe("used_up");
});

test("expired and revoked keys are refused, saying which; an unlimited key counts on", () => {
  const env = tokenEnv();
  createToken(env.ctx, { name: "week", kind: "enrol", expiresIn: 7 * 86_400_000 });
  createToken(env.ctx, { name: "gone", kind: "enrol", maxUses: 5 });
  createToken(env.ctx, { name: "many", kind: "enrol" });
  revokeToken(env.ctx, "gone");
  const many = rowOf(env, "many");
  for (let i = 1; i <= 3; i++) expect(consumeEnrolUse(env.ctx, many)).toEqual({ uses: i, maxUses: null });
  expect(consumeEnrolUse(env.ctx, rowOf(env, "week")).uses).toBe(1);
  env.advance(7 * 86_400_000);
  expect(refusal(() => consumeEnrolUse(env.ctx, rowOf(env, "week")))).toEqual(["expired", 'enrolment key "week" expired at 2026-11-29T12:00:00Z']);
  expect(refusal(() => consumeEnrolUse(env.ctx, rowOf(env, "gone")))).toEqual(["revoked", 'enrolment key "gone" was revoked']);
  expect(rowOf(env, "gone").uses).toBe(0);
});
