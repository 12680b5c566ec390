// Composes the feature plugins in one explicit list. No listen() here: tests call app.handle().
import type { Database } from "bun:sqlite";
import { Elysia } from "elysia";
import { authRoutes } from "./auth/routes.ts";
import type { Config } from "./config/schema.ts";
import type { Db } from "./db/client.ts";
import { docsRoutes } from "./docs/routes.ts";
import { BUN_BODY_CEILING } from "./http/body-limit.ts";
import { errorHandler } from "./http/errors.ts";
import { methodIndex } from "./http/methods.ts";
import { pipeline } from "./http/pipeline.ts";
import type { Logger } from "./log.ts";
import { systemRoutes } from "./system/routes.ts";

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly sqlite: Database;
  readonly log: Logger;
  readonly now: () => number;
}

export function createApp(deps: AppDeps) {
  const { config, log } = deps;
  const methods = methodIndex(() => app.routes);
  const app = new Elysia({ name: "rdconsole", serve: { maxRequestBodySize: Math.max(config.server.body_limit, BUN_BODY_CEILING) } })
    .use(pipeline(config, log))
    .use(errorHandler(log, methods))
    .use(docsRoutes(config.openapi.enabled))
    .use(systemRoutes(config, deps.sqlite))
    .use(authRoutes());
  return app;
}

export type App = ReturnType<typeof createApp>;
