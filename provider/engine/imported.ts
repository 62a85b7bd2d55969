import type { ResourceSchema } from "./schema";
import { plain, sameValue } from "./values";

/**
 * The inputs of a live object as a program declaring it would write them: what a read given only an id (the engine's
 * import) reports, and so what Check accepts and a program must declare for a clean import. Every field the service
 * holds, except: a value equal to what an omitted field means, or an optional field's empty text or list (left out, as
 * a program leaves them out); a map, whose keys a program owns only when it declares them (the live map is in the
 * outputs); provider-side fields, at their defaults; create-only fields.
 */
export function importedInputs(schema: ResourceSchema, live: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const field of schema.fields) {
    if (field.createOnly || field.type.kind === "map") continue;
    if (field.update === "local") {
      if (field.default !== undefined) inputs[field.name] = field.default;
      continue;
    }
    const value = live[field.name];
    if (value === undefined || value === null) continue;
    if (field.omittedMeans !== undefined && sameValue(field.type, value, field.omittedMeans)) continue;
    if (!field.required && (value === "" || (Array.isArray(value) && value.length === 0))) continue;
    inputs[field.name] = value;
  }
  return plain(inputs);
}
