// audits.py (pro-admin-api §9) replayed: one page of one log (pageSize, current), the fuzzy filters,
// conn_type as an int, created_at as UTC "YYYY-MM-DD HH:MM:SS.000"; rows newest first, epoch seconds.
import { afterAll, expect, test } from "bun:test";
import { alarmAudit, connAudit, fileAudit } from "../../src/db/schema.ts";
import { proEnv } from "./_pro-setup.ts";

const env = proEnv();
afterAll(() => env.close());
const T0 = Date.parse("2026-11-22T12:00:00Z");
let seq = 1;
const conn = (rdId: string, at: number, o: Partial<typeof connAudit.$inferInsert> = {}) =>
  env.db.insert(connAudit).values({ rdId, connId: seq, seq: seq++, openedAt: at, updatedAt: at, ...o }).run();
conn("111111111", T0 - 3 * 86_400_000, { peerId: "987654321", peerName: "Bob", connType: 0, sessionId: "17212712360522741029", closedAt: T0 - 3 * 86_400_000 + 60_000 });
conn("222222222", T0 - 60_000, { peerId: "555000555", connType: 1 });
conn("222222222", T0 - 30_000); // never authorised: no conn_type
env.db.insert(fileAudit).values({ rdId: "111111111", peerId: "987654321", direction: 1, path: "/tmp/x", isFile: true, files: [["a.txt", 10]], fileCount: 1, createdAt: T0 - 1000 }).run();
env.db.insert(alarmAudit).values({ rdId: "333333333", typ: 1, info: { ip: "203.0.113.9" }, createdAt: T0 - 1000 }).run();

const get = async (path: string) => {
  // audits.py sends only Authorization (no Content-Type) and reads {total, data}.
  const r = await env.bare("GET", path);
  expect(r.status).toBe(200);
  return r.json() as { total: number; data: Record<string, unknown>[] };
};

test("view-conn: newest first, epoch seconds, conn_type absent (not null) for a connection never authorised", async () => {
  const all = await get("/api/audits/conn?pageSize=10&current=1");
  expect(all.total).toBe(3);
  expect(all.data.map((r) => r.id)).toEqual(["222222222", "222222222", "111111111"]);
  expect("conn_type" in all.data[0]!).toBe(false);
  expect(all.data[2]).toMatchObject({ peer_id: "987654321", conn_type: 0, session_id: "17212712360522741029", created_at: (T0 - 3 * 86_400_000) / 1000, end_time: (T0 - 3 * 86_400_000 + 60_000) / 1000 });
});

test("view-conn filters: remote fuzzy (device or peer), conn_type=0 sent and honoured, created_at a UTC lower bound", async () => {
  expect((await get("/api/audits/conn?pageSize=10&current=1&remote=%25987%25")).data.map((r) => r.id)).toEqual(["111111111"]);
  expect((await get("/api/audits/conn?pageSize=10&current=1&remote=%25222%25")).total).toBe(2);
  expect((await get("/api/audits/conn?pageSize=10&current=1&conn_type=0")).data.map((r) => r.id)).toEqual(["111111111"]);
  expect((await get("/api/audits/conn?pageSize=10&current=1&created_at=2026-11-21+12%3A00%3A00.000")).total).toBe(2);
  const bad = await env.bare("GET", "/api/audits/conn?pageSize=10&current=1&created_at=yesterday");
  expect([bad.status, (bad.json() as { error: string }).error]).toEqual([400, expect.stringContaining("created_at")]);
});

test("one page: pageSize and current", async () => {
  const p2 = await get("/api/audits/conn?pageSize=2&current=2");
  expect([p2.total, p2.data.map((r) => r.id)]).toEqual([3, ["111111111"]]);
});

test("view-file, view-alarm (typ), view-console (typ, iop, operator)", async () => {
  expect((await get("/api/audits/file?pageSize=10&current=1&remote=%25987%25")).data).toEqual([
    expect.objectContaining({ id: "111111111", type: 1, path: "/tmp/x", info: expect.objectContaining({ files: [["a.txt", 10]], num: 1 }), created_at: (T0 - 1000) / 1000 }),
  ]);
  expect((await get("/api/audits/alarm?pageSize=10&current=1&device=%25333%25")).data).toEqual([expect.objectContaining({ id: "333333333", typ: 1 })]);
  const g = await env.guidOf("/api/devices?pageSize=30&current=1", "id", "111111111");
  await env.bare("POST", `/api/devices/${g}/disable`);
  const console = await get("/api/audits/console?pageSize=10&current=1&operator=%25scripts%25");
  expect(console.data[0]).toMatchObject({ operator: "token:scripts", typ: 2, iop: 9, action: "device.disable", target: "111111111" });
});
