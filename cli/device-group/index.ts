import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "device-group", description: "Device groups (a device is in one at most)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    show: () => import("./show.ts").then((m) => m.default),
    create: () => import("./create.ts").then((m) => m.default),
    rename: () => import("./rename.ts").then((m) => m.default),
    set: () => import("./set.ts").then((m) => m.default),
    delete: () => import("./delete.ts").then((m) => m.default),
  },
});
