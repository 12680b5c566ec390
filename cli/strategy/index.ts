import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "strategy", description: "Strategies: client settings pushed to devices through the heartbeat" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    show: () => import("./show.ts").then((m) => m.default),
    create: () => import("./create.ts").then((m) => m.default),
    set: () => import("./set.ts").then((m) => m.default),
    unset: () => import("./unset.ts").then((m) => m.default),
    rename: () => import("./rename.ts").then((m) => m.default),
    enable: () => import("./enable.ts").then((m) => m.default),
    disable: () => import("./disable.ts").then((m) => m.default),
    delete: () => import("./delete.ts").then((m) => m.default),
    assign: () => import("./assign.ts").then((m) => m.default),
    unassign: () => import("./unassign.ts").then((m) => m.default),
    default: () => import("./default.ts").then((m) => m.default),
    explain: () => import("./explain.ts").then((m) => m.default),
    status: () => import("./status.ts").then((m) => m.default),
    keys: () => import("./keys.ts").then((m) => m.default),
    export: () => import("./export.ts").then((m) => m.default),
    apply: () => import("./apply.ts").then((m) => m.default),
  },
});
