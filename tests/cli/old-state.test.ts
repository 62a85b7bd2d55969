/**
 * Stacks written by 0.1.0 keep working, through the real CLI: their state holds the closure serializer's `__provider`
 * text (tests/fixtures/provider-text-0.1.0), the current classes register a fixed text of their own. The state of a
 * fresh stack is rewritten to hold the old texts (`pulumi stack export`, then `import`), as a stack 0.1.0 made holds
 * them; then preview, refresh, update and destroy run with the current package.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import path from "node:path";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import type { CliProject } from "./support/project";
import { declare, specProject, withArgs, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { REPO, legName } from "./support/toolchain";

const OLD_TEXTS = path.join(REPO, "tests", "fixtures", "provider-text-0.1.0");
const SPEC: Spec = {
  resources: [
    { kind: "ManagedCluster", name: "cluster", args: { name: "os-cluster", description: "created by 0.1.0", configuration: { gmtOffset: "-5" } } },
    { kind: "ClusterLogConfig", name: "logs", args: { clusterId: "${cluster.id}", rootLevel: "DEBUG", durationMinutes: 240 } },
    { kind: "OAuthClient", name: "client", args: { name: "os-client", description: "created by 0.1.0", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
  ],
  exports: { secret: "client.secret" },
};

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");

describe(`real CLI: a stack written by 0.1.0 with the current package (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;
  let secret: unknown;

  onCliStage(async (started) => {
    emulator = started;
    project = await specProject("old-state", emulator, SPEC);
    await project.up();
    secret = (await project.outputs(true)).secret;
    const state = await project.exportState();
    for (const resource of state.deployment.resources ?? []) {
      const kind = resource.type.split(":").pop()!;
      if (!resource.type.startsWith("pulumi-nodejs:dynamic")) continue;
      const old = fs.readFileSync(path.join(OLD_TEXTS, `${kind}.js`), "utf8");
      for (const bag of [resource.inputs, resource.outputs]) if (bag) bag.__provider = old;
    }
    const file = path.join(project.dir, "old-state.json");
    fs.writeFileSync(file, JSON.stringify(state));
    await project.pulumi(["stack", "import", "--file", file]);
    const imported = JSON.stringify(await project.exportState());
    expect(imported).to.include("exports.handler = __f0;");
  });

  it("previews no change, with no request at all", async () => {
    emulator.clearRequests();
    const preview = await project.preview(["--expect-no-changes"]);
    expect(preview.stdout).to.match(/4 unchanged/);
    expect(emulator.requests.filter((r) => r.path !== "/oauth/token")).to.deep.equal([]);
  });

  it("refreshes with reads only", async () => {
    emulator.clearRequests();
    await project.refresh();
    expect(writes(emulator.requests)).to.deep.equal([]);
    expect(emulator.requests.length).to.be.greaterThan(0);
  });

  it("updates with the minimal patches, no __provider in the diff, the secret kept", async () => {
    declare(project, withArgs(withArgs(SPEC, "cluster", { description: "changed" }), "client", { description: "changed" }));
    const diff = await project.preview(["--diff"]);
    expect(diff.stdout).to.match(/~ 2 to update/);
    expect(diff.stdout).not.to.include("__provider");
    emulator.clearRequests();
    await project.up();
    const sent = writes(emulator.requests).map((r) => [r.method, r.path.split("/")[2], r.body]);
    expect(sent).to.have.deep.members([
      ["PATCH", "managed-clusters", [{ op: "replace", path: "/description", value: "changed" }]],
      ["PATCH", "oauth-clients", [{ op: "replace", path: "/description", value: "changed" }]],
    ]);
    expect(sent).to.have.length(2);
    expect((await project.outputs(true)).secret).to.equal(secret);
  });

  it("destroys, the log configuration's delete included (its outputs still hold the old text)", async () => {
    const logs = (await project.resources()).get("logs");
    expect(logs?.outputs?.__provider).to.match(/^exports\.handler = __f0;/);
    await project.destroy();
    expect(emulator.store.listClusters()).to.deep.equal([]);
    expect(emulator.store.listOAuthClients()).to.deep.equal([]);
  });
});
