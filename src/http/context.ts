// The ServiceContext of one HTTP request.
import type { Actor, ServiceContext } from "../core/context.ts";
import type { CoreDeps } from "../core/deps.ts";
import { clientIpOf } from "./request-info.ts";

export const anonymous = (ip: string | undefined): Actor => ({ type: "anonymous", name: ip ?? "unknown" });

export function requestContext(deps: CoreDeps, request: Request, actor?: Actor): ServiceContext {
  const ip = clientIpOf(request);
  return { db: deps.db, config: deps.config, log: deps.log, now: deps.now, actor: actor ?? anonymous(ip), ip };
}
