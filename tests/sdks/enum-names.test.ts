/**
 * The enum constants the reference docs and examples use (native/schema/programs.ts spells them as Pulumi's
 * generators do) are the ones the committed SDKs define: Python `GrantType.CLIENT_CREDENTIALS`, Go
 * `GrantTypeClientCredentials`. fresh.test.ts keeps the SDKs themselves in step with the schema.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "../../native/schema/index";
import { goEnumConst, pyEnumMember } from "../../native/schema/programs";
import type { EnumTypeSpec } from "../../native/schema/spec";

const SDKS = join(__dirname, "..", "..", "sdks");
const enums = Object.entries(packageSchema().types)
  .filter((entry): entry is [string, EnumTypeSpec] => "enum" in entry[1])
  .map(([tok, spec]) => ({ type: tok.slice(tok.lastIndexOf(":") + 1), spec }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("enum constants of the generated SDKs", function () {
  it("the schema has enums to check", function () {
    expect(enums.map((e) => e.type)).to.include.members(["GrantType", "ClusterType", "LogLevel", "ManagedClientType"]);
  });

  it("Python: each value is the member programs.ts names, and no member is spelled from the raw value", function () {
    const source = readFileSync(join(SDKS, "python", "pulumi_sailpoint", "_enums.py"), "utf8");
    for (const { type, spec } of enums) {
      const body = source.split(new RegExp(`^class ${type}\\(_builtins\\.str, Enum\\):\\n`, "m"))[1]?.split(/\n\n/)[0];
      expect(body, `class ${type}`).to.be.a("string");
      const members = spec.enum.map((v) => `    ${pyEnumMember(type, v.name).slice(type.length + 1)} = ${JSON.stringify(v.value)}`);
      expect(body!.split("\n").filter((l) => l.trim()), type).to.deep.equal(members);
    }
    expect(pyEnumMember("GrantType", "ClientCredentials")).to.equal("GrantType.CLIENT_CREDENTIALS");
  });

  it("Go: each value is the constant programs.ts names", function () {
    const source = readFileSync(join(SDKS, "go", "sailpoint", "pulumiEnums.go"), "utf8");
    for (const { type, spec } of enums) {
      for (const v of spec.enum) {
        const line = new RegExp(`^\\t${escape(goEnumConst(type, v.name))}\\s+= ${type}\\(${escape(JSON.stringify(v.value))}\\)$`, "m");
        expect(source, `${type} ${v.value}`).to.match(line);
      }
    }
    expect(goEnumConst("ClusterType", "DasRc")).to.equal("ClusterTypeDasRc");
  });
});
