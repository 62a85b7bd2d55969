/**
 * Recovery through the real CLI: a `pulumi up` killed while its creates are in flight, then `pulumi cancel` and
 * `pulumi up` as the CLI suggests, both when its provider host is killed with it (a cancelled CI job) and when only
 * the CLI is killed with its process group (`timeout -s KILL`, a job runner: Pulumi starts each plugin in a process
 * group of its own, so the host lives on and gets the answers); a journal directory that cannot be written; and a
 * partial failure (the object is made, a later step fails), after which refresh, up and destroy all work.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import path from "node:path";
import type { IscEmulator } from "../../emulator";
import { processesIn } from "./support/project";
import { expectRecovered, killMidCreate, until, upWithCreatesInFlight } from "./support/recovery";
import { declare, specProject, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

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
    await killMidCreate(project, emulator);

    await expectRecovered(project, emulator, spec.resources);
  });

  it("the CLI killed with its process group while its provider host lives on and gets the answers: cancel and up leave exactly one object per resource, its secret known", async () => {
    const spec: Spec = {
      resources: [
        { kind: "ManagedCluster", name: "orphaned", args: { name: "rc-orphaned", description: "its CLI killed" } },
        { kind: "OAuthClient", name: "orphaned-ci", args: { name: "rc-orphaned-ci", description: "its CLI killed", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
      ],
      exports: { secret: "orphaned-ci.secret" },
    };
    const project = await specProject("killed-cli", emulator, spec);
    emulator.clearRequests();
    const run = await upWithCreatesInFlight(project, emulator);
    // As `timeout -s KILL` does: the CLI's process group, which the provider host (its launcher and node) is not in.
    process.kill(-run.child.pid!, "SIGKILL");
    const killed = await run.done;
    expect(killed.code).not.to.equal(0);
    const hosts = processesIn(project.dir);
    expect(hosts, "the provider host lives on").not.to.deep.equal([]);
    const answered = () => emulator.requests.filter((r) => r.method === "POST" && r.path !== "/oauth/token" && r.status === 200);
    await until("the service to commit and answer both", () => answered().length === 2);
    const settled = () => fs.readdirSync(project.pendingCreatesDir).filter((f) => f.endsWith(".json")).every((f) => fs.readFileSync(path.join(project.pendingCreatesDir, f), "utf8").includes("createdId"));
    await until("the provider host to take in both answers", settled);
    expect(processesIn(project.dir), "the provider host lives on").to.deep.equal(hosts);

    await expectRecovered(project, emulator, spec.resources);
  });

  it("a journal directory that cannot be written: the up works and says so once, as a message of the stack", async () => {
    const spec: Spec = {
      resources: [
        { kind: "ManagedCluster", name: "one", args: { name: "rc-unjournalled-1" } },
        { kind: "ManagedCluster", name: "two", args: { name: "rc-unjournalled-2" } },
      ],
    };
    const project = await specProject("unjournalled", emulator, spec);
    const file = path.join(project.dir, "not-a-directory");
    fs.writeFileSync(file, "");
    const up = await project.up([], { env: { SAIL_PENDING_CREATES_DIR: path.join(file, "journal") } });
    const output = up.stdout + up.stderr;
    // The CLI shows the message as it comes, on the stack's line, and again under Diagnostics.
    expect(output).to.match(/Stack unjournalled-dev created \([\d.]+s\) 1 message/);
    const diagnostics = output.slice(output.indexOf("Diagnostics:"), output.indexOf("Resources:"));
    expect(diagnostics.split("\n").filter((line) => line.includes("create journal")).map((line) => line.trim())).to.deep.equal([
      `pulumi-sailpoint-isc: warning: the create journal directory ${path.join(file, "journal")} cannot be written (ENOTDIR). ` +
        "A create interrupted by a killed run will not be recognised by the next run, which may then make a second object. " +
        "Make it writable, or set SAIL_PENDING_CREATES_DIR to a writable directory.",
    ]);
    expect(emulator.store.listClusters().filter((c) => c.name.startsWith("rc-unjournalled-"))).to.have.length(2);
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
