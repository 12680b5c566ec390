import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "user", description: "Manage user accounts" },
  subCommands: {
    create: () => import("./create.ts").then((m) => m.default),
    list: () => import("./list.ts").then((m) => m.default),
    show: () => import("./show.ts").then((m) => m.default),
    passwd: () => import("./passwd.ts").then((m) => m.default),
    disable: () => import("./disable.ts").then((m) => m.default),
    enable: () => import("./enable.ts").then((m) => m.default),
    unlock: () => import("./unlock.ts").then((m) => m.default),
    delete: () => import("./delete.ts").then((m) => m.default),
    set: () => import("./set.ts").then((m) => m.default),
    "logout-all": () => import("./logout-all.ts").then((m) => m.default),
    "2fa": () => import("./2fa/index.ts").then((m) => m.default),
    "sso-links": () => import("./sso-links.ts").then((m) => m.default),
    "sso-link": () => import("./sso-link.ts").then((m) => m.default),
    "sso-unlink": () => import("./sso-unlink.ts").then((m) => m.default),
  },
});
