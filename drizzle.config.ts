import { defineConfig } from "drizzle-kit";

// Only used by `bunx drizzle-kit generate --name <what-it-does>`; the server applies
// migrations itself from the copies embedded at build time (src/db/migrations.macro.ts).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
