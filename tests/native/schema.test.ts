import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTING_NAMES } from "../../provider/config";
import { outputNames, type OutputType, type ResourceSchema } from "../../provider/engine/schema";
import { LOOKUPS } from "../../provider/lookups";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClientSchema } from "../../provider/schemas/managed-client";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";
import { packageSchema, type PackageSchema } from "../../native/schema/index";
import type { TypeSpec } from "../../native/schema/spec";
import { generatedFiles, packageVersion } from "../../native/schema/generated";
import { enumValueName, enumValues } from "../../native/schema/enum-names";
import { pulumiMetaschema } from "./metaschema";

const TABLES: ResourceSchema[] = [managedClusterSchema, managedClientSchema, clusterLogConfigSchema, oauthClientSchema];
const root = join(__dirname, "..", "..");

type Spec = TypeSpec & { enum?: Array<{ value: unknown }>; properties?: Record<string, Spec> };

/** Checks a schema type reference against a table's type, resolving named types; returns the mismatches. */
function typeProblems(schema: PackageSchema, spec: Spec, type: OutputType, at: string): string[] {
  const named = (): Spec | undefined => (spec.$ref?.startsWith("#/types/") ? (schema.types[spec.$ref.slice(8)] as Spec | undefined) : undefined);
  switch (type.kind) {
    case "string":
    case "boolean":
    case "integer":
    case "number":
      return spec.type === type.kind && !spec.$ref ? [] : [`${at}: expected ${type.kind}, got ${JSON.stringify(spec)}`];
    case "any":
      return spec.$ref === "pulumi.json#/Any" ? [] : [`${at}: expected Any`];
    case "enum": {
      const values = named()?.enum?.map((v) => v.value);
      return JSON.stringify(values) === JSON.stringify(type.values) ? [] : [`${at}: enum values ${JSON.stringify(values)} != ${JSON.stringify(type.values)}`];
    }
    case "map":
      if (spec.type !== "object" || !spec.additionalProperties) return [`${at}: expected a map`];
      return typeProblems(schema, spec.additionalProperties, type.values, `${at}{}`);
    case "set":
    case "list":
      if (spec.type !== "array" || !spec.items) return [`${at}: expected an array`];
      return typeProblems(schema, spec.items, type.items, `${at}[]`);
    case "object": {
      const object = named();
      if (!object?.properties) return [`${at}: expected the object type ${type.name}`];
      const problems = Object.keys(object.properties).sort().join() === Object.keys(type.properties).sort().join() ? [] : [`${at}: properties differ`];
      for (const [name, p] of Object.entries(type.properties)) problems.push(...typeProblems(schema, object.properties[name] ?? {}, p.type, `${at}.${name}`));
      return problems;
    }
  }
}

describe("native package schema", function () {
  const schema = packageSchema({ version: packageVersion() });

  describe("against Pulumi's metaschema (pkg/v3 codegen/schema/pulumi.json)", function () {
    this.timeout(120_000);
    let validate: ReturnType<Ajv2020["compile"]>;
    before(function () {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      validate = ajv.compile(pulumiMetaschema());
    });

    it("the generated schema is valid", function () {
      const ok = validate(JSON.parse(JSON.stringify(schema)));
      expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).to.deep.equal([]);
      expect(ok).to.equal(true);
    });

    it("the validator rejects a malformed schema (the check can fail)", function () {
      const broken = JSON.parse(JSON.stringify(schema)) as { resources: Record<string, { inputProperties: Record<string, { type: string }> }> };
      broken.resources["sailpoint:index:ManagedCluster"].inputProperties.name.type = "text";
      expect(validate(broken)).to.equal(false);
    });
  });

  describe("agrees with the field tables", function () {
    for (const table of TABLES) {
      describe(table.type, function () {
        const resource = () => schema.resources[`sailpoint:index:${table.type}`];

        it("has every field as an input, with its type, doc, default and required flag", function () {
          const spec = resource();
          expect(Object.keys(spec.inputProperties)).to.deep.equal(table.fields.map((f) => f.name));
          expect(spec.requiredInputs ?? []).to.deep.equal(table.fields.filter((f) => f.required).map((f) => f.name));
          for (const field of table.fields) {
            const input = spec.inputProperties[field.name];
            expect(typeProblems(schema, input, field.type, field.name)).to.deep.equal([]);
            expect(input.description, field.name).to.include(field.doc);
            expect(input.default, `${field.name} default`).to.equal(field.default);
          }
        });

        it("replaces on exactly the fields whose update is replace", function () {
          const spec = resource();
          const replacing = Object.entries(spec.inputProperties).filter(([, p]) => p.replaceOnChanges).map(([n]) => n);
          expect(replacing).to.deep.equal(table.fields.filter((f) => f.update === "replace").map((f) => f.name));
          for (const name of replacing) expect(spec.properties[name].replaceOnChanges, name).to.equal(true);
        });

        it("has every output, typed, with exactly the secret outputs marked secret", function () {
          const spec = resource();
          expect(Object.keys(spec.properties).sort()).to.deep.equal(outputNames(table).sort());
          const secret = Object.entries(spec.properties).filter(([, p]) => p.secret).map(([n]) => n);
          expect(secret.sort()).to.deep.equal([...(table.secretOutputs ?? [])].sort());
          for (const [name, out] of Object.entries(table.serviceOutputs)) {
            const outName = table.liveNames?.[name] ?? name;
            expect(typeProblems(schema, spec.properties[outName], out.type, outName)).to.deep.equal([]);
            expect(spec.properties[outName].description).to.equal(out.doc);
          }
          for (const [name, out] of Object.entries(table.extraOutputs ?? {})) {
            expect(typeProblems(schema, spec.properties[name], out.type, name)).to.deep.equal([]);
          }
        });
      });
    }

    it("has no resource the tables do not have", function () {
      expect(Object.keys(schema.resources).sort()).to.deep.equal(TABLES.map((t) => `sailpoint:index:${t.type}`).sort());
    });

    it("marks the OAuth client secret and the managed client key secret", function () {
      expect(schema.resources["sailpoint:index:OAuthClient"].properties.secret.secret).to.equal(true);
      expect(schema.resources["sailpoint:index:ManagedClient"].properties.secret.secret).to.equal(true);
    });

    it("has every provider setting as config and provider input, the client secret secret", function () {
      const keys = Object.values(SETTING_NAMES).map((s) => s.key.replace(/^sailpoint:/, ""));
      expect(Object.keys(schema.config.variables)).to.deep.equal(keys);
      expect(Object.keys(schema.provider.inputProperties)).to.deep.equal(keys);
      expect(keys).to.include.members(["baseUrl", "clientId", "clientSecret", "apiVersion", "rateLimit", "requestTimeoutSeconds"]);
      for (const setting of Object.values(SETTING_NAMES)) {
        const key = setting.key.replace(/^sailpoint:/, "");
        const secret = "secret" in setting && setting.secret === true;
        expect(schema.config.variables[key].secret ?? false, key).to.equal(secret);
        expect(schema.provider.inputProperties[key].secret ?? false, key).to.equal(secret);
        expect(schema.config.variables[key].description, key).to.include(setting.env);
      }
      expect(schema.provider.properties.clientSecret.secret).to.equal(true);
    });

    it("has every lookup as a function with its arguments", function () {
      expect(Object.keys(schema.functions).sort()).to.deep.equal(Object.keys(LOOKUPS).map((n) => `sailpoint:index:${n}`).sort());
      for (const [name, lookup] of Object.entries(LOOKUPS)) {
        const fn = schema.functions[`sailpoint:index:${name}`];
        expect(Object.keys(fn.inputs.properties), name).to.deep.equal(Object.keys(lookup.args));
        expect(fn.inputs.required ?? [], name).to.deep.equal(Object.entries(lookup.args).filter(([, a]) => a.required).map(([n]) => n));
        for (const [arg, spec] of Object.entries(lookup.args)) {
          expect(typeProblems(schema, fn.inputs.properties[arg], spec.type, `${name}.${arg}`)).to.deep.equal([]);
        }
        if (lookup.returns === "list") expect(fn.outputs.properties.items.type, name).to.equal("array");
        else expect(fn.outputs.properties, name).to.not.have.property("items");
      }
    });

    it("describes a lookup result with the API's fields and never a secret", function () {
      const cluster = schema.functions["sailpoint:index:getManagedCluster"].outputs.properties;
      expect(cluster).to.include.keys("id", "name", "type", "configuration", "status", "clientIds", "ccgVersion");
      expect(cluster).to.not.have.any.keys("importId", "liveConfiguration", "removeClientsOnDelete");
      const oauth = schema.functions["sailpoint:index:getOAuthClient"].outputs.properties;
      expect(oauth).to.include.keys("id", "grantTypes", "scope", "created", "lastUsed");
      expect(oauth).to.not.have.any.keys("secret", "secretKnown");
      const status = schema.functions["sailpoint:index:getManagedClientStatus"].outputs;
      expect(Object.keys(status.properties)).to.deep.equal(["body", "status", "type", "timestamp"]);
    });
  });

  describe("enum value names (what the SDKs call the values)", function () {
    it("name every value of every enum, PascalCase words of the value", function () {
      const enums = Object.entries(schema.types).flatMap(([tok, t]) => ("enum" in t ? [[tok, t.enum] as const] : []));
      expect(enums).to.have.length.greaterThan(5);
      for (const [tok, values] of enums) {
        for (const v of values) expect(v.name, `${tok} ${v.value}`).to.equal(enumValueName(v.value)).and.match(/^[A-Z][A-Za-z0-9]*$/);
      }
      const grantTypes = schema.types["sailpoint:index:GrantType"];
      expect("enum" in grantTypes && grantTypes.enum[0]).to.deep.equal({ name: "ClientCredentials", value: "CLIENT_CREDENTIALS" });
    });

    it("split words at separators and case changes", function () {
      const cases: Record<string, string> = {
        CLIENT_CREDENTIALS: "ClientCredentials",
        "das-rc": "DasRc",
        idn: "Idn",
        VA: "Va",
        spConnectCluster: "SpConnectCluster",
        IIQ_HARVESTER: "IiqHarvester",
        NO_CLIENTS: "NoClients",
        "saml2 bearer": "Saml2Bearer",
      };
      for (const [value, name] of Object.entries(cases)) expect(enumValueName(value), value).to.equal(name);
    });

    it("refuse a value with no name that starts with a letter, and two values of one enum with one name", function () {
      expect(() => enumValueName("1h")).to.throw(/enum value "1h" needs a name that starts with a letter/);
      expect(() => enumValueName("--")).to.throw(/enum value "--"/);
      expect(() => enumValues("ClusterType", ["das-rc", "DAS_RC"])).to.throw(/"das-rc" and "DAS_RC" of ClusterType are both named DasRc/);
    });
  });

  describe("committed files", function () {
    it("equal what `npm run gen` writes", function () {
      for (const [path, text] of Object.entries(generatedFiles())) {
        let committed: string | undefined;
        try {
          committed = readFileSync(join(root, path), "utf8");
        } catch {
          committed = undefined;
        }
        expect(committed === text, `${path} is stale: run npm run gen`).to.equal(true);
      }
    });
  });
});
