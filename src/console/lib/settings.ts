// GET/PUT /api/admin/settings as the settings page uses them: a draft of typed-in text per key, turned into the
// partial object the API takes (human values such as "90m" or "15 mb" are passed as typed), and the API's
// "key: problem; key: problem" answer split back onto its keys.
export type Setting = {
  key: string;
  value: unknown;
  default: unknown;
  source: "default" | "file" | "console" | "env" | "flag";
  runtime: boolean;
  restart_pending: boolean;
  secret: boolean;
  unit?: string;
  editable: boolean;
  read_only_reason?: string;
  description: string;
};
export type SettingsReply = { total: number; data: Setting[] };
export type SaveReply = { changed: string[]; restart_required: string[]; settings: Setting[] };

/** The text a value is edited as: lists one item per line. */
export function textOf(s: Setting, value: unknown = s.value): string {
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? value.join("\n") : JSON.stringify(value, null, 2);
  if (s.secret) return "";
  return value === null || value === undefined ? "" : String(value);
}

/** What to send for a key's draft text: a number stays a number, anything else (a human value) as typed. */
export function wireValue(s: Setting, text: string): unknown {
  if (Array.isArray(s.default)) return text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (typeof s.default === "boolean") return text === "true";
  if (typeof s.default === "number") return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text.trim();
  return text;
}

/** The API's problems, by key where a problem names one; the rest under "". */
export function problemsByKey(message: string, keys: string[]): Record<string, string[]> {
  const known = [...keys].sort((a, b) => b.length - a.length);
  const out: Record<string, string[]> = {};
  for (const part of message.split(/; (?=[a-z_]+\.[a-z_0-9]+: )/)) {
    const key = known.find((k) => part.startsWith(`${k}: `));
    (out[key ?? ""] ??= []).push(key ? part.slice(key.length + 2) : part);
  }
  return out;
}

/** "lockout" from "lockout.minutes": the group a key is shown in. */
export const groupOf = (key: string) => key.slice(0, key.indexOf("."));
