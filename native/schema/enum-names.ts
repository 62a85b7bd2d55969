import type { EnumValueSpec } from "./spec";

/**
 * The name of an enum value, as Pulumi providers name them: the value's words in PascalCase, words being split at
 * anything but a letter or digit and where a lower-case letter or digit meets an upper-case one:
 * `CLIENT_CREDENTIALS` → `ClientCredentials`, `das-rc` → `DasRc`, `spConnectCluster` → `SpConnectCluster`, `VA` → `Va`.
 * Pulumi's generators spell it per language: Python `GrantType.CLIENT_CREDENTIALS`, Go `GrantTypeClientCredentials`.
 */
export function enumValueName(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join("");
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(`package schema: the enum value ${JSON.stringify(value)} needs a name that starts with a letter`);
  }
  return name;
}

/** An enum's values with their names; two values of one enum may not share a name (`das-rc` and `DAS_RC`). */
export function enumValues(enumName: string, values: readonly string[]): EnumValueSpec[] {
  const specs = values.map((value) => ({ name: enumValueName(value), value }));
  const seen = new Map<string, string>();
  for (const { name, value } of specs) {
    const other = seen.get(name);
    if (other !== undefined) throw new Error(`package schema: the values ${JSON.stringify(other)} and ${JSON.stringify(value)} of ${enumName} are both named ${name}`);
    seen.set(name, value);
  }
  return specs;
}
