import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "ab", description: 'Address books. A book is named by its name or guid, or "@user" for a personal one' },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    create: () => import("./create.ts").then((m) => m.default),
    rename: () => import("./rename.ts").then((m) => m.default),
    set: () => import("./set.ts").then((m) => m.default),
    delete: () => import("./delete.ts").then((m) => m.default),
    peers: () => import("./peers.ts").then((m) => m.default),
    rules: () => import("./rules.ts").then((m) => m.default),
    rule: () => import("./rule/index.ts").then((m) => m.default),
    export: () => import("./export.ts").then((m) => m.default),
    import: () => import("./import.ts").then((m) => m.default),
  },
});
