import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
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

  it("keeps the sections the project's README has, and links every page of docs/", () => {
    // "The native package (every language)" is also named by the SDKs' READMEs (sdks/codegen/main.go).
    for (const title of ["Install", "A first `pulumi up`", "The two commands", "Configuration", "Resources", "The dynamic classes (TypeScript, JavaScript)", "The native package (every language)", "Compatibility", "Limitations", "Troubleshooting", "Development", "License"]) {
      expect(README, title).to.include(`\n## ${title}\n`);
    }
    const pages = readdirSync(path.resolve(__dirname, "../../docs")).filter((f) => f.endsWith(".md"));
    expect(pages).to.include("drift.md");
    for (const page of pages) expect(README, `docs/${page}`).to.include(`](docs/${page}`);
  });

  it("documents every configuration key with its environment variable", () => {
    for (const { key, env } of Object.values(SETTING_NAMES)) {
      expect(README).to.match(new RegExp(`\`${key}\`[^\\n]*\\| \`${env}\``));
    }
  });
});
