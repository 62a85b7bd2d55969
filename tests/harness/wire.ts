/** Names and value encodings shared by the program side (mocks) and the engine side (host) of the harness. */

export type Kind = "ManagedCluster" | "ClusterLogConfig" | "OAuthClient" | "ManagedClient";
export const KINDS: readonly Kind[] = ["ManagedCluster", "ClusterLogConfig", "OAuthClient", "ManagedClient"];

export const PACKAGE_NAME = "pulumi-sailpoint-isc";
export const PROVIDER_KEY = "__provider";
/** What the engine sends for values that depend on unresolved outputs during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export type Bag = Record<string, unknown>;

export function typeFor(kind: Kind): string {
  return `pulumi-nodejs:dynamic/sailpoint:${kind}`;
}

export function urnFor(kind: Kind, name: string, stack = "test", project = "sailpoint-test"): string {
  return `urn:pulumi:${stack}::${project}::${typeFor(kind)}::${name}`;
}

/** The kind of a type token or URN of ours, or undefined for anything else. */
export function kindOf(typeOrUrn: string): Kind | undefined {
  const type = typeOrUrn.startsWith("urn:pulumi:") ? typeOrUrn.split("::")[2]?.split("$").pop() ?? "" : typeOrUrn;
  return KINDS.find((kind) => typeFor(kind) === type);
}

/** `{sig: secret, value}` as the engine and the SDK wrap secrets on the wire. */
export function wrapSecret(value: unknown): Bag {
  return { [SIG_KEY]: SECRET_SIG, value };
}

function isObject(value: unknown): value is Bag {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isWrappedSecret(value: unknown): value is { value: unknown } {
  return isObject(value) && value[SIG_KEY] === SECRET_SIG;
}

/**
 * Turns a serialized (wire) value into what the engine sends a provider that declares acceptSecrets = false and
 * acceptResources = false: secrets unwrapped to plaintext (reporting whether any was found), resource references
 * replaced by their id (custom resources) or URN.
 */
export function toPlain(value: unknown): { value: unknown; secret: boolean } {
  if (Array.isArray(value)) {
    let secret = false;
    const items = value.map((item) => {
      const plain = toPlain(item);
      secret ||= plain.secret;
      return plain.value;
    });
    return { value: items, secret };
  }
  if (!isObject(value)) return { value, secret: false };
  if (isWrappedSecret(value)) return { value: toPlain(value.value).value, secret: true };
  if (value[SIG_KEY] === RESOURCE_SIG) return { value: value.id ?? value.urn, secret: false };
  let secret = false;
  const out: Bag = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = toPlain(item);
    secret ||= plain.secret;
    out[key] = plain.value;
  }
  return { value: out, secret };
}

/** Plain top-level bag plus the top-level keys that held a secret anywhere inside. */
export function plainBag(bag: Bag): { bag: Bag; secretKeys: string[] } {
  const out: Bag = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(bag)) {
    const plain = toPlain(value);
    out[key] = plain.value;
    if (plain.secret) secretKeys.push(key);
  }
  return { bag: out, secretKeys };
}

/** A JSON round trip: drops undefined, turns Dates into strings, so the bag fits a protobuf Struct. */
export function jsonClone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Order-insensitive deep equality over JSON values. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
