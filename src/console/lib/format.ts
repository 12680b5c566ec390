// A catalogue message with its {name} placeholders filled; an unknown placeholder stays visible.
import type { Catalogue, MessageKey } from "../i18n/en.ts";

export function format(messages: Catalogue, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = messages[key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
}
