/**
 * `pulumi-sailpoint-isc drift-report` on JSON the real Pulumi CLI printed for each drift case (tests/fixtures/cli,
 * recorded by tests/cli/drift.test.ts), plus input it cannot read.
 */
import { expect } from "chai";
import { EXAMPLE, README_FILES } from "../../scripts/drift-report-examples";
import * as fs from "node:fs";
import path from "node:path";
import { main } from "../../cli/index";

const FIXTURES = path.join(__dirname, "..", "fixtures", "cli");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8");

async function report(input: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["drift-report", ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => input });
  return { code, out, err };
}

/** The rows of the table under the heading that contains `heading`, as arrays of trimmed cells. */
function rows(markdown: string, heading: string): string[][] {
  const section = markdown.split(/^### /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`no section "${heading}" in:\n${markdown}`);
  return section
    .split("\n")
    .filter((l) => l.startsWith("|") && !l.startsWith("|---"))
    .slice(1)
    .map((l) => l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
}

describe("drift-report on the real CLI's JSON", () => {
  it("owned fields changed out of band: each one, program value and ISC value, and the request up --refresh sends (exit 1)", async () => {
    const { code, out } = await report(fixture("drift-owned-fields"));
    expect(code).to.equal(1);
    expect(out).to.match(/^## ISC drift report\n\n\*\*4 resources differ from the program\*\* \(4 changed in owned fields; 1 unchanged\)/);
    expect(rows(out, "ManagedCluster `va`")).to.deep.equal([
      ["`name`", '`"dr-va"`', '`"dr-va-renamed"`', "changed in ISC"],
      ["`description`", '`"primary"`', '`"edited in the UI"`', "changed in ISC"],
      ["`configuration.debug`", '`"false"`', "*(absent)*", "changed in ISC"],
      ["`configuration.gmtOffset`", '`"-5"`', '`"+1"`', "changed in ISC"],
    ]);
    // The same operations tests/cli/drift.test.ts sees `pulumi up --refresh` send.
    expect(out).to.include("`pulumi up --refresh` sends one JSON Patch: `add /configuration/gmtOffset`, `add /configuration/debug`, `replace /description`, `replace /name`.");
    expect(rows(out, "ManagedClient `va-client`")).to.deep.equal([["`name`", '`"dr-va-1"`', '`"dr-va-1-renamed"`', "changed in ISC"]]);
    expect(out).to.include("`pulumi up --refresh` sends one JSON Patch: `replace /name`.");
    expect(rows(out, "OAuthClient `ci`")).to.deep.equal([["`accessTokenValiditySeconds`", "`750`", "`3600`", "changed in ISC"]]);
    expect(out).to.include("`pulumi up --refresh` sends one JSON Patch: `replace /accessTokenValiditySeconds`; the secret is kept.");
    expect(rows(out, "ClusterLogConfig `va-logs`")).to.deep.equal([
      ["`rootLevel`", '`"INFO"`', '`"WARN"`', "changed in ISC"],
      ['`logLevels["sailpoint.connector.JDBCConnector"]`', '`"DEBUG"`', "*(absent)*", "changed in ISC"],
      ['`logLevels["sailpoint.connector.LDAPConnector"]`', "*(absent)*", '`"TRACE"`', "changed in ISC"],
    ]);
    expect(out).to.include("`pulumi up --refresh` sends one PUT of the whole configuration.");
  });

  it("lists what the service moved by itself separately, as not drift", async () => {
    const { out } = await report(fixture("drift-owned-fields"));
    const notDrift = out.split("\n").filter((l) => l.startsWith("Not drift"));
    expect(notDrift).to.have.length(4);
    expect(notDrift.join("\n")).to.match(/`updatedAt` `"[^"]+"` → `"[^"]+"`/);
    for (const owned of ["`name`", "`description`", "`configuration", "`rootLevel`", "`accessTokenValiditySeconds`"]) expect(notDrift.join("\n")).not.to.include(owned);
  });

  it("what the program does not own (an undeclared key, an omitted scope, status, last use) is no drift (exit 0)", async () => {
    const { code, out } = await report(fixture("drift-not-owned"));
    expect(code).to.equal(0);
    expect(out).to.equal("## ISC drift report\n\nNo drift: all 5 resources match the program.\n");
  });

  it("a cluster and an OAuth client deleted: gone, with the client and log configuration that went with the cluster (exit 1)", async () => {
    const { code, out } = await report(fixture("drift-deleted"));
    expect(code).to.equal(1);
    expect(rows(out, "Gone from ISC")).to.deep.equal([
      ["ManagedCluster `va`", "deleted in ISC", "creates it again (a new id): virtual appliances must be paired with it"],
      ["ManagedClient `va-client`", "gone with its cluster, which was deleted in ISC", "creates it again: a new client and a new key, which the appliance must be set up with, for the new cluster"],
      ["ClusterLogConfig `va-logs`", "gone with its cluster, which was deleted in ISC", "applies it to the new cluster (one PUT)"],
      ["OAuthClient `plain`", "deleted in ISC", "creates it again: a new client id and a new secret"],
    ]);
    expect(out).not.to.include("Log configurations expired");
  });

  it("an expired log configuration: expired, with the end it had (exit 1)", async () => {
    const { code, out } = await report(fixture("drift-expired"));
    expect(code).to.equal(1);
    const [[resource, what, action]] = rows(out, "Log configurations expired");
    expect(resource).to.equal("ClusterLogConfig `va-logs`");
    expect(what).to.match(/^its window ended at `\d{4}-\d\d-\d\dT[\d:.]+Z` \(or it was reset in ISC\)/);
    expect(action).to.equal("applies it again for another window (one PUT)");
    expect(out).not.to.include("Gone from ISC");
  });

  it("after remediation: no drift (exit 0)", async () => {
    const { code, out } = await report(fixture("drift-clean"));
    expect(code).to.equal(0);
    expect(out).to.match(/No drift: all 5 resources match the program\./);
  });

  it("never prints a secret value or the serialized provider", async () => {
    const docs = ["drift-owned-fields", "drift-not-owned", "drift-deleted", "drift-expired", "drift-clean"].map(fixture);
    // The same preview as if the secret output and a secret input were there in clear: they must still not show.
    const doc = JSON.parse(fixture("drift-owned-fields"));
    for (const step of doc.steps) {
      if (!step.urn.endsWith("::ci")) continue;
      for (const state of [step.oldState, step.newState]) {
        if (state?.outputs) state.outputs.secret = step.op === "refresh" ? "clear-secret-old" : "clear-secret-new";
        if (state?.inputs) state.inputs.description = "[secret]";
      }
    }
    docs.push(JSON.stringify(doc));
    for (const text of docs) {
      const { out } = await report(text);
      for (const forbidden of ["__provider", "exports.handler", "pulumi-sailpoint-isc/provider", "[secret]", "clear-secret"]) {
        expect(out, forbidden).not.to.include(forbidden);
      }
    }
    expect((await report(JSON.stringify(doc))).out).to.include("`secret` (secret)");
  });

  it("reads a file, or stdin for `-` and for no argument", async () => {
    const file = path.join(FIXTURES, "drift-clean.json");
    expect((await report("", file)).code).to.equal(0);
    expect((await report(fixture("drift-expired"), "-")).code).to.equal(1);
    expect((await report(fixture("drift-expired"))).code).to.equal(1);
  });

  describe("compares as the provider's diff does (the real JSON, with one resource's values changed)", () => {
    type State = { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    /** The owned-fields preview with the `ci` OAuth client's update step changed by `edit(live, program, deployed)`. */
    async function ciReport(edit: (live: State, program: State, deployed: State) => void, op = "update") {
      const doc = JSON.parse(fixture("drift-owned-fields"));
      const steps = doc.steps.filter((s: { urn: string }) => s.urn.endsWith("::ci"));
      const refresh = steps.find((s: { op: string }) => s.op === "refresh");
      const update = steps.find((s: { op: string }) => s.op === "update");
      update.op = op;
      edit(update.oldState, update.newState, refresh.oldState);
      return (await report(JSON.stringify(doc))).out;
    }

    it("sets as sets, omitted fields as the service's value for them", async () => {
      const out = await ciReport((live) => {
        live.outputs.accessTokenValiditySeconds = 750;
        live.outputs.grantTypes = ["CLIENT_CREDENTIALS", "CLIENT_CREDENTIALS"];
        live.outputs.refreshTokenValiditySeconds = 3600;
      });
      expect(rows(out, "OAuthClient `ci`")).to.deep.equal([["`refreshTokenValiditySeconds`", "`86400` (omitted: the service's value)", "`3600`", "changed in ISC"]]);
      expect(out).to.include("`pulumi up --refresh` sends one JSON Patch: `replace /refreshTokenValiditySeconds`; the secret is kept.");
    });

    it("a replace-only field: the row says it replaces the resource, and what a replacement means", async () => {
      const out = await ciReport((live) => {
        live.outputs.accessTokenValiditySeconds = 750;
        live.outputs.scope = ["sp:scopes:all"];
      }, "replace");
      expect(rows(out, "OAuthClient `ci`")).to.deep.equal([['`scope`', '`["idn:remote-client:read"]`', '`["sp:scopes:all"]`', "changed in ISC; replaces the resource"]]);
      expect(out).to.include("`pulumi up --refresh` **replaces it**: a new OAuth client, so a new client id and a new secret, and the old one is deleted.");
    });

    it("tells a change of the program from drift, and both at once, by the state as last deployed", async () => {
      const out = await ciReport((live, program) => {
        program.inputs.description = "pipeline v2";
        program.inputs.name = "dr-ci-2";
        live.outputs.name = "dr-ci-ui";
      });
      expect(rows(out, "OAuthClient `ci`")).to.deep.equal([
        ["`name`", '`"dr-ci-2"`', '`"dr-ci-ui"`', "changed in both"],
        ["`description`", '`"pipeline v2"`', '`"pipeline"`', "changed in the program"],
        ["`accessTokenValiditySeconds`", "`750`", "`3600`", "changed in ISC"],
      ]);
    });

    it("an update no compared field explains (a secret input): said so, never guessed", async () => {
      const out = await ciReport((live, program) => {
        live.outputs.accessTokenValiditySeconds = 750;
        program.inputs.description = "[secret]";
        live.outputs.description = "[secret]";
      });
      expect(out).to.include("No owned field this report can compare differs: the difference is in a secret value (masked in the preview) of `description`.");
    });
  });

  it("program changes not deployed yet, and other packages' resources, are listed apart from drift (exit 1)", async () => {
    const doc = JSON.parse(fixture("drift-clean"));
    const urn = (type: string, name: string) => `urn:pulumi:dev::drift::${type}::${name}`;
    doc.steps.push(
      { op: "create", urn: urn("pulumi-nodejs:dynamic/sailpoint:OAuthClient", "new-client"), newState: { inputs: { name: "n" } } },
      { op: "delete", urn: urn("pulumi-nodejs:dynamic/sailpoint:ManagedCluster", "old"), oldState: { id: "x", inputs: {}, outputs: {} } },
      { op: "update", urn: urn("random:index/randomPet:RandomPet", "pet"), oldState: { inputs: {} }, newState: { inputs: {} } },
    );
    const { code, out } = await report(JSON.stringify(doc));
    expect(code).to.equal(1);
    expect(rows(out, "Program changes not deployed yet")).to.deep.equal([
      ["ManagedCluster `old`", "no longer in the program", "deletes it from ISC"],
      ["OAuthClient `new-client`", "new in the program", "creates it"],
    ]);
    expect(rows(out, "Other resources")).to.deep.equal([["`random:index/randomPet:RandomPet` `pet`", "a resource of another package", "update"]]);
    expect(out).not.to.include("Gone from ISC");
  });

  it("input it cannot read: exit 2 with the reason on stderr, nothing on stdout", async () => {
    const cases: Array<[string, RegExp]> = [
      ["", /the input is empty/],
      ["Previewing update (dev):\n  + 3 to create", /not JSON/],
      ["[1, 2]", /not a JSON object/],
      ['{"config": {}}', /no "steps" list/],
      ['{"steps": [{"op": 1}]}', /steps\[0\] has no "op" and "urn"/],
      ['{"steps": [{"op": "update", "urn": "u", "oldState": "x"}]}', /steps\[0\]\.oldState is not an object/],
    ];
    for (const [input, reason] of cases) {
      const { code, out, err } = await report(input);
      expect(code, input).to.equal(2);
      expect(err).to.match(reason);
      expect(out).to.equal("");
    }
    const missing = await report("", path.join(FIXTURES, "no-such-file.json"));
    expect(missing.code).to.equal(2);
    expect(missing.err).to.match(/cannot read .*no-such-file\.json/);
  });

  for (const file of README_FILES) {
    it(`the examples in ${file} are what the command prints for their fixtures (scripts/drift-report-examples.ts)`, async () => {
      const readme = fs.readFileSync(path.join(__dirname, "..", "..", file), "utf8");
      const examples = [...readme.matchAll(EXAMPLE)];
      expect(examples, "the README's marked examples").to.have.length.greaterThan(0);
      for (const [, fixtureFile, text] of examples) {
        expect(text, fixtureFile).to.equal((await report(fs.readFileSync(path.join(__dirname, "..", "..", fixtureFile), "utf8"))).out);
      }
    });
  }

  it("a preview that failed says nothing about drift: exit 2, with the error", async () => {
    const failed = { steps: [], diagnostics: [{ severity: "error", message: "SailPoint ISC provider configuration is invalid:\n  - sailpoint:clientSecret is not set" }] };
    const { code, out } = await report(JSON.stringify(failed));
    expect(code).to.equal(2);
    expect(out).to.include("The preview failed, so it says nothing about drift:\n\n- `SailPoint ISC provider configuration is invalid: - sailpoint:clientSecret is not set`\n");
  });
});
