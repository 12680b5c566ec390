import { defineCommand } from "citty";

export default defineCommand({
  meta: { name: "token", description: "API tokens and enrolment keys (shown once; only their hash is kept)" },
  subCommands: {
    list: () => import("./list.ts").then((m) => m.default),
    show: () => import("./show.ts").then((m) => m.default),
    create: () => import("./create.ts").then((m) => m.default),
    revoke: () => import("./revoke.ts").then((m) => m.default),
    rotate: () => import("./rotate.ts").then((m) => m.default),
    enrolments: () => import("./enrolments.ts").then((m) => m.default),
  },
});
