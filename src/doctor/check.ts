// One line of `rdconsole doctor`: what was checked, how it went, and what to do about it.
export type CheckStatus = "ok" | "warn" | "fail" | "skip";

export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do; empty when there is nothing to do. */
  fix: string;
}

export const ok = (name: string, detail: string): CheckResult => ({ name, status: "ok", detail, fix: "" });
export const skip = (name: string, detail: string, fix = ""): CheckResult => ({ name, status: "skip", detail, fix });
export const warn = (name: string, detail: string, fix: string): CheckResult => ({ name, status: "warn", detail, fix });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, status: "fail", detail, fix });

/** Runs a check; an unexpected error becomes its failure instead of ending the whole run. */
export async function guarded(name: string, fn: () => CheckResult | CheckResult[] | Promise<CheckResult | CheckResult[]>): Promise<CheckResult[]> {
  try {
    const r = await fn();
    return Array.isArray(r) ? r : [r];
  } catch (e) {
    return [fail(name, `the check itself failed: ${(e as Error).message}`, "run with DEBUG=1 and report it if it persists")];
  }
}

export const errorText = (e: unknown): string => {
  const err = e as Error & { code?: string; cause?: unknown };
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
  return `${err.message || String(e)}${err.code && !err.message?.includes(err.code) ? ` (${err.code})` : ""}${cause}`;
};
