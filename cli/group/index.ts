import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "group", description: "User groups (a user is in one group at most)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    show: () => import("./show.ts").then((m) => m.default),
    create: () => import("./create.ts").then((m) => m.default),
    delete: () => import("./delete.ts").then((m) => m.default),
    set: () => import("./set.ts").then((m) => m.default),
    "add-user": () => import("./add-user.ts").then((m) => m.default),
    "remove-user": () => import("./remove-user.ts").then((m) => m.default),
  },
});
