/**
 * Recovery through the real CLI: a `pulumi up` killed while its creates are in flight (a cancelled CI job: the CLI and
 * its plugins killed), then `pulumi cancel` and `pulumi up` as the CLI suggests; and a partial failure (the object is
 * made, a later step fails), after which refresh, up and destroy all work.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import type { IscEmulator } from "../../emulator";
import { declare, specProject, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const until = async (what: string, condition: () => boolean, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe(`real CLI: recovery after interruptions and partial failures (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;

  onCliStage((started) => void (emulator = started));

  it("a killed up mid-create, then cancel and up: exactly one object per resource, its secret known, and no drift", async () => {
    const spec: Spec = {
      resources: [
        { kind: "ManagedCluster", name: "slow", args: { name: "rc-slow", description: "killed while created" } },
        { kind: "OAuthClient", name: "slow-ci", args: { name: "rc-slow-ci", description: "killed", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
      ],
      exports: { secret: "slow-ci.secret" },
    };
    const project = await specProject("killed", emulator, spec);
    // The service takes 5 s to answer each create, and commits it: the process that asked is dead by then.
    emulator.injectFault({ method: "POST", path: "/managed-clusters", delayMs: 5_000 });
    emulator.injectFault({ method: "POST", path: "/oauth-clients", delayMs: 5_000 });
    const run = project.start(["up", "--yes", "--skip-preview"]);
    await until("both creates to be in flight", () => emulator.pendingFaults().length === 0);
    project.killLeftovers();
    const killed = await run.done;
    expect(killed.code).not.to.equal(0);
    await until("the service to commit both", () => emulator.requests.filter((r) => r.method === "POST" && r.path !== "/oauth/token" && r.status === 200).length === 2, 20_000);
    expect(fs.readdirSync(project.pendingCreatesDir), "the killed process left its pending creates").to.have.length(2);

    await project.pulumi(["cancel", "--yes"]);
    emulator.clearRequests();
    const up = await project.up();
    expect(up.stdout + up.stderr).to.include("interrupted while creating");
    const clusters = emulator.store.listClusters().filter((c) => c.name === "rc-slow");
    const clients = emulator.store.listOAuthClients().filter((c) => c.name === "rc-slow-ci");
    expect(clusters, "the cluster the killed run made is adopted, not duplicated").to.have.length(1);
    expect(clients, "the client whose secret was lost is replaced, not duplicated").to.have.length(1);
    expect(emulator.requests.filter((r) => r.method === "POST" && r.path !== "/oauth/token").map((r) => r.path)).to.deep.equal(["/v2025/oauth-clients"]);
    const state = await project.resources();
    expect(state.get("slow")?.id).to.equal(clusters[0].id);
    expect(state.get("slow-ci")?.id).to.equal(clients[0].id);
    expect(emulator.store.oauthSecretMatches(clients[0].id, String((await project.outputs(true)).secret))).to.equal(true);
    expect(fs.readdirSync(project.pendingCreatesDir), "nothing pending any more").to.deep.equal([]);
    await project.preview(["--refresh", "--expect-no-changes"]);
  });

  it("a partial failure (the cluster made, its manual upgrade refused): refresh, up and destroy all work afterwards", async () => {
    const spec: Spec = { resources: [{ kind: "ManagedCluster", name: "partial", args: { name: "rc-partial", manualUpgradeTrigger: "1" } }] };
    const project = await specProject("partial", emulator, spec);
    emulator.injectFault({ method: "POST", path: "/managed-clusters/{id}/manualUpgrade", status: 500, times: 1 });
    const failed = await project.up([], { allowFailure: true });
    expect(failed.code).not.to.equal(0);
    expect(failed.stdout + failed.stderr).to.match(/created managed cluster \(id [0-9a-f]+\) but a later step failed: ISC POST \/v2025\/managed-clusters\/[0-9a-f]+\/manualUpgrade failed with 500/);
    const [cluster] = emulator.store.listClusters().filter((c) => c.name === "rc-partial");
    expect((await project.resources()).get("partial")?.id, "the cluster is in the state").to.equal(cluster.id);

    await project.refresh();
    emulator.clearRequests();
    await project.up();
    expect(emulator.requests.filter((r) => r.method === "POST" && r.path !== "/oauth/token").map((r) => r.path), "the next up finishes the job").to.deep.equal([`/v2025/managed-clusters/${cluster.id}/manualUpgrade`]);
    await project.preview(["--refresh", "--expect-no-changes"]);
    declare(project, { resources: [] });
    await project.destroy();
    expect(emulator.store.listClusters().filter((c) => c.name === "rc-partial")).to.deep.equal([]);
  });
});
