/**
 * Secrets inside maps, through the real CLI: a secret value in `configuration` (or `logLevels`), or a whole map given
 * as a secret (`pulumi.secret({...})`, `config.requireSecretObject(...)`), deploys, and never appears in plain text in
 * the state (`pulumi stack export`), `preview --json` (with and without a refresh), stack outputs or the console.
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { CliProject } from "./support/project";
import { declare, specProject, withArgs, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const PASSWORD = "ldap-bind-s3cret";
const WHOLE = "whole-map-s3cret";
const LOGGER = "com.example.SecretLogger";
const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");

describe(`real CLI: secrets inside maps (${legName()})`, function () {
  this.timeout(600_000);
  let emulator: IscEmulator;
  let project: CliProject;
  let spec: Spec;
  const cluster = (name: string) => emulator.store.listClusters().find((c) => c.name === name)!;

  onCliStage(async (started) => {
    emulator = started;
    spec = {
      resources: [
        { kind: "ManagedCluster", name: "keyed", args: { name: "sec-keyed", configuration: { ldapBindCredential: { $secret: PASSWORD }, gmtOffset: "-5" } } },
        { kind: "ManagedCluster", name: "whole", args: { name: "sec-whole", configuration: { $secret: { ldapBindCredential: WHOLE } } } },
        { kind: "ClusterLogConfig", name: "logs", args: { clusterId: "${keyed.id}", rootLevel: "INFO", logLevels: { $secretConfig: "levels" }, durationMinutes: 60 } },
      ],
      exports: { live: "keyed.liveConfiguration", configuration: "whole.configuration", levels: "logs.logLevels" },
    };
    project = await specProject("secrets", emulator, spec);
    await project.setConfig("levels", JSON.stringify({ [LOGGER]: "DEBUG" }), true);
  });

  /** Every text a user or a later tool sees of this stack. */
  async function everythingShown(...more: string[]): Promise<string> {
    const state = JSON.stringify(await project.exportState());
    const preview = JSON.stringify(await project.previewJson());
    const refreshPreview = JSON.stringify(await project.previewJson(["--refresh"]));
    const outputs = JSON.stringify(await project.outputs());
    return [state, preview, refreshPreview, outputs, ...more].join("\n");
  }

  it("a secret value in configuration: liveConfiguration keeps it secret; no output, state, preview or console shows it", async () => {
    declare(project, { resources: spec.resources.slice(0, 1), exports: { live: "keyed.liveConfiguration" } });
    const up = await project.up();
    expect(cluster("sec-keyed").configuration).to.include({ ldapBindCredential: PASSWORD, gmtOffset: "-5" });
    const shown = await everythingShown(up.stdout, up.stderr);
    expect(shown).not.to.include(PASSWORD);
    // The values that are not secret stay readable; the secret one is there for --show-secrets.
    const keyed = (await project.resources()).get("keyed")!;
    expect((keyed.outputs?.liveConfiguration as Record<string, unknown>).gmtOffset).to.equal("-5");
    expect((await project.outputs(true)).live).to.deep.include({ ldapBindCredential: PASSWORD, gmtOffset: "-5" });
  });

  it("maps given as secrets (pulumi.secret, config.requireSecretObject) deploy, and are shown nowhere", async () => {
    declare(project, spec);
    const up = await project.up();
    expect(cluster("sec-whole").configuration).to.include({ ldapBindCredential: WHOLE });
    expect(emulator.store.getLogConfig(cluster("sec-keyed").id)).to.deep.include({ logLevels: { [LOGGER]: "DEBUG" } });
    const shown = await everythingShown(up.stdout, up.stderr);
    for (const secret of [PASSWORD, WHOLE, LOGGER]) expect(shown, secret).not.to.include(secret);

    emulator.clearRequests();
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(writes(emulator.requests)).to.deep.equal([]);

    // A refresh reads the cluster, whose service copy of its log configuration repeats the secret levels.
    const refresh = await project.refresh();
    const keyed = (await project.resources()).get("keyed")!;
    expect(JSON.stringify(keyed.outputs?.logConfiguration)).to.include("4dabf18193072939515e22adb298388d");
    const refreshed = await everythingShown(refresh.stdout, refresh.stderr);
    for (const secret of [PASSWORD, WHOLE, LOGGER]) expect(refreshed, secret).not.to.include(secret);
  });

  it("a changed secret value is patched, and still shown nowhere", async () => {
    const next = "ldap-bind-n3w-s3cret";
    declare(project, withArgs(spec, "keyed", { configuration: { ldapBindCredential: { $secret: next }, gmtOffset: "-5" } }));
    emulator.clearRequests();
    const up = await project.up();
    expect(writes(emulator.requests).map((r) => r.body)).to.deep.equal([[{ op: "add", path: "/configuration/ldapBindCredential", value: next }]]);
    const shown = await everythingShown(up.stdout, up.stderr);
    for (const secret of [PASSWORD, next]) expect(shown, secret).not.to.include(secret);
    await project.destroy();
    expect(emulator.store.listClusters()).to.deep.equal([]);
  });
});
