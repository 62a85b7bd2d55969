/**
 * The enum value lists the main entry point exports are the ones in the bundled OpenAPI files (emulator/openapi), in
 * every API version that has the schema.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";

const OPENAPI = path.resolve(__dirname, "..", "..", "emulator", "openapi");
const sdk = require("pulumi-sailpoint-isc") as Record<string, unknown>;

interface Schema {
  enum?: unknown[];
  properties?: Record<string, Schema>;
}

/** Where each list's values live: a schema (names differ in case between bundles) and optionally a property of it. */
const SOURCES: Record<string, { schema: string[]; property?: string }> = {
  CLUSTER_TYPES: { schema: ["ManagedClusterTypes"] },
  CLUSTER_STATUSES: { schema: ["ManagedCluster"], property: "status" },
  CLUSTER_HEALTH_STATUSES: { schema: ["ManagedCluster"], property: "consolidatedHealthIndicatorsStatus" },
  LOG_LEVELS: { schema: ["StandardLevel"] },
  GRANT_TYPES: { schema: ["GrantType"] },
  ACCESS_TYPES: { schema: ["AccessType"] },
  CLIENT_TYPES: { schema: ["ClientType"] },
  MANAGED_CLIENT_TYPES: { schema: ["ManagedClientType"] },
  MANAGED_CLIENT_STATUSES: { schema: ["ManagedClientStatusCode", "ManagedClientStatusEnum"] },
};

function bundles(): { file: string; schemas: Record<string, Schema> }[] {
  return fs
    .readdirSync(OPENAPI)
    .filter((file) => file.endsWith(".json"))
    .map((file) => ({ file, schemas: (JSON.parse(fs.readFileSync(path.join(OPENAPI, file), "utf8")).components?.schemas ?? {}) as Record<string, Schema> }));
}

/** The enum's values without null (nullable enums list it), or undefined when this bundle lacks it. */
function enumIn(schemas: Record<string, Schema>, source: { schema: string[]; property?: string }): unknown[] | undefined {
  const wanted = source.schema.map((name) => name.toLowerCase());
  const schema = Object.entries(schemas).find(([name]) => wanted.includes(name.toLowerCase()))?.[1];
  const values = source.property ? schema?.properties?.[source.property]?.enum : schema?.enum;
  return values?.filter((value) => value !== null);
}

describe("enum value lists of the main entry point", () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    it(`${name} is the ${source.schema[0]}${source.property ? `.${source.property}` : ""} enum of every bundled API version`, () => {
      const found = bundles().flatMap(({ file, schemas }) => {
        const values = enumIn(schemas, source);
        return values ? [{ file, values }] : [];
      });
      expect(found.map((f) => f.file), "the v2025 bundle has it").to.include("v2025.json");
      for (const { file, values } of found) expect(sdk[name], `${name} vs ${file}`).to.deep.equal(values);
    });
  }
});
