/**
 * adopt with hostile tenant text, on the emulator: the generated program's comments and string literals hold the
 * tenant's names and logger names as data (its values exactly, nothing that ends a comment line, steers a terminal or
 * reorders the source), stdout and stderr carry no control characters through the command's own entry point, a
 * `__proto__` map key is named and never silently dropped, and an object whose name is not a string is a clear error.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import ts from "typescript";
import { main } from "../../cli/index";
import { IscEmulator } from "../../emulator";

const REPO = path.resolve(__dirname, "..", "..");
const TERMINAL = "\u001b[31mred\u001b[0m \u009b2J\u0085\u202eevil\u2067\u2028x\ufeff";
const LINES = "a\n::error::pwned\r\n##[warning]legacy\n*/ end";
/** Characters that must never reach stdout or stderr as they are (line feeds are the commands' own). */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tsx cli/index.ts adopt ...` against the emulator (served by this process, so the child runs asynchronously). */
function entryPoint(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ["--require", require.resolve("tsx/cjs"), path.join(REPO, "cli", "index.ts"), ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function expectInert(text: string, label: string): void {
  for (const line of text.split("\n")) expect(line, `${label}: a workflow command at a line start`).not.to.match(/^\s*(::|##\[)/);
  expect(text, label).not.to.match(UNSAFE);
}

/** The arguments the program declares the object with `importId` with, evaluated (another resource's id: "<ref>"). */
function declared(program: string, importId: string): Record<string, unknown> {
  const start = program.lastIndexOf(", {\n", program.indexOf(`importId: "${importId}"`));
  const body = program.slice(start + 2, program.indexOf("\n});", start) + 2).replace(/: \w+\.id,$/gm, ': "<ref>",');
  return new Function(`return (${body});`)() as Record<string, unknown>;
}

describe("adopt: tenant text is data", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let env: Record<string, string>;
  const ids: Record<string, string> = {};

  async function adopt(...args: string[]): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const code = await main(["adopt", ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
    return { code, stdout, stderr };
  }

  before(async () => {
    emulator = await IscEmulator.start({ rateLimit: false });
    env = { SAIL_BASE_URL: emulator.url, SAIL_CLIENT_ID: emulator.credentials.clientId, SAIL_CLIENT_SECRET: emulator.credentials.clientSecret };
    const cluster = emulator.seedCluster({ name: `prod ${TERMINAL}`, description: `${LINES} ${TERMINAL}`, configuration: { [`key ${LINES}`]: TERMINAL } });
    ids.cluster = cluster.id;
    // A configuration key made in ISC that no program can declare, and a logger of that name.
    emulator.mutateCluster(cluster.id, (c) => Object.defineProperty(c.configuration, "__proto__", { value: "from-the-ui", enumerable: true, configurable: true, writable: true }));
    emulator.setLogConfig(cluster.id, { rootLevel: "WARN", logLevels: JSON.parse(`{"sailpoint.a": "DEBUG", "__proto__": "TRACE", ${JSON.stringify(`x.${LINES}${TERMINAL}`)}: "INFO"}`), durationMinutes: 60 });
    ids.client = emulator.seedManagedClient({ clusterId: cluster.id, name: `va ${LINES}`, description: TERMINAL }).id;
    ids.oauth = emulator.seedOAuthClient({ name: `ci ${TERMINAL}`, description: `${LINES}`, scope: ["idn:remote-client:read"] }).client.id;
  });
  after(async () => emulator?.stop());

  it("through the entry point: no control character or workflow command reaches stdout or stderr", async () => {
    const run = await entryPoint(["adopt"], env);
    expect(run.code, run.stderr).to.equal(0);
    expectInert(run.stdout, "stdout");
    expectInert(run.stderr, "stderr");
  });

  it("the program keeps each value exactly, in literals that escape it, and parses as TypeScript (no comment is broken)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adopt-safety-"));
    const out = path.join(dir, "index.ts");
    const run = await adopt("--out", out, "--include-log-configs");
    expect(run.code, run.stderr).to.equal(0);
    const program = fs.readFileSync(out, "utf8");
    fs.rmSync(dir, { recursive: true, force: true });
    expectInert(program, "the program");
    const source = ts.createSourceFile("index.ts", program, ts.ScriptTarget.ES2022, true);
    expect((source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => d.messageText)).to.deep.equal([]);
    expect(declared(program, ids.cluster)).to.deep.equal({
      importId: ids.cluster,
      name: `prod ${TERMINAL}`,
      description: `${LINES} ${TERMINAL}`,
      configuration: { [`key ${LINES}`]: TERMINAL },
    });
    expect(declared(program, ids.client)).to.deep.include({ name: `va ${LINES}`, description: TERMINAL, clusterId: "<ref>" });
    expect(declared(program, ids.oauth)).to.deep.include({ name: `ci ${TERMINAL}`, description: LINES });
    // Every statement is a declaration: nothing of the tenant's text became code.
    const other = source.statements.filter((s) => !ts.isImportDeclaration(s) && !ts.isVariableStatement(s) && !ts.isExpressionStatement(s));
    expect(other.map((s) => s.getText())).to.deep.equal([]);
    expect(source.statements.filter(ts.isExpressionStatement).every((s) => ts.isNewExpression(s.expression))).to.equal(true);
  });

  it("log levels listed as comments: a logger's line breaks and controls stay inside one comment line", async () => {
    const run = await adopt();
    const comment = run.stdout.split("\n").find((l) => l.includes("rootLevel WARN"))!;
    expect(comment).to.match(/^\/\/ {3}rootLevel WARN; /);
    expect(comment).to.include("x.a\\u000a::error::pwned\\u000d\\u000a##[warning]legacy\\u000a*/ end\\u001b[31mred");
    expectInert(run.stdout, "stdout");
  });

  it("a `__proto__` configuration key or logger is never dropped silently: a WARNING names the object and the key", async () => {
    const run = await adopt("--include-log-configs");
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).not.to.match(/^\s*"?__proto__"?:/m);
    expect(run.stdout).to.include('// WARNING: configuration key "__proto__" is not declared: Pulumi\'s serialization of inputs drops a key of that');
    const stderr = run.stderr.split("\n");
    expect(stderr.find((l) => l.includes('configuration key "__proto__"'))).to.match(
      new RegExp(`^adopt: ManagedCluster \\S+ \\(${ids.cluster}\\): configuration key "__proto__" is not declared: .*it stays in ISC as it is, not managed by the program\\.$`),
    );
    expect(stderr.find((l) => l.includes('logLevels key "__proto__"'))).to.match(
      new RegExp(`^adopt: ClusterLogConfig \\S+ \\(${ids.cluster}\\): logLevels key "__proto__" is not declared: .*\`pulumi up\` sends logLevels without it, which removes it from ISC\\.$`),
    );
  });
});

describe("adopt: an object whose name is not a string", function () {
  this.timeout(60_000);
  const cases: Array<[string, (e: IscEmulator) => string, RegExp]> = [
    ["a cluster named 42", (e) => e.seedCluster({ name: 42 as unknown as string }).id, /ISC's managed cluster "(\w+)" has a "name" that is not a string \(a number: 42\)/],
    [
      "a managed client whose clusterId is a number",
      (e) => {
        const client = e.seedManagedClient({ clusterId: e.seedCluster({ name: "c" }).id, name: "va" });
        e.store.mutateManagedClient(client.id, (c) => ((c as unknown as Record<string, unknown>).clusterId = 7));
        return client.id;
      },
      /ISC's managed client "([\w-]+)" has a "clusterId" that is not a string \(a number: 7\)/,
    ],
    ["an OAuth client named with an object", (e) => e.seedOAuthClient({ name: { en: "ci" } as unknown as string }).client.id, /ISC's OAuth client "([\w-]+)" has a "name" that is not a string \(an object: \{"en":"ci"\}\)/],
  ];
  for (const [label, seed, message] of cases) {
    it(`${label}: exit 1 and an error naming the object and the field, nothing on stdout`, async () => {
      const emulator = await IscEmulator.start({ rateLimit: false });
      const id = seed(emulator);
      const env = { SAIL_BASE_URL: emulator.url, SAIL_CLIENT_ID: emulator.credentials.clientId, SAIL_CLIENT_SECRET: emulator.credentials.clientSecret };
      let stdout = "";
      let stderr = "";
      const code = await main(["adopt"], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env }).finally(() => emulator.stop());
      expect(code).to.equal(1);
      expect(stdout).to.equal("");
      expect(stderr).to.match(message);
      expect(message.exec(stderr)![1]).to.equal(id);
    });
  }
});
