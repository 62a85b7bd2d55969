/**
 * Map inputs whose keys JavaScript treats specially, through the real CLI. Pulumi labels every input of a registration
 * with `${value}`, so a map with a `toString` key (a string, not a function) used to fail the program with "Cannot
 * convert object to primitive value" before anything reached the provider; the key is an ordinary one for ISC.
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { CliProject } from "./support/project";
import { declare, specProject, withArgs, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");

describe(`real CLI: map keys JavaScript treats specially (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;
  let spec: Spec;
  const cluster = () => emulator.store.listClusters().find((c) => c.name === "mk-va")!;

  onCliStage(async (started) => {
    emulator = started;
    spec = {
      resources: [
        { kind: "ManagedCluster", name: "va", args: { name: "mk-va", configuration: { toString: "first", gmtOffset: "-5" } } },
        { kind: "ClusterLogConfig", name: "logs", args: { clusterId: "${va.id}", rootLevel: "INFO", logLevels: { toString: "DEBUG" }, durationMinutes: 60 } },
      ],
      exports: { configuration: "va.configuration" },
    };
    project = await specProject("map-keys", emulator, spec);
  });

  it("a `toString` key in configuration and logLevels is created, read back unchanged, patched and put like any other", async () => {
    await project.up();
    const created = emulator.requests.filter((r) => r.method === "POST" && r.path === "/v2025/managed-clusters");
    expect(created.map((r) => (r.body as { configuration: unknown }).configuration)).to.deep.equal([{ toString: "first", gmtOffset: "-5" }]);
    expect(cluster().configuration).to.deep.include({ toString: "first", gmtOffset: "-5" });
    expect(emulator.store.getLogConfig(cluster().id)).to.deep.include({ logLevels: { toString: "DEBUG" } });
    expect((await project.outputs()).configuration).to.deep.equal({ toString: "first", gmtOffset: "-5" });

    emulator.clearRequests();
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(writes(emulator.requests)).to.deep.equal([]);

    declare(project, withArgs(spec, "va", { configuration: { toString: "second", gmtOffset: "-5" } }));
    emulator.clearRequests();
    const up = await project.up();
    expect(up.stdout).to.match(/~ 1 to update|1 updated/);
    expect(writes(emulator.requests).map((r) => ({ method: r.method, body: r.body }))).to.deep.equal([
      // A map key is written with "add" (create-or-replace), as for any key.
      { method: "PATCH", body: [{ op: "add", path: "/configuration/toString", value: "second" }] },
    ]);
    expect(cluster().configuration).to.deep.include({ toString: "second" });

    await project.destroy();
    expect(emulator.store.listClusters()).to.deep.equal([]);
  });
});
