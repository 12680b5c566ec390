// One config value from its raw form, for every layer (file, environment, flags, console settings).
import { FieldError, type Field } from "./fields.ts";
import { durationUnit, parseDuration } from "./human.ts";

/**
 * A field's value from a raw one: keys counted in a time unit also take a duration with a unit
 * ("1.5 d" for a *_minutes key is 2160), which must come to a whole number of that unit.
 */
export function parseField(path: string, field: Field<unknown>, raw: unknown, fromString: boolean): unknown {
  const unit = typeof raw === "string" && typeof field.default === "number" ? durationUnit(path) : undefined;
  if (unit && /[a-z]\s*$/i.test(raw as string)) {
    const seconds = parseDuration(raw as string);
    if (seconds === undefined) throw new FieldError(`expected a number of ${unit.name} or a duration such as "90m", "1.5 d", "2 w", got ${JSON.stringify(raw)}`);
    const n = seconds / unit.seconds;
    if (!Number.isInteger(Math.round(n * 1e6) / 1e6)) throw new FieldError(`${JSON.stringify(raw)} is not a whole number of ${unit.name}`);
    return field.parse(Math.round(n), false);
  }
  return field.parse(raw, fromString);
}
