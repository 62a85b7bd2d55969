import { expect } from "chai";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import ts from "typescript";
import { EXAMPLES } from "../../native/schema/examples";
import { packageSchema } from "../../native/schema/index";
import { pageName, referencePages } from "../../native/schema/reference";

const root = join(__dirname, "..", "..");
const schema = packageSchema();
const pages = referencePages(schema);

/** The fenced code blocks of a language in a page. */
function blocks(page: string, language: string): string[] {
  return [...page.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
}

const all = (language: string) => Object.values(pages).flatMap((page) => blocks(page, language));

describe("native reference docs", function () {
  this.timeout(60_000);

  it("has a page per resource and one for the provider and lookups", function () {
    const expected = Object.keys(schema.resources).map((t) => `docs/reference/${pageName(t.split(":")[2])}`);
    expect(Object.keys(pages).sort()).to.deep.equal([...expected, "docs/reference/provider.md"].sort());
    expect(pageName("OAuthClient")).to.equal("oauth-client.md");
  });

  for (const [tok, resource] of Object.entries(schema.resources)) {
    const type = tok.split(":")[2];
    it(`${type}: every input, output, replacing field, the import command and an example in each language`, function () {
      const page = pages[`docs/reference/${pageName(type)}`];
      for (const name of Object.keys(resource.properties)) expect(page, name).to.include(`| \`${name}\` |`);
      for (const [name, p] of Object.entries(resource.inputProperties)) {
        if (p.replaceOnChanges) expect(page).to.match(new RegExp(`\\| \`${name}\` \\|[^\\n]*\\*\\*replace\\*\\*`));
      }
      expect(page).to.include(`pulumi import ${tok} <name> <id>`);
      for (const language of ["ts", "yaml", "python", "go"]) expect(blocks(page, language), language).to.have.length.greaterThan(0);
    });
  }

  it("examples set only inputs of their resource, and every required one", function () {
    for (const example of Object.values(EXAMPLES)) {
      for (const r of example.resources) {
        const spec = schema.resources[`sailpoint:index:${r.type}`];
        expect(Object.keys(spec.inputProperties), r.type).to.include.members(Object.keys(r.args));
        expect(Object.keys(r.args), r.type).to.include.members(spec.requiredInputs ?? []);
      }
    }
  });

  it("YAML programs parse and use the package's types and inputs", function () {
    for (const text of all("yaml")) {
      const doc = load(text) as { resources?: Record<string, { type: string; properties?: Record<string, unknown> }> };
      for (const r of Object.values(doc.resources ?? {})) {
        if (r.type === "pulumi:providers:sailpoint") {
          expect(Object.keys(schema.provider.inputProperties)).to.include.members(Object.keys(r.properties ?? {}));
          continue;
        }
        expect(schema.resources, r.type).to.have.property(r.type);
        expect(Object.keys(schema.resources[r.type].inputProperties)).to.include.members(Object.keys(r.properties ?? {}));
      }
    }
  });

  it("TypeScript examples type-check against the native classes", function () {
    const dir = mkdtempSync(join(tmpdir(), "sailpoint-docs-ts-"));
    try {
      const files = all("ts")
        .filter((code) => code.includes("import * as sailpoint"))
        .map((code, i) => {
          const file = join(dir, `example${i}.ts`);
          writeFileSync(file, code);
          return file;
        });
      expect(files).to.have.length.greaterThan(4);
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: ["node"],
        typeRoots: [join(root, "node_modules", "@types")],
        baseUrl: root,
        paths: { "pulumi-sailpoint-isc/native": ["native-sdk/index.ts"], "@pulumi/pulumi": ["node_modules/@pulumi/pulumi"] },
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(diagnostics).to.deep.equal([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("Python examples parse", function () {
    if (spawnSync("python3", ["--version"]).status !== 0) this.skip();
    for (const code of all("python")) {
      execFileSync("python3", ["-c", "import ast, sys; ast.parse(sys.stdin.read())"], { input: code });
    }
  });

  it("Go examples are gofmt-clean programs", function () {
    const programs = all("go").filter((code) => code.startsWith("package main"));
    expect(programs).to.have.length(Object.keys(EXAMPLES).length + 1);
    for (const code of programs) {
      const out = execFileSync("gofmt", ["-l"], { input: code, encoding: "utf8" });
      expect(out.trim(), code).to.equal("");
    }
  });
});
