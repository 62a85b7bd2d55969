/**
 * The drift report on what the real CLI prints for maps given as secrets (`configuration: pulumi.secret({...})`,
 * `logLevels: config.requireSecretObject(...)`) and a secret value inside a map, after their values changed in ISC:
 * the report names the resources and fields that drifted and prints none of the secret keys or values.
 */
import { expect } from "chai";
import { main } from "../../cli/index";
import type { IscEmulator } from "../../emulator";
import { recordFixture } from "./support/fixtures";
import { CliProject } from "./support/project";
import { specProject, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const WHOLE = "whole-map-s3cret";
const KEYED = "keyed-value-s3cret";
const LOGGER = "com.example.SecretLogger";
/** What the tenant's side changes them to, out of band. */
const CHANGED = ["changed-in-isc-s3cret", "added-in-isc-s3cret", "com.example.AddedSecretLogger"];

describe(`real CLI: the drift report on secret maps (${legName()})`, function () {
  this.timeout(600_000);
  let emulator: IscEmulator;
  let project: CliProject;
  const cluster = (name: string) => emulator.store.listClusters().find((c) => c.name === name)!;

  onCliStage(async (started) => {
    emulator = started;
    const spec: Spec = {
      resources: [
        { kind: "ManagedCluster", name: "whole", args: { name: "ds-whole", configuration: { $secret: { ldapBindCredential: WHOLE, gmtOffset: "-5" } } } },
        { kind: "ManagedCluster", name: "keyed", args: { name: "ds-keyed", configuration: { ldapBindCredential: { $secret: KEYED }, gmtOffset: "-5" } } },
        { kind: "ClusterLogConfig", name: "logs", args: { clusterId: "${whole.id}", rootLevel: "INFO", logLevels: { $secretConfig: "levels" }, durationMinutes: 240 } },
      ],
    };
    project = await specProject("drift-secrets", emulator, spec);
    await project.setConfig("levels", JSON.stringify({ [LOGGER]: "DEBUG" }), true);
    await project.up();
  });

  it("values of secret maps changed in ISC: drift named per resource, no secret key or value printed (exit 1)", async () => {
    emulator.mutateCluster(cluster("ds-whole").id, (c) => {
      c.configuration.ldapBindCredential = CHANGED[0];
      c.configuration.addedSecret = CHANGED[1];
    });
    emulator.mutateCluster(cluster("ds-keyed").id, (c) => (c.configuration.ldapBindCredential = CHANGED[0]));
    emulator.setLogConfig(cluster("ds-whole").id, { rootLevel: "INFO", logLevels: { [CHANGED[2]]: "TRACE" }, durationMinutes: 240 });

    const json = await project.previewJson(["--refresh"]);
    const secrets = [WHOLE, KEYED, LOGGER, ...CHANGED];
    recordFixture("drift-secret-maps", json, secrets);
    let out = "";
    let err = "";
    const code = await main(["drift-report", "-"], { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => JSON.stringify(json) });
    expect(code, err).to.equal(1);
    for (const secret of secrets) expect(out, secret).not.to.include(secret);
    expect(out).not.to.include("[secret]");
    // The preview masks both sides of each, so the report says where the difference is, never what it is.
    const masked = (field: string) => `No owned field this report can compare differs: the difference is in a secret value (masked in the preview) of \`${field}\`.`;
    for (const [heading, field] of [["ManagedCluster `whole`", "configuration"], ["ManagedCluster `keyed`", "configuration"], ["ClusterLogConfig `logs`", "logLevels"]]) {
      const section = out.split(/^### /m).find((s) => s.startsWith(heading));
      expect(section, heading).to.include(masked(field));
    }
  });
});
