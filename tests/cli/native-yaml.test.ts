/**
 * examples/yaml through the real CLI and the YAML language host: a Pulumi YAML program on the native plugin, found
 * through the project's `plugins.providers` path (here the `node_modules/.bin` of the installed npm package).
 */
import { expect } from "chai";
import * as fs from "node:fs";
import path from "node:path";
import * as yaml from "js-yaml";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { blockOf, changedLines } from "./support/diff-text";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";
import { YamlProject, npmPluginDir, projectYaml, yamlExample, yamlHostDir } from "./support/yaml-project";

/** "METHOD /path" with object ids made `{id}`, for comparing what went over the wire. */
const shape = (r: RecordedRequest) => `${r.method} ${r.path.replace(/[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "{id}")}`;
const apiRequests = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.path !== "/oauth/token");

type Resources = Record<string, { type: string; properties: Record<string, unknown>; options?: Record<string, unknown> }>;

describe(`real CLI: a YAML program on the native plugin (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: YamlProject;
  const example = yamlExample();
  const resources = () => example.resources as Resources;
  const write = () => project.writeProject(projectYaml(example, "sailpoint-yaml", npmPluginDir()));
  const clusterNamed = (name: string) => emulator.store.listClusters().find((c) => c.name === name);

  onCliStage(async (started) => {
    emulator = started;
    yamlHostDir();
    project = await YamlProject.create("sailpoint-yaml", projectYaml(example, "sailpoint-yaml", npmPluginDir()));
    await project.setConfig("sailpoint:baseUrl", emulator.url);
    await project.setConfig("sailpoint:clientId", emulator.credentials.clientId);
    await project.setConfig("sailpoint:clientSecret", emulator.credentials.clientSecret, true);
  });
  after(() => YamlProject.removeAll());

  beforeEach(() => emulator.clearRequests());

  it("up creates the cluster, its VA client, its log configuration and the OAuth client; the secrets stay secrets", async () => {
    const up = await project.up();
    expect(up.stdout).to.match(/\+ 5 created/);
    expect(up.stdout + up.stderr).not.to.include("pulumi-resource-sailpoint from $PATH");
    expect(apiRequests(emulator.writes()).map(shape).sort()).to.deep.equal([
      "POST /v2025/managed-clients",
      "POST /v2025/managed-clusters",
      "POST /v2025/oauth-clients",
      "PUT /v2025/managed-clusters/{id}/log-config",
    ]);
    const cluster = clusterNamed("dev-va-cluster")!;
    expect(cluster).to.include({ type: "idn", description: "Virtual appliances in the primary data center" });
    expect(cluster.configuration).to.include({ gmtOffset: "-5" });
    expect(emulator.store.clientsOfCluster(cluster.id).map((c) => [c.name, c.type])).to.deep.equal([["dev-va-1", "VA"]]);
    expect(emulator.store.getLogConfig(cluster.id)?.logLevels).to.deep.equal({ "sailpoint.connector.JDBCConnector": "DEBUG" });

    const shown = await project.outputs();
    expect(shown).to.include({ clusterId: cluster.id, ciClientSecret: "[secret]", vaKey: "[secret]" });
    const revealed = await project.outputs(true);
    const [client] = emulator.store.listOAuthClients();
    expect(emulator.store.oauthSecretMatches(client.id, String(revealed.ciClientSecret))).to.equal(true);
    const exported = JSON.stringify(await project.exportState());
    expect(exported).not.to.include(String(revealed.ciClientSecret));
    expect(exported).not.to.include(String(revealed.vaKey));
    expect(exported).not.to.include(emulator.credentials.clientSecret);
  });

  it("previews no changes with zero ISC requests", async () => {
    const preview = await project.preview(["--expect-no-changes"]);
    expect(preview.stdout).to.match(/5 unchanged/);
    expect(apiRequests(emulator.requests)).to.deep.equal([]);
  });

  it("preview --diff names each changed property (a configuration key as its own path) and sends nothing; up sends one PATCH", async () => {
    const cluster = resources()["va-cluster"];
    cluster.properties.description = "Virtual appliances, second data center";
    cluster.properties.configuration = { gmtOffset: "-6" };
    write();

    const diff = await project.preview(["--diff"]);
    expect(changedLines(blockOf(diff.stdout, "va-cluster", "update"))).to.deep.equal([
      "~ configuration: {",
      '~ gmtOffset: "-5" => "-6"',
      '~ description : "Virtual appliances in the primary data center" => "Virtual appliances, second data center"',
    ]);
    const json = await project.previewJson();
    const step = json.steps.find((s) => s.urn.endsWith("::va-cluster"))!;
    expect(step.op).to.equal("update");
    expect(step.detailedDiff).to.deep.equal({ description: { kind: "update", inputDiff: false }, 'configuration["gmtOffset"]': { kind: "update", inputDiff: false } });
    expect(emulator.writes()).to.deep.equal([]);

    await project.up();
    expect(apiRequests(emulator.writes()).map(shape)).to.deep.equal(["PATCH /v2025/managed-clusters/{id}"]);
    expect(clusterNamed("dev-va-cluster")).to.include({ description: "Virtual appliances, second data center" });
    expect(clusterNamed("dev-va-cluster")!.configuration).to.include({ gmtOffset: "-6" });
  });

  it("refresh shows a change made out of band, sends no write; up --refresh puts it back", async () => {
    const id = clusterNamed("dev-va-cluster")!.id;
    emulator.mutateCluster(id, (c) => {
      c.description = "changed in the UI";
    });
    const drift = await project.pulumi(["refresh", "--preview-only", "--diff"]);
    expect(changedLines(blockOf(drift.stdout, "va-cluster"))).to.include('~ description: "Virtual appliances, second data center" => "changed in the UI"');
    const check = await project.previewJson(["--refresh", "--expect-no-changes"]);
    expect(check.code).not.to.equal(0);
    expect(check.steps.filter((s) => s.op === "update").map((s) => [s.urn.split("::").pop(), s.diffReasons])).to.deep.equal([["va-cluster", ["description"]]]);
    expect(emulator.writes()).to.deep.equal([]);

    emulator.clearRequests();
    await project.up(["--refresh"]);
    expect(apiRequests(emulator.writes()).map(shape)).to.deep.equal(["PATCH /v2025/managed-clusters/{id}"]);
    expect(clusterNamed("dev-va-cluster")).to.include({ description: "Virtual appliances, second data center" });
    emulator.clearRequests();
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(emulator.writes()).to.deep.equal([]);
  });

  it("pulumi import adopts a cluster with one GET and no write; the YAML it prints previews clean", async () => {
    const seeded = emulator.seedCluster({ name: "made-elsewhere", description: "created in the UI" });
    emulator.clearRequests();
    const code = path.join(project.dir, "imported.yaml");
    await project.pulumi(["import", "sailpoint:index:ManagedCluster", "adopted", seeded.id, "--yes", "--skip-preview", "--protect=false", "--out", code]);
    // The one read: the cluster by its id (the core finds it in the collection).
    expect(apiRequests(emulator.requests).map(shape)).to.have.length(1).and.to.satisfy((r: string[]) => r[0].startsWith("GET /v2025/managed-clusters"));
    expect((await project.resources()).get("adopted")?.id).to.equal(seeded.id);

    const printed = (yaml.load(fs.readFileSync(code, "utf8")) as { resources: Resources }).resources;
    expect(printed.adopted.properties).to.include({ name: "made-elsewhere", description: "created in the UI" });
    Object.assign(resources(), printed);
    write();
    emulator.clearRequests();
    await project.preview(["--expect-no-changes"]);
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(emulator.writes()).to.deep.equal([]);
  });

  it("destroy deletes every object, the VA client before its cluster", async () => {
    const destroy = await project.destroy();
    expect(destroy.stdout).to.match(/- 6 deleted/);
    const deletes = apiRequests(emulator.writes()).map(shape);
    expect(deletes.indexOf("DELETE /beta/managed-clients/{id}")).to.be.lessThan(deletes.lastIndexOf("DELETE /v2025/managed-clusters/{id}"));
    expect(emulator.store.listManagedClients()).to.deep.equal([]);
    expect(emulator.store.listClusters()).to.deep.equal([]);
    expect(emulator.store.listOAuthClients()).to.deep.equal([]);
  });
});
