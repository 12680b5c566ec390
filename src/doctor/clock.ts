// Clock sanity: TOTP codes (30 s steps), e-mailed codes and session expiry all read this machine's clock.
// Compared with the HTTP Date of an SSO provider (independent), else of the public URL's answer (a reverse
// proxy's clock; this server's own when nothing stands in front: then it proves little, and says so).
import type { Config } from "../config/schema.ts";
import { ok, skip, warn, fail, type CheckResult } from "./check.ts";

const NAME = "clock";
export const CLOCK_WARN_MS = 5_000;
export const CLOCK_FAIL_MS = 30_000;

export interface DateSample {
  source: string;
  date: string | null;
}

/** Date headers of the OIDC providers' discovery documents, for the clock check. */
export async function providerDates(config: Config, timeoutMs = 5000): Promise<DateSample[]> {
  const oidc = config.sso.providers.filter((p) => p.kind === "oidc");
  return Promise.all(
    oidc.map(async (p) => {
      try {
        const r = await fetch(`${p.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(timeoutMs) });
        await r.body?.cancel();
        return { source: `SSO provider ${p.name}`, date: r.headers.get("date") };
      } catch {
        return { source: `SSO provider ${p.name}`, date: null };
      }
    }),
  );
}

export function checkClock(samples: DateSample[], now = Date.now()): CheckResult {
  const found = samples.find((s) => s.date && !Number.isNaN(Date.parse(s.date)));
  if (!found) return skip(NAME, "nothing to compare with (no SSO provider, no answer from server.public_url)");
  // An HTTP Date has whole seconds: up to 1 s of the difference is rounding.
  const skew = Math.max(0, Math.abs(now - Date.parse(found.date!)) - 1000);
  const detail = `${(skew / 1000).toFixed(0)} s off ${found.source}'s clock`;
  const fix = "turn on time sync (timedatectl set-ntp true, or chrony): TOTP codes and expiries depend on the clock";
  if (skew > CLOCK_FAIL_MS) return fail(NAME, detail, fix);
  if (skew > CLOCK_WARN_MS) return warn(NAME, detail, fix);
  return ok(NAME, `within ${CLOCK_WARN_MS / 1000} s of ${found.source}'s clock`);
}
