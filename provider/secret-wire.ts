/**
 * Pulumi's wire form of a secret value, `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
 * "value": ...}`, for the doors: the engine keeps a property returned in this form (by Check, Create, Read, Update, or
 * in a partial failure's properties) as a secret in the state, whether or not the provider declared acceptSecrets.
 * The rule of which values are secret is the core's (engine/secrets.ts); this file only speaks the format.
 */
import type { ResourceSchema } from "./engine/schema";
import type { SecretPath } from "./engine/secrets";
import { isPlainObject } from "./engine/values";

/** The signature key of every serialized secret (in a program's wire form and, with `ciphertext`, in a state). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export function wrapSecret(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isWrappedSecret(value: unknown): value is { value: unknown } {
  return isPlainObject(value) && value[SIG_KEY] === SECRET_SIG;
}

function unwrapDeep(value: unknown): { value: unknown; secret: boolean } {
  if (isWrappedSecret(value)) return { value: unwrapDeep(value.value).value, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(unwrapDeep);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    let secret = false;
    for (const [key, item] of Object.entries(value)) {
      const inner = unwrapDeep(item);
      out[key] = inner.value;
      secret ||= inner.secret;
    }
    return { value: out, secret };
  }
  return { value, secret: false };
}

/**
 * For a door that receives wrapped secrets: the plain bag and the secret input paths of the schema's fields, `[field]`
 * for a secret value (or a list or non-map object holding one), `[field, key]` for a secret value in a map.
 */
export function unwrapSecrets(schema: ResourceSchema, bag: Record<string, unknown>): { plain: Record<string, unknown>; paths: SecretPath[] } {
  const plain: Record<string, unknown> = {};
  const paths: SecretPath[] = [];
  for (const [name, value] of Object.entries(bag)) {
    const field = schema.fields.find((f) => f.name === name);
    if (field?.type.kind === "map" && isPlainObject(value) && !isWrappedSecret(value)) {
      const map: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const inner = unwrapDeep(item);
        map[key] = inner.value;
        if (inner.secret) paths.push([name, key]);
      }
      plain[name] = map;
      continue;
    }
    const inner = unwrapDeep(value);
    plain[name] = inner.value;
    if (inner.secret && field) paths.push([name]);
  }
  return { plain, paths };
}
