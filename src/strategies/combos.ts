// Settings that cannot work together, as warnings: each backed by the client code that ignores one of them.
import type { Issue } from "./types.ts";

type Options = Readonly<Record<string, string>>;

/** "sets a=1, leaves b and c to the device": what the strategy does with `keys`, for the tail of a warning. */
function describe(options: Options, keys: readonly string[]): string {
  const set = keys.filter((k) => options[k] !== undefined).map((k) => `sets ${k}=${options[k]}`);
  const left = keys.filter((k) => options[k] === undefined);
  return [...set, ...(left.length ? [`leaves ${left.join(" and ")} to the device`] : [])].join(", ");
}

/** Warns when `key` is set but `needed` are not all set to the values it needs. */
function needs(options: Options, key: string, shown: string, needed: Record<string, string>): Issue[] {
  if (options[key] === undefined) return [];
  const missing = Object.keys(needed).filter((k) => options[k] !== needed[k]);
  if (!missing.length) return [];
  const want = Object.entries(needed).map(([k, v]) => `${k}=${v}`).join(" and ");
  return [{ key, message: `${shown} has no effect unless ${want} (this strategy ${describe(options, missing)})` }];
}

const PERMISSIONS = /^enable-(keyboard|clipboard|file-transfer|camera|terminal|remote-printer|audio|tunnel|remote-restart|record-session|block-input|privacy-mode)$/;

export function combinationWarnings(options: Options): Issue[] {
  const out: Issue[] = [];
  // client: libs/hbb_common/src/password_security.rs:88-92 (rustdesk@7423dced)
  if (options["allow-hide-cm"] === "Y")
    out.push(...needs(options, "allow-hide-cm", "allow-hide-cm=Y", { "approve-mode": "password", "verification-method": "use-permanent-password" }));
  // client: src/server/connection.rs:5331-5343 (rustdesk@7423dced)
  out.push(...needs(options, "auto-disconnect-timeout", "auto-disconnect-timeout", { "allow-auto-disconnect": "Y" }));
  // client: src/rendezvous_mediator.rs:843-849 (rustdesk@7423dced)
  out.push(...needs(options, "direct-access-port", "direct-access-port", { "direct-server": "Y" }));
  // client: src/server/connection.rs:1272-1277 (rustdesk@7423dced)
  const ips = options.whitelist?.split(",") ?? [];
  if (ips.includes("0.0.0.0") && ips.length > 1)
    out.push({ key: "whitelist", message: "whitelist: the entry 0.0.0.0 turns the check off, so the other entries have no effect" });
  // client: src/server/connection.rs:2441-2455 (rustdesk@7423dced)
  const mode = options["access-mode"];
  const perms = Object.keys(options).filter((k) => PERMISSIONS.test(k));
  if ((mode === "full" || mode === "view") && perms.length)
    out.push({ key: "access-mode", message: `access-mode=${mode} overrides ${perms.join(", ")} on Flutter desktop clients: the enable-* permission keys apply there only with access-mode=custom` });
  // client: libs/hbb_common/src/password_security.rs:64-66 (rustdesk@7423dced)
  if (options["verification-method"] === "use-permanent-password")
    for (const k of ["temporary-password-length", "allow-numeric-one-time-password"])
      if (options[k] !== undefined)
        out.push({ key: k, message: `${k} has no effect with verification-method=use-permanent-password: no temporary password is accepted` });
  return out;
}
