import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "device", description: "Devices (RustDesk clients that reported to this server), by RustDesk ID" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    show: () => import("./show.ts").then((m) => m.default),
    set: () => import("./set.ts").then((m) => m.default),
    disable: () => import("./disable.ts").then((m) => m.default),
    enable: () => import("./enable.ts").then((m) => m.default),
    approve: () => import("./approve.ts").then((m) => m.default),
    rekey: () => import("./rekey.ts").then((m) => m.default),
    delete: () => import("./delete.ts").then((m) => m.default),
    prune: () => import("./prune.ts").then((m) => m.default),
    sessions: () => import("./sessions.ts").then((m) => m.default),
    live: () => import("./live.ts").then((m) => m.default),
    disconnect: () => import("./disconnect.ts").then((m) => m.default),
  },
});
