/**
 * A resource reads like its API: a table of fields from which the generic check, diff, patch and output code works.
 */

export type ValueType =
  /** format "id": an object id used in a URL path (never "." or "..", which a URL parser would resolve away). */
  | { kind: "string"; nonEmpty?: boolean; maxLength?: number; format?: "url" | "date-time" | "id"; noControlChars?: boolean }
  | { kind: "boolean" }
  | { kind: "integer"; min?: number; max?: number }
  /** `name`: the enum's type name in the Pulumi package schema (e.g. ClusterType). */
  | { kind: "enum"; values: readonly string[]; name?: string }
  /** An object of string keys; the program owns only the keys it declares. */
  | { kind: "map"; values: ValueType; maxKeyLength?: number }
  /** An array compared as a set: order and duplicates never make a diff. */
  | { kind: "set"; items: ValueType; nonEmpty?: boolean };

/**
 * How a change to the field reaches the service:
 * - patch: in place, by JSON Patch operations on the field (per key for maps, whole value for sets);
 * - put: in place, by the resource's whole-object PUT;
 * - replace: the resource is replaced;
 * - local: a provider-side setting, recorded in state, no API call.
 */
export type UpdateRule = "patch" | "put" | "replace" | "local";

export interface Field {
  name: string;
  type: ValueType;
  update: UpdateRule;
  required?: boolean;
  /** Applied by check when the program omits the field; the value is then sent and owned like a declared one. */
  default?: unknown;
  /** What the service holds when the field is not sent: an omitted field compares equal to this, and is not drift. */
  omittedMeans?: unknown;
  /** May only be set when the resource is created (adopt-by-id). Never diffed. */
  createOnly?: boolean;
  /** One line for the README reference table. */
  doc: string;
}

/** The type of an output that is not an input: an input's type, or one of the shapes only the service reports. */
export type OutputType =
  | ValueType
  | { kind: "number" }
  | { kind: "list"; items: OutputType }
  /** A service object with known fields; `name` is its type name in the Pulumi package schema. */
  | { kind: "object"; name: string; doc: string; properties: Readonly<Record<string, OutputSpec>> }
  /** Free-form JSON. */
  | { kind: "any" };

export interface OutputSpec {
  type: OutputType;
  /** One line for the reference docs. */
  doc: string;
}

export interface ResourceSchema {
  /** The resource's type name, used in messages. */
  type: string;
  /** What the resource is, for the reference docs (Markdown, a few sentences). */
  doc?: string;
  fields: readonly Field[];
  /** Output names for service fields whose API name is also an input name (e.g. configuration → liveConfiguration). */
  liveNames?: Readonly<Record<string, string>>;
  /** Outputs registered as Pulumi secrets (additionalSecretOutputs); each is described in serviceOutputs or extraOutputs. */
  secretOutputs?: readonly string[];
  /** Outputs the provider computes itself, besides the service's fields. */
  extraOutputs?: Readonly<Record<string, OutputSpec>>;
  /** Outputs computed from inputs (output → the inputs it derives from): secret when one of those inputs is. */
  derivedOutputs?: Readonly<Record<string, readonly string[]>>;
  /**
   * Every service field by its API name (the API schema's properties, minus those that are inputs), with its type and
   * doc; in outputs it is renamed by liveNames.
   */
  serviceOutputs: Readonly<Record<string, OutputSpec>>;
  /**
   * The replacement takes over the old object's place (one per parent, as a cluster's log configuration): the engine
   * must delete the old copy before it creates the new one, or the old copy's delete undoes the new one's work.
   */
  deleteBeforeReplace?: boolean;
}

export function fieldNamed(schema: ResourceSchema, name: string): Field | undefined {
  return schema.fields.find((f) => f.name === name);
}

/** Every output name of the resource, for declaring outputs in the resource class. */
export function outputNames(schema: ResourceSchema): string[] {
  const names = new Set<string>(schema.fields.map((f) => f.name));
  for (const n of Object.keys(schema.serviceOutputs)) names.add(schema.liveNames?.[n] ?? n);
  for (const n of Object.keys(schema.extraOutputs ?? {})) names.add(n);
  for (const n of schema.secretOutputs ?? []) names.add(n);
  return [...names];
}
