/**
 * The Pulumi package schema of the native package `sailpoint`, generated from the field tables (provider/schemas/*),
 * the provider settings (provider/config.ts) and the lookups (provider/lookups.ts). `npm run gen` writes it to
 * native/schema.json; the plugin serves it from GetSchema.
 */
import { CLUSTER_STATUSES } from "../../provider/api/types";
import type { OutputType } from "../../provider/engine/schema";
import { providerSpec, settingProperties } from "./config";
import { functionSpecs, RESULTS } from "./functions";
import { RESOURCE_TABLES, resourceSpec } from "./resources";
import { PACKAGE, token, type PackageSchema, type ResourceSpec } from "./spec";
import { TypeRegistry } from "./types";

export type { PackageSchema } from "./spec";
export { PACKAGE, token } from "./spec";

const REPOSITORY = "https://github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc";

/** Enums no table names: the lookups' arguments. */
const LOOKUP_ENUMS = { ClusterStatus: CLUSTER_STATUSES };

function tableTypes(): OutputType[] {
  const types: OutputType[] = [];
  for (const table of RESOURCE_TABLES) {
    types.push(...table.fields.map((f) => f.type), ...Object.values(table.serviceOutputs).map((o) => o.type));
    types.push(...Object.values(table.extraOutputs ?? {}).map((o) => o.type));
  }
  return [...types, ...Object.values(RESULTS)];
}

/** The package schema; `version` (the plugin's version, package.json "version") is recorded when given. */
export function packageSchema(options: { version?: string } = {}): PackageSchema {
  const types = new TypeRegistry(LOOKUP_ENUMS);
  types.learnEnums(tableTypes());
  const resources: Record<string, ResourceSpec> = {};
  for (const table of RESOURCE_TABLES) resources[token(table.type)] = resourceSpec(types, table);
  const functions = functionSpecs(types);
  return {
    name: PACKAGE,
    displayName: "SailPoint Identity Security Cloud",
    ...(options.version ? { version: options.version } : {}),
    description: "Managed clusters, managed clients, cluster log configuration and OAuth clients of SailPoint Identity Security Cloud (ISC).",
    keywords: ["pulumi", "sailpoint", "identitynow", "isc", "category/utility", "kind/native"],
    homepage: REPOSITORY,
    license: "MIT",
    repository: REPOSITORY,
    publisher: "pulumi-sailpoint-isc",
    config: { variables: settingProperties() },
    provider: providerSpec(),
    resources,
    functions,
    types: Object.fromEntries(Object.entries(types.types).sort(([a], [b]) => a.localeCompare(b))),
    language: {
      nodejs: { packageName: "pulumi-sailpoint-isc", respectSchemaVersion: true },
      python: { packageName: "pulumi_sailpoint", pyproject: { enabled: true }, respectSchemaVersion: true },
      go: {
        importBasePath: "github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/sdks/go/sailpoint",
        generateResourceContainerTypes: true,
        respectSchemaVersion: true,
      },
    },
  };
}
