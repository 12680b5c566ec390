// What every feature's routes need from the process that runs them. The app adds the
// per-feature runtimes (src/deps.ts); features see only this.
import type { Database } from "bun:sqlite";
import type { Config } from "../config/schema.ts";
import type { Db } from "../db/client.ts";
import type { Logger } from "./log.ts";

export interface CoreDeps {
  readonly config: Config;
  readonly db: Db;
  readonly sqlite: Database;
  readonly log: Logger;
  readonly now: () => number;
}
