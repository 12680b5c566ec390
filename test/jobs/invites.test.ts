// Invitation links are purged a day after they expire, used or not; live ones stay.
import { afterAll, expect, test } from "bun:test";
import { userInvites } from "../../src/db/schema.ts";
import { purgeExpired } from "../../src/jobs/retention.ts";
import { createUser } from "../../src/users/service.ts";
import { testEnv } from "../helpers/env.ts";

const env = testEnv();
afterAll(() => env.close());

test("expired more than a day ago → gone; expired less than a day ago or still valid → kept", async () => {
  const now = env.ctx.now();
  const u = await createUser(env.ctx, { name: "newbie", password: null });
  const id = env.sqlite.query<{ id: number }, [string]>("SELECT id FROM users WHERE guid = ?").get(u.guid)!.id;
  const HOUR = 3_600_000;
  env.db
    .insert(userInvites)
    .values([
      { userId: id, tokenHash: "a", createdAt: now - 9 * 24 * HOUR, expiresAt: now - 2 * 24 * HOUR },
      { userId: id, tokenHash: "b", createdAt: now - 8 * 24 * HOUR, expiresAt: now - 2 * HOUR, usedAt: now - 3 * HOUR },
      { userId: id, tokenHash: "c", createdAt: now, expiresAt: now + 7 * 24 * HOUR },
    ])
    .run();
  expect(await purgeExpired(env.sqlite, env.config, now, ["user_invites"])).toBe(1);
  expect(env.db.select({ h: userInvites.tokenHash }).from(userInvites).all().map((r) => r.h)).toEqual(["b", "c"]);
});
