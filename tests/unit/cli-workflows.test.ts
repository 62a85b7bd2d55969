/**
 * The shell steps of the GitOps workflows (examples/gitops/.github/workflows) run as GitHub would run them, with a
 * stand-in `pulumi` that prints JSON the real CLI printed (tests/fixtures/cli) and `npx` running this checkout's
 * command: the drift job fails exactly when something drifted and puts the report in the job summary; the pull-request
 * step writes the comment and reports the status.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import MarkdownIt from "markdown-it";
import { fixture, manyDrifted } from "./drift-previews";

const REPO = path.resolve(__dirname, "..", "..");
const WORKFLOWS = path.join(REPO, "examples", "gitops", ".github", "workflows");

interface Workflow {
  jobs: Record<string, { env?: Record<string, string>; steps: Array<{ name?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown> }> }>;
}

const workflow = (file: string) => yaml.load(fs.readFileSync(path.join(WORKFLOWS, file), "utf8")) as Workflow;
const job = (file: string) => Object.values(workflow(file).jobs)[0];
const step = (file: string, name: string) => job(file).steps.find((s) => s.name === name)!.run!;

/**
 * Runs `script` as a workflow `run:` step (`bash -e`), in a scratch infra/ directory, with stand-in tools: `pulumi`
 * prints the fixture (a name in tests/fixtures/cli, or JSON) for `--json`, else the diff text.
 */
function runStep(script: string, fixture: string | { json: string; diff: string }): { status: number; summary: string; output: string; dir: string; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-step-"));
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin);
  let json = path.join(REPO, "tests", "fixtures", "cli", `${String(fixture)}.json`);
  const diff = path.join(dir, "diff.txt");
  fs.writeFileSync(diff, typeof fixture === "string" ? "Previewing update (prod):\n" : fixture.diff);
  if (typeof fixture !== "string") fs.writeFileSync((json = path.join(dir, "preview-fixture.json")), fixture.json);
  fs.writeFileSync(path.join(bin, "pulumi"), `#!/bin/sh\ncase " $* " in *" --json "*) cat '${json}';; *) cat '${diff}';; esac\n`, { mode: 0o755 });
  const tsx = require.resolve("tsx/cjs");
  fs.writeFileSync(
    path.join(bin, "npx"),
    `#!/bin/sh\n[ "$1" = pulumi-sailpoint-isc ] || exit 127\nshift\nexec '${process.execPath}' --require '${tsx}' '${path.join(REPO, "cli", "index.ts")}' "$@"\n`,
    { mode: 0o755 },
  );
  const summary = path.join(dir, "summary.md");
  const output = path.join(dir, "output.txt");
  fs.writeFileSync(summary, "");
  fs.writeFileSync(output, "");
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, STACK: "acme/isc/prod" };
  const result = spawnSync("bash", ["-e", "-c", script], { cwd: dir, env, encoding: "utf8" });
  return { status: result.status ?? -1, summary: fs.readFileSync(summary, "utf8"), output: fs.readFileSync(output, "utf8"), dir, stdout: result.stdout };
}

describe("GitOps workflows (examples/gitops)", function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("run on Node.js 22 or 24 and call the package's command, not a script of their own", () => {
    for (const file of ["pulumi-preview.yml", "pulumi-drift.yml", "pulumi-deploy.yml"]) {
      const setup = job(file).steps.find((s) => s.uses?.startsWith("actions/setup-node"))!;
      expect([22, 24], file).to.include(setup.with!["node-version"]);
      expect(job(file).steps.some((s) => s.run?.includes("node -e")), file).to.equal(false);
    }
  });

  it("deploy refreshes first (`pulumi up --refresh`), so it puts back what drifted", () => {
    const up = job("pulumi-deploy.yml").steps.find((s) => s.uses?.startsWith("pulumi/actions"))!;
    expect(up.with).to.deep.include({ command: "up", refresh: true });
  });

  it("drift: fails the job when something drifted, with the report in the job summary", () => {
    for (const fixture of ["drift-owned-fields", "drift-deleted", "drift-expired"]) {
      const run = runStep(step("pulumi-drift.yml", "Check for drift"), fixture);
      dirs.push(run.dir);
      expect(run.status, fixture).to.equal(1);
      expect(run.summary).to.match(/^## ISC drift report\n\n\*\*\d+ resources? differs? from the program\*\*/);
    }
  });

  it("drift: passes when nothing drifted, and says so in the job summary", () => {
    for (const fixture of ["drift-clean", "drift-not-owned"]) {
      const run = runStep(step("pulumi-drift.yml", "Check for drift"), fixture);
      dirs.push(run.dir);
      expect(run.status, fixture).to.equal(0);
      expect(run.summary).to.match(/No drift: all 5 resources match the program\./);
    }
  });

  it("pull request: the comment holds the report and the --diff text; the step itself passes whatever the report found", () => {
    const run = runStep(step("pulumi-preview.yml", "Preview against what ISC holds now"), "drift-owned-fields");
    dirs.push(run.dir);
    expect(run.status).to.equal(0);
    expect(run.output).to.equal("status=1\n");
    const comment = fs.readFileSync(path.join(run.dir, "report.md"), "utf8");
    expect(comment).to.match(/^## ISC preview for this pull request\n/);
    expect(comment).to.include("| `name` | `\"dr-va\"` | `\"dr-va-renamed\"` | changed in ISC |");
    expect(comment).to.match(/<details><summary><code>pulumi preview --diff<\/code><\/summary>\n\n```\nPreviewing update \(prod\):\n```\n<\/details>\n$/);
  });

  it("pull request: 100 drifted resources and a long diff text still make one comment GitHub accepts (65,536 characters), tenant text inert", () => {
    const { doc } = manyDrifted(100);
    const diff = `Previewing update (prod):\n${"~ description: \"edited\"\n".repeat(5000)}\`\`\`\n<img src=x onerror=alert(1)> @octocat\n\`\`\`\`\n`;
    const run = runStep(step("pulumi-preview.yml", "Preview against what ISC holds now"), { json: JSON.stringify(doc), diff });
    dirs.push(run.dir);
    expect(run.output).to.equal("status=1\n");
    const comment = fs.readFileSync(path.join(run.dir, "report.md"), "utf8");
    expect(comment.length).to.be.at.most(65_536);
    expect(comment).to.match(/\*\*The report is cut short\*\* to stay within 40000 characters .*: \d+ resources and \d+ field differences left out\./);
    // The diff text's own backticks do not end its code block: nothing of it is markup.
    const html = new MarkdownIt({ html: true, linkify: true }).render(comment).replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, "");
    expect(html).not.to.include("<img");
    expect(html).not.to.include("@octocat");
    expect(html.trimEnd().endsWith("</details>")).to.equal(true);
  });

  it("pull request: backticks in the diff text (a tenant's value) do not end its code block", () => {
    const diff = "Previewing update (prod):\n  ~ description: \"a\n```\n<img src=x onerror=alert(1)> @octocat [x](https://evil.example)\n\"\n";
    const run = runStep(step("pulumi-preview.yml", "Preview against what ISC holds now"), { json: fixture("drift-clean"), diff });
    dirs.push(run.dir);
    const html = new MarkdownIt({ html: true, linkify: true }).render(fs.readFileSync(path.join(run.dir, "report.md"), "utf8"));
    const outside = html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, "");
    for (const injected of ["<img", "@octocat", "evil.example"]) expect(outside, injected).not.to.include(injected);
  });

  it("pull request: a preview that printed no JSON gives status 2 and a comment that says it failed", () => {
    const run = runStep(step("pulumi-preview.yml", "Preview against what ISC holds now"), "no-such-fixture");
    dirs.push(run.dir);
    expect(run.output).to.equal("status=2\n");
    expect(fs.readFileSync(path.join(run.dir, "report.md"), "utf8")).to.match(/^## ISC preview for this pull request\n\nThe preview failed: see the job log\.\n/);
    expect(job("pulumi-preview.yml").steps.find((s) => s.name === "Fail when the preview failed")).to.deep.include({ if: "steps.preview.outputs.status == '2'" });
  });
});
