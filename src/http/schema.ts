// Request-body schemas. The app runs with normalize: false, because Elysia's normalizer turns a
// wrong-typed object (a string, an array) into {} instead of rejecting it. Unknown keys stay
// allowed, so a newer client that sends an extra field still works.
import { t } from "elysia";

type Properties = Parameters<typeof t.Object>[0];

export const looseObject = <P extends Properties>(properties: P, description?: string) =>
  t.Object(properties, { additionalProperties: true, ...(description ? { description } : {}) });
