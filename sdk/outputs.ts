import * as pulumi from "@pulumi/pulumi";
import { LOST_KEY, LOST_KEYS } from "../provider/engine/check";
import { outputNames, type Field } from "../provider/engine/schema";
import { SECRET_INPUTS, type SecretPath } from "../provider/engine/secrets";
import { isPlainObject } from "../provider/engine/values";
import type { ResourceSchema } from "../provider/engine/schema";

type Found = string | undefined;

/**
 * Props for `pulumi.dynamic.Resource`: every output the resource exposes seeded as undefined (pulumi/pulumi#5174),
 * then the user's args on top.
 *
 * Pulumi serializes inputs by copying objects key by key, and assigning a `__proto__` key (an ordinary key after
 * JSON.parse of a configuration file) sets the copy's prototype instead: the key would vanish before the provider
 * runs. So each map input (and the args themselves) is looked at here, once it resolves (it may be an Output, and
 * pulumi.output() would already copy it), and the properties that have such a key are named under `__lostKeys`,
 * which the provider's check refuses: the registration fails with one error naming the resource and the property,
 * before any request.
 *
 * The provider is told which inputs are secret (`__secretInputs`, see provider/engine/secrets.ts), since the
 * dynamic-provider host hands it every secret as plaintext: it then returns every output derived from them as a secret.
 */
export function seededProps(schema: ResourceSchema, args: object): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const name of outputNames(schema)) props[name] = undefined;
  const inputs: Record<string, unknown> = { ...props, ...args };
  const found: Array<Found | pulumi.Output<Found> | Promise<Found>> = [];
  if (hasLostKey(args)) {
    found.push(LOST_KEY);
    delete inputs[LOST_KEY];
  }
  for (const field of schema.fields) {
    if (field.type.kind !== "map" || inputs[field.name] === undefined) continue;
    found.push(lostKeyIn(inputs[field.name], field.name));
    inputs[field.name] = labelable(inputs[field.name]);
  }
  const lost = namesOf(found);
  if (lost !== undefined) inputs[LOST_KEYS] = lost;
  const secret = secretInputPaths(schema, args);
  if (secret !== undefined) inputs[SECRET_INPUTS] = secret;
  return inputs;
}

/**
 * The secret input paths (`[field]`, or `[field, key]` for one value of a map), an Output that is itself no secret (it
 * names fields and keys, never values); undefined when no input is an Output, so a program without any registers as before.
 */
function secretInputPaths(schema: ResourceSchema, args: object): pulumi.Output<SecretPath[] | undefined> | undefined {
  const values = args as Record<string, unknown>;
  const fields = schema.fields.filter((field) => holdsOutput(values[field.name]));
  if (fields.length === 0) return undefined;
  const found = Promise.all(fields.map((field) => secretPathsOf(field, values[field.name]))).then((all) => {
    const paths = all.flat();
    return paths.length > 0 ? paths : undefined;
  });
  return pulumi.output(found);
}

function holdsOutput(value: unknown): boolean {
  if (pulumi.Output.isInstance(value)) return true;
  if (Array.isArray(value)) return value.some((item) => pulumi.Output.isInstance(item));
  return isPlainObject(value) && Object.values(value).some((item) => pulumi.Output.isInstance(item));
}

/** A secret Output is secret whole; in a list, one secret item makes the field secret; in a map, just that key. */
async function secretPathsOf(field: Field, value: unknown): Promise<SecretPath[]> {
  const secret = async (item: unknown) => pulumi.Output.isInstance(item) && (await pulumi.isSecret(item));
  if (pulumi.Output.isInstance(value)) return (await secret(value)) ? [[field.name]] : [];
  if (Array.isArray(value)) return (await Promise.all(value.map(secret))).some(Boolean) ? [[field.name]] : [];
  if (!isPlainObject(value)) return [];
  const entries = Object.entries(value);
  const flags = await Promise.all(entries.map(([, item]) => secret(item)));
  if (field.type.kind !== "map") return flags.some(Boolean) ? [[field.name]] : [];
  return entries.filter((_, i) => flags[i]).map(([key]): SecretPath => [field.name, key]);
}

/**
 * Pulumi labels each input of a registration with `${value}`; a map with a `toString` key (a string, not a function)
 * makes that throw "Cannot convert object to primitive value" without naming anything. As an Output (a copy that keeps
 * the key, made after the lost-key look above) it is labelled "Output<T>" and reaches the provider intact.
 */
function labelable(value: unknown): unknown {
  return isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, "toString") ? pulumi.output(value) : value;
}

/** `property` when the value, once resolved, has the lost key. Looked at on the value itself, never on a copy. */
function lostKeyIn(value: unknown, property: string): Found | pulumi.Output<Found> | Promise<Found> {
  const check = (resolved: unknown): Found => (hasLostKey(resolved) ? property : undefined);
  if (pulumi.Output.isInstance(value)) return value.apply(check);
  if (value instanceof Promise) return value.then(check);
  return check(value);
}

/** The properties found, or undefined (no input at all) when there are none. */
function namesOf(found: Array<Found | pulumi.Output<Found> | Promise<Found>>): string[] | undefined | pulumi.Output<string[] | undefined> {
  const names = (all: Found[]) => {
    const present = all.filter((n): n is string => n !== undefined);
    return present.length > 0 ? present : undefined;
  };
  if (found.every((f) => f === undefined || typeof f === "string")) return names(found as Found[]);
  // Property names only, never values: not a secret, even when a map given as a secret Output was looked at.
  return pulumi.unsecret(pulumi.all(found).apply(names));
}

function hasLostKey(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.prototype.hasOwnProperty.call(value, LOST_KEY);
}
