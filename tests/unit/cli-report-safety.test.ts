/**
 * drift-report with hostile text from the tenant (and the preview): rendered by a real Markdown parser, the report has
 * no markup, link, mention or line of the tenant's; stdout has no terminal control and no workflow command at a line
 * start; a long report stays under GitHub's comment limit and says what it left out; a byte-order mark is read; no
 * value of a secret map is printed. In process through `main`, and through the command's own entry point.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { main } from "../../cli/index";
import { fixture, manyDrifted, step, stepsOf, type PreviewDoc } from "./drift-previews";

const REPO = path.resolve(__dirname, "..", "..");

/** Text a tenant can put in a description, a configuration key, a logger name or a service error. */
const MARKUP = "x`` <img src=x onerror=alert(1)> [click](https://evil.example/a) @octocat **bold** <!-- https://evil.example/b ``y";
const LINES = "k\n## Injected heading\n::error::pwned\r\n::add-mask::abc\n##[warning]legacy\n<div>block</div>\n\n| fake | row |";
const TERMINAL = "t\u001b[2J\u001b]0;title\u0007\u009b31m\u0085\u202eevil\u2066\u2028x\ufeff";
/** Characters that must never reach stdout as they are (line feeds are the report's own). */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

type Doc = PreviewDoc;

async function report(input: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["drift-report", ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => input });
  return { code, out, err };
}

/** `tsx cli/index.ts drift-report ...`, as a user or a workflow runs it: bytes in, bytes out. */
function entryPoint(args: string[], stdin?: Buffer): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const child = spawn(process.execPath, ["--require", require.resolve("tsx/cjs"), path.join(REPO, "cli", "index.ts"), ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const out: Buffer[] = [];
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  // A command reading a file may exit before taking its (unused) stdin: that EPIPE is not the test's concern.
  child.stdin.on("error", () => undefined);
  child.stdin.end(stdin ?? Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr }));
  });
}

const steps = stepsOf;

/** The owned-fields preview with tenant text in a description, configuration keys, logger names and a name. */
function hostilePreview(): Doc {
  const doc = JSON.parse(fixture("drift-owned-fields")) as Doc;
  const live = step(doc, "va", "update").oldState!;
  live.outputs.description = MARKUP;
  live.inputs.description = MARKUP;
  (live.outputs.configuration as Record<string, string>)[LINES] = "v";
  (live.outputs.configuration as Record<string, string>)[TERMINAL] = MARKUP;
  (live.outputs.liveConfiguration as Record<string, string>)[`new${LINES}`] = TERMINAL;
  const logs = step(doc, "va-logs", "update").oldState!;
  (logs.outputs.logLevels as Record<string, string>)[`sailpoint.${LINES}`] = "DEBUG";
  (logs.outputs.logLevels as Record<string, string>)[MARKUP] = "TRACE";
  // A logical name and another package's type token, as the preview's URNs carry them.
  for (const s of steps(doc, "ci")) s.urn = s.urn.replace(/::ci$/, `::ci${TERMINAL}${MARKUP}`);
  doc.steps.push({ op: "update", urn: `urn:pulumi:dev::drift::evil:index/${MARKUP}:T::pet${LINES}`, oldState: { inputs: {}, outputs: {} }, newState: { inputs: {}, outputs: {} } });
  return doc;
}

const md = new MarkdownIt({ html: true, linkify: true });
/** The rendered HTML outside code spans: what GitHub would turn into markup, links and mentions. */
const outsideCode = (markdown: string) => md.render(markdown).replace(/<code>[\s\S]*?<\/code>/g, "");

function expectInertOutput(out: string): void {
  for (const line of out.split("\n")) expect(line, "a workflow command at a line start").not.to.match(/^\s*(::|##\[)/);
  expect(out).not.to.match(UNSAFE);
}

describe("drift-report: tenant text is data", () => {
  it("markup, links, mentions and HTML from the tenant stay inside code spans (a parser finds none of them)", async () => {
    const { code, out } = await report(JSON.stringify(hostilePreview()));
    expect(code).to.equal(1);
    const html = outsideCode(out);
    for (const injected of ["<img", "<div", "<a ", "<!--", "evil.example", "@octocat", "<strong>bold", "Injected heading", "pwned", "fake"]) {
      expect(html, injected).not.to.include(injected);
    }
    // The text itself is there, as code: the description shown as ISC holds it.
    expect(md.render(out)).to.include("&lt;img src=x onerror=alert(1)&gt; [click](https://evil.example/a) @octocat **bold**");
  });

  it("the tenant's line breaks start no line: the parser sees only the report's own headings and table rows", async () => {
    const { out } = await report(JSON.stringify(hostilePreview()));
    const tokens = md.parse(out, {});
    const headings = tokens.filter((t) => t.type === "heading_open").map((t) => t.tag);
    expect(headings).to.deep.equal(["h2", "h3", "h3", "h3", "h3", "h3"]);
    let cells = 0;
    for (const t of tokens) {
      if (t.type === "tr_open") cells = 0;
      if (t.type === "td_open" || t.type === "th_open") cells++;
      if (t.type === "tr_close") expect(cells).to.be.oneOf([3, 4]);
    }
    expectInertOutput(out);
    // The cluster's rows: each configuration key one row, the key's line breaks shown as escapes.
    expect(out).to.include("`configuration[\"k\\n## Injected heading\\n::error::pwned\\r\\n::add-mask::abc\\n##[warning]legacy\\n<div>block</div>\\n\\n\\| fake \\| row \\|\"]`");
  });

  it("terminal control characters (ESC, C1, bidi overrides, separators) reach stdout only as \\uXXXX, also through the entry point", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-safety-")), "preview.json");
    fs.writeFileSync(file, JSON.stringify(hostilePreview()));
    const { code, stdout, stderr } = await entryPoint(["drift-report", file]);
    expect(code, stderr).to.equal(1);
    const out = stdout.toString("utf8");
    expect(out).not.to.match(UNSAFE);
    expectInertOutput(out);
    expect(out).to.include("t\\u001b[2J\\u001b]0;title\\u0007\\u009b31m\\u0085\\u202eevil\\u2066\\u2028x\\ufeff");
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("a service error with markup and line breaks: one code span per error, nothing of it markup", async () => {
    const prose = "<img src=x onerror=alert(1)> [click](https://evil.example/a) @octocat";
    const failed = { steps: [], diagnostics: [{ severity: "error", message: `ISC said: ${prose} ${MARKUP}\n${LINES}\n${TERMINAL}` }] };
    const { code, out } = await report(JSON.stringify(failed));
    expect(code).to.equal(2);
    expectInertOutput(out);
    const html = outsideCode(out);
    for (const injected of ["<img", "<div", "evil.example", "@octocat", "Injected heading", "pwned"]) expect(html, injected).not.to.include(injected);
    expect(out.split("\n").filter((l) => l.startsWith("- "))).to.have.length(1);
  });

  it("the title is one inert line too", async () => {
    const { out } = await report(fixture("drift-clean"), "--title", `Drift\n::error::x ${TERMINAL}`);
    expectInertOutput(out);
    expect(out.split("\n")[0]).to.equal("## Drift\\u000a::error::x t\\u001b[2J\\u001b]0;title\\u0007\\u009b31m\\u0085\\u202eevil\\u2066\\u2028x\\ufeff");
  });
});

describe("drift-report: a report GitHub can post", () => {
  it("100 drifted clusters: at most 60,000 characters, and the end says how many resources and fields were left out", async () => {
    const { doc, fields } = manyDrifted(100);
    const { code, out } = await report(JSON.stringify(doc));
    expect(code).to.equal(1);
    expect(out.length).to.be.at.most(60_000).and.at.least(55_000);
    expect(out).to.match(/^## ISC drift report\n\n\*\*100 resources differ from the program\*\*/);
    const shownResources = (out.match(/^### ManagedCluster /gm) ?? []).length;
    const shownRows = (out.match(/^\| `(name|description|configuration\[[^|]*)` \|/gm) ?? []).length;
    const note = /\*\*The report is cut short\*\* to stay within 60000 characters \(a GitHub comment holds 65,536\): (\d+) resources and (\d+) field differences left out\./.exec(out);
    expect(note, out.slice(-600)).to.not.equal(null);
    const [resourcesLeft, fieldsLeft] = [Number(note![1]), Number(note![2])];
    expect(resourcesLeft).to.be.greaterThan(0);
    // Every resource is either shown (whole, or its first rows) or counted; every field difference likewise.
    expect(shownResources + resourcesLeft).to.equal(100);
    expect(shownRows + fieldsLeft).to.equal(fields);
    expectInertOutput(out);
  });

  it("--max-length bounds it lower, and refuses a bound too small to hold anything", async () => {
    const { doc } = manyDrifted(10);
    const { out } = await report(JSON.stringify(doc), "--max-length", "5000");
    expect(out.length).to.be.at.most(5000);
    expect(out).to.include("**The report is cut short** to stay within 5000 characters");
    const bad = await report(JSON.stringify(doc), "--max-length", "100");
    expect(bad.code).to.equal(2);
    expect(bad.err).to.match(/--max-length must be a whole number of characters, 2000 at least/);
  });

  it("one resource with more field differences than fit: shown with its first rows, and how many more", async () => {
    const doc = JSON.parse(fixture("drift-owned-fields")) as Doc;
    const live = step(doc, "va-logs", "update").oldState!;
    live.outputs.logLevels = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`sailpoint.connector.Logger${i}`, "TRACE"]));
    const { out } = await report(JSON.stringify(doc));
    expect(out.length).to.be.at.most(60_000);
    const more = /\*(\d+) more owned fields left out here: the report is cut short \(see its end\)\.\*/.exec(out);
    expect(more).to.not.equal(null);
    const rows = (out.match(/^\| `logLevels\[/gm) ?? []).length;
    expect(rows + Number(more![1])).to.equal(3001);
  });
});

describe("drift-report: input as Windows writes it", () => {
  const text = fixture("drift-owned-fields");
  const expected = async () => (await report(text)).out;
  const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();
  const inputs: Array<[string, Buffer]> = [
    ["UTF-8 with a byte-order mark (Out-File -Encoding utf8)", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])],
    // Windows PowerShell's `pulumi preview --json > preview.json`: UTF-16 LE with a mark, CRLF line ends.
    ["UTF-16 LE with a byte-order mark and CRLF (Windows PowerShell's >)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, "\r\n"), "utf16le")])],
    ["UTF-16 BE with a byte-order mark", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
  ];

  for (const [label, bytes] of inputs) {
    it(`${label}: read from a file and from stdin, the same report as UTF-8`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-bom-"));
      const file = path.join(dir, "preview.json");
      fs.writeFileSync(file, bytes);
      const fromFile = await entryPoint(["drift-report", file]);
      const fromStdin = await entryPoint(["drift-report"], bytes);
      fs.rmSync(dir, { recursive: true, force: true });
      for (const run of [fromFile, fromStdin]) {
        expect(run.code, run.stderr).to.equal(1);
        expect(run.stdout.toString("utf8")).to.equal(await expected());
      }
    });
  }

  it("a mark left at the start of text already decoded is no part of the JSON either", async () => {
    expect((await report(`\ufeff${text}`)).out).to.equal(await expected());
  });
});

describe("drift-report: no value of a secret map", () => {
  /** How Pulumi CLI 3.276 prints a map input given as a secret Output, and the outputs a dynamic provider echoes. */
  function secretMaps(liveConfiguration: unknown, deployedConfiguration: unknown): Doc {
    const doc = JSON.parse(fixture("drift-owned-fields")) as Doc;
    const [deployed, live, program] = [step(doc, "va", "refresh").oldState!, step(doc, "va", "update").oldState!, step(doc, "va", "update").newState!];
    for (const state of [deployed, live, program]) state.inputs.configuration = "[secret]";
    deployed.outputs.configuration = deployedConfiguration;
    deployed.outputs.liveConfiguration = { clusterExternalId: "x", gmtOffset: "S3CRET-deployed", ldapBindCredential: "S3CRET-bind-0" };
    live.outputs.configuration = liveConfiguration;
    // An output no input names is printed in plain text by the CLI, even when it echoes a secret input.
    live.outputs.liveConfiguration = { clusterExternalId: "x", gmtOffset: "S3CRET-live", ldapBindCredential: "S3CRET-bind-1" };
    const [logsDeployed, logsLive, logsProgram] = [step(doc, "va-logs", "refresh").oldState!, step(doc, "va-logs", "update").oldState!, step(doc, "va-logs", "update").newState!];
    for (const state of [logsDeployed, logsLive, logsProgram]) state.inputs.logLevels = "[secret]";
    logsLive.outputs.logLevels = { "sailpoint.S3CRET.logger": "TRACE" };
    logsDeployed.outputs.logLevels = "[secret]";
    return doc;
  }

  const cases: Array<[string, unknown, unknown]> = [
    ["the map output marked secret as the CLI prints it", "[secret]", "[secret]"],
    ["the map output in plain text", { gmtOffset: "S3CRET-live-map" }, { gmtOffset: "S3CRET-deployed-map" }],
    ["a serialized secret (ciphertext object)", { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:S3CRET-cipher" }, "[secret]"],
  ];
  for (const [label, liveConfiguration, deployedConfiguration] of cases) {
    it(`configuration and logLevels given as secrets, ${label}: neither keys nor values are printed`, async () => {
      const { out } = await report(JSON.stringify(secretMaps(liveConfiguration, deployedConfiguration)));
      expect(out).not.to.include("S3CRET");
      expect(out).not.to.include("[secret]");
      expect(out).to.include("`liveConfiguration` (secret)");
    });
  }

  it("a secret value inside a plain map: that key's program, ISC and deployed values are all masked", async () => {
    const doc = JSON.parse(fixture("drift-owned-fields")) as Doc;
    const [deployed, live, program] = [step(doc, "va", "refresh").oldState!, step(doc, "va", "update").oldState!, step(doc, "va", "update").newState!];
    for (const state of [deployed, program]) (state.inputs.configuration as Record<string, unknown>).ldapBindCredential = "[secret]";
    (live.outputs.configuration as Record<string, unknown>).ldapBindCredential = "S3CRET-in-clear";
    (live.outputs.liveConfiguration as Record<string, unknown>).ldapBindCredential = "S3CRET-in-clear";
    const { out } = await report(JSON.stringify(doc));
    expect(out).not.to.include("S3CRET");
    expect(out).to.include("| `configuration.ldapBindCredential` | *(secret)* | *(secret)* |");
  });
});
