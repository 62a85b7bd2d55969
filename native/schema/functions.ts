import { MANAGED_CLIENT_STATUSES, MANAGED_CLIENT_TYPES } from "../../provider/api/types";
import type { OutputSpec, OutputType, ResourceSchema } from "../../provider/engine/schema";
import { LOOKUPS } from "../../provider/lookups";
import { managedClientSchema } from "../../provider/schemas/managed-client";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";
import { token, type FunctionSpec, type ObjectTypeSpec, type PropertySpec } from "./spec";
import { property, type TypeRegistry } from "./types";

/**
 * What a lookup returns: an object as the API reports it (provider/api/types.ts). For a resource's object these are
 * its id, the fields the service holds (not provider-side ones) and its service fields, by their API names; the
 * secrets are never readable and so are left out.
 */
function objectOf(schema: ResourceSchema, name: string, doc: string): Extract<OutputType, { kind: "object" }> {
  const properties: Record<string, OutputSpec> = { id: { type: { kind: "string" }, doc: `The ${schema.type}'s id.` } };
  for (const field of schema.fields) {
    if (field.update !== "local" && !field.createOnly) properties[field.name] = { type: field.type, doc: field.doc };
  }
  const secrets = new Set(schema.secretOutputs ?? []);
  for (const [key, spec] of Object.entries(schema.serviceOutputs)) if (!secrets.has(key)) properties[key] = spec;
  return { kind: "object", name, doc, properties };
}

const CLUSTER = objectOf(managedClusterSchema, "ManagedClusterInfo", "A managed cluster as the API reports it.");
const CLIENT = objectOf(managedClientSchema, "ManagedClientInfo", "A managed client as the API reports it (never its key).");
const OAUTH = objectOf(oauthClientSchema, "OAuthClientInfo", "An OAuth client as the API reports it (never its secret).");
const STATUS: Extract<OutputType, { kind: "object" }> = {
  kind: "object",
  name: "ManagedClientStatus",
  doc: "A managed client's status report.",
  properties: {
    body: { type: { kind: "any" }, doc: "The status report's details (free-form)." },
    status: { type: { kind: "enum", values: MANAGED_CLIENT_STATUSES, name: "ManagedClientStatusCode" }, doc: "The client's status." },
    type: { type: { kind: "enum", values: MANAGED_CLIENT_TYPES, name: "ManagedClientType" }, doc: "The client's type." },
    timestamp: { type: { kind: "string", format: "date-time" }, doc: "When the status was reported." },
  },
};

/** Each lookup's result: one object, or the items of a list. */
export const RESULTS: Readonly<Record<string, Extract<OutputType, { kind: "object" }>>> = {
  getManagedCluster: CLUSTER,
  listManagedClusters: CLUSTER,
  listManagedClients: CLIENT,
  getOAuthClient: OAUTH,
  listOAuthClients: OAUTH,
  getManagedClientStatus: STATUS,
};

function objectSpec(types: TypeRegistry, shape: Extract<OutputType, { kind: "object" }>): ObjectTypeSpec {
  const properties: Record<string, PropertySpec> = {};
  for (const [name, spec] of Object.entries(shape.properties)) properties[name] = property(types.typeSpec(spec.type), spec.doc);
  return { type: "object", description: shape.doc, properties, required: "id" in properties ? ["id"] : Object.keys(properties) };
}

/** The lookups as functions `sailpoint:index:<name>`: arguments from provider/lookups.ts, results as above. */
export function functionSpecs(types: TypeRegistry): Record<string, FunctionSpec> {
  const functions: Record<string, FunctionSpec> = {};
  for (const [name, lookup] of Object.entries(LOOKUPS)) {
    const shape = RESULTS[name];
    if (!shape) throw new Error(`package schema: the lookup ${name} has no result shape`);
    const inputs: ObjectTypeSpec = { type: "object", properties: {} };
    for (const [arg, spec] of Object.entries(lookup.args)) inputs.properties[arg] = property(types.typeSpec(spec.type), spec.doc);
    const required = Object.entries(lookup.args).filter(([, spec]) => spec.required).map(([arg]) => arg);
    if (required.length) inputs.required = required;
    let outputs: ObjectTypeSpec;
    if (lookup.returns === "list") {
      const item = types.object(shape.name, objectSpec(types, shape));
      outputs = {
        type: "object",
        description: `The ${shape.name} items.`,
        properties: { items: property({ type: "array", items: item }, "Every matching object.") },
        required: ["items"],
      };
    } else {
      outputs = objectSpec(types, shape);
    }
    functions[token(name)] = { description: lookup.doc, inputs, outputs };
  }
  return functions;
}
