import type { Field, OutputSpec, ResourceSchema } from "../../provider/engine/schema";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClientSchema } from "../../provider/schemas/managed-client";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";
import type { PropertySpec, ResourceSpec } from "./spec";
import { property, type TypeRegistry } from "./types";

/** Every resource of the package, by its type name (the token is `sailpoint:index:<type>`). */
export const RESOURCE_TABLES: readonly ResourceSchema[] = [managedClusterSchema, managedClientSchema, clusterLogConfigSchema, oauthClientSchema];

/** How a change to the field reaches the service, as the docs say it. */
export function changeNote(field: Field): string {
  if (field.createOnly) return "Read only when the resource is created; changing it later does nothing.";
  if (field.update === "replace") return "Changing it replaces the resource.";
  if (field.update === "local") return "A provider-side setting: changing it sends no request.";
  return "";
}

/** What an omitted field means on the service, unless the field's doc says so already. */
function omittedNote(field: Field): string {
  if (field.omittedMeans === undefined || /omitted/i.test(field.doc)) return "";
  return `Omitted means \`${JSON.stringify(field.omittedMeans)}\` (the service's value).`;
}

function inputProperty(types: TypeRegistry, field: Field): PropertySpec {
  const description = [field.doc, omittedNote(field), changeNote(field)].filter(Boolean).join(" ");
  const extra: Omit<PropertySpec, "type" | "$ref" | "items" | "additionalProperties" | "description"> = {};
  if (field.default !== undefined) extra.default = field.default as string | number | boolean;
  if (field.update === "replace") extra.replaceOnChanges = true;
  return property(types.typeSpec(field.type), description, extra);
}

/** Every output that is not an input, by output name, with its type and doc. */
export function nonInputOutputs(schema: ResourceSchema): Record<string, OutputSpec> {
  const outputs: Record<string, OutputSpec> = {};
  for (const [name, spec] of Object.entries(schema.serviceOutputs)) outputs[schema.liveNames?.[name] ?? name] = spec;
  Object.assign(outputs, schema.extraOutputs ?? {});
  for (const name of schema.secretOutputs ?? []) {
    if (!outputs[name]) throw new Error(`package schema: ${schema.type}'s secret output ${name} has no type in the table`);
  }
  return outputs;
}

/** A resource's schema entry: inputs from its fields, outputs from its fields and service outputs. */
export function resourceSpec(types: TypeRegistry, schema: ResourceSchema): ResourceSpec {
  const inputProperties: Record<string, PropertySpec> = {};
  const properties: Record<string, PropertySpec> = {};
  for (const field of schema.fields) {
    inputProperties[field.name] = inputProperty(types, field);
    const { default: _default, ...output } = inputProperties[field.name];
    properties[field.name] = output;
  }
  const secrets = new Set(schema.secretOutputs ?? []);
  for (const [name, spec] of Object.entries(nonInputOutputs(schema))) {
    if (properties[name]) throw new Error(`package schema: ${schema.type}'s output ${name} is also an input`);
    properties[name] = property(types.typeSpec(spec.type), spec.doc, secrets.has(name) ? { secret: true } : {});
  }
  const required = schema.fields.filter((f) => f.required).map((f) => f.name);
  return {
    description: schema.doc ?? schema.type,
    inputProperties,
    requiredInputs: required,
    properties,
    required,
  };
}
