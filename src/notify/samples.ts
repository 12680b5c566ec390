// What a test notification says, per kind (`rdconsole notify test`, the admin API's notification tests).
import type { NotifyEvent, NotifyKind } from "./events.ts";

export const SAMPLES: Record<NotifyKind, Omit<NotifyEvent, "at">> = {
  alarm: { kind: "alarm", title: "Test alarm from rdconsole", data: { test: true, device: "123456789", alarm: "over 30 failed attempts", typ: 1, ip: "203.0.113.7" } },
  lockout: { kind: "lockout", title: "Test lockout notification from rdconsole", data: { test: true, user: "alice", ip: "203.0.113.7" } },
  device: { kind: "device", title: "Test new-device notification from rdconsole", data: { test: true, device: "123456789", hostname: "TEST-PC" } },
  "backup.failed": { kind: "backup.failed", title: "Test failed-backup notification from rdconsole", data: { test: true, error: "no space left on device" } },
};
