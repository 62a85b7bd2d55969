import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SETTING_NAMES } from "../../provider/config";
import { outputNames, type ResourceSchema } from "../../provider/engine/schema";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClientSchema } from "../../provider/schemas/managed-client";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";

const README = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

function section(title: string): string {
  const start = README.indexOf(`### ${title}\n`);
  expect(start, `README has a "### ${title}" section`).to.be.greaterThan(-1);
  const end = README.indexOf("\n### ", start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

/** Keeps the README's reference tables true: every input, output and setting is documented. */
describe("README reference", () => {
  for (const schema of [managedClusterSchema, managedClientSchema, clusterLogConfigSchema, oauthClientSchema] as ResourceSchema[]) {
    it(`documents every input and output of ${schema.type}`, () => {
      const text = section(schema.type);
      for (const name of outputNames(schema)) expect(text, `${schema.type}.${name}`).to.include(`\`${name}\``);
      for (const field of schema.fields.filter((f) => f.update === "replace")) {
        expect(text, `${schema.type}.${field.name} is marked as replacing`).to.match(new RegExp(`\`${field.name}\`[^\\n]*\\*\\*replace\\*\\*`));
      }
    });
  }

  it("documents every configuration key with its environment variable", () => {
    for (const { key, env } of Object.values(SETTING_NAMES)) {
      expect(README).to.match(new RegExp(`\`${key}\`[^\\n]*\\| \`${env}\``));
    }
  });
});
