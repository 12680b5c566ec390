// The alarm kinds a client reports (POST /api/audit/alarm, `typ`).

/** client: src/server/connection.rs:6131-6144 (rustdesk@7423dced) */
const ALARMS: Record<number, string> = {
  0: "IP whitelist reject",
  1: "over 30 failed attempts",
  2: "over 6 failed attempts in a minute",
  6: "IPv6 prefix attempts exceeded",
  7: "terminal login backoff",
  8: "terminal login concurrency",
  9: "session scope violation",
  10: "ID whitelist reject",
};

export const alarmName = (typ: number): string => ALARMS[typ] ?? `alarm ${typ}`;
