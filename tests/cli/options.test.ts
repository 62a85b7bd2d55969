/** Pulumi's resource options on these resources, through the real CLI. */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { CliProject } from "./support/project";
import { declare, specProject, withArgs, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");

describe(`real CLI: resource options (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;
  let spec: Spec;
  const cluster = (name: string) => emulator.store.listClusters().find((c) => c.name === name);

  onCliStage(async (started) => {
    emulator = started;
    spec = {
      resources: [
        { kind: "ManagedCluster", name: "ignored", args: { name: "op-ignored", description: "first" }, options: { ignoreChanges: ["description"] } },
        { kind: "ManagedCluster", name: "retained", args: { name: "op-retained" }, options: { retainOnDelete: true } },
        { kind: "ManagedCluster", name: "protected", args: { name: "op-protected" }, options: { protect: true } },
      ],
    };
    project = await specProject("options", emulator, spec);
    await project.up();
  });

  it("ignoreChanges: a changed description in the program is no change, and nothing is sent", async () => {
    declare(project, withArgs(spec, "ignored", { description: "second" }));
    emulator.clearRequests();
    await project.preview(["--expect-no-changes"]);
    await project.up(["--expect-no-changes"]);
    expect(writes(emulator.requests)).to.deep.equal([]);
    expect(cluster("op-ignored")).to.include({ description: "first" });
  });

  it("protect: removing the resource from the program fails the update and deletes nothing", async () => {
    declare(project, { resources: spec.resources.filter((r) => r.name !== "protected") });
    emulator.clearRequests();
    const up = await project.up([], { allowFailure: true });
    expect(up.code).not.to.equal(0);
    expect(up.stdout + up.stderr).to.include("protected");
    expect(writes(emulator.requests).filter((r) => r.method === "DELETE")).to.deep.equal([]);
    expect(cluster("op-protected")).to.not.equal(undefined);
    declare(project, spec);
  });

  it("retainOnDelete: removing the resource from the program leaves the object in ISC", async () => {
    await project.pulumi(["state", "unprotect", project.urn("pulumi-nodejs:dynamic/sailpoint:ManagedCluster", "protected"), "--yes"]);
    declare(project, { resources: spec.resources.filter((r) => r.name === "ignored") });
    emulator.clearRequests();
    await project.up();
    expect(writes(emulator.requests).map((r) => r.path.replace(/[0-9a-f]{32}/, "{id}"))).to.deep.equal(["/v2025/managed-clusters/{id}"]);
    expect(cluster("op-retained"), "retained").to.not.equal(undefined);
    expect(cluster("op-protected"), "deleted once unprotected").to.equal(undefined);
  });

  it("the engine's own import (resource option `import`) cannot work for a dynamic resource: the error users see", async () => {
    const id = emulator.seedCluster({ name: "op-import" }).id;
    declare(project, { resources: [{ kind: "ManagedCluster", name: "imported", args: { name: "op-import" }, options: { import: id } }] });
    const preview = await project.preview([], { allowFailure: true });
    expect(preview.code).not.to.equal(0);
    expect(preview.stdout + preview.stderr).to.include("code must be a string, not undefined");
    // importId is the way: the same object adopted, nothing sent.
    declare(project, { resources: [{ kind: "ManagedCluster", name: "imported", args: { name: "op-import", importId: id } }] });
    emulator.clearRequests();
    await project.up();
    expect(writes(emulator.requests).filter((r) => r.method !== "DELETE")).to.deep.equal([]);
    expect((await project.resources()).get("imported")?.id).to.equal(id);
  });
});
