/**
 * A blank stack value through the real CLI: it does not hide the SAIL_* variable, and without one the message says
 * that the stack value is blank, not that the setting is missing.
 */
import { expect } from "chai";
import type { IscEmulator } from "../../emulator";
import { CliProject } from "./support/project";
import { SPEC_PROGRAM, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const SPEC: Spec = { resources: [{ kind: "ManagedCluster", name: "va", args: { name: "blank-va" } }], exports: {} };

describe(`real CLI: a blank stack value (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;

  onCliStage((started) => void (emulator = started));

  async function project(name: string, env: Record<string, string>): Promise<CliProject> {
    const created = await CliProject.create(name, SPEC_PROGRAM, { files: { "spec.json": JSON.stringify(SPEC) }, env });
    await created.setConfig("sailpoint:baseUrl", emulator.url);
    await created.setConfig("sailpoint:clientId", "");
    await created.setConfig("sailpoint:clientSecret", emulator.credentials.clientSecret, true);
    return created;
  }

  it("falls back to the SAIL_* variable", async () => {
    const blank = await project("blank-with-env", { SAIL_CLIENT_ID: emulator.credentials.clientId });
    emulator.clearRequests();
    await blank.up();
    const token = emulator.requests.find((r) => r.path === "/oauth/token")!;
    expect((token.body as Record<string, string>).client_id).to.equal(emulator.credentials.clientId);
    expect(emulator.requests.filter((r) => r.method === "POST" && r.path === "/v2025/managed-clusters")).to.have.length(1);
    await blank.destroy();
  });

  it("without the variable, says that the stack value is blank, before any request", async () => {
    const blank = await project("blank-without-env", {});
    emulator.clearRequests();
    const up = await blank.up([], { allowFailure: true });
    expect(up.code).not.to.equal(0);
    const output = up.stdout + up.stderr;
    expect(output).to.include(
      "sailpoint:clientId is empty (the stack value of sailpoint:clientId is blank): run `pulumi config set sailpoint:clientId <value>` or set the SAIL_CLIENT_ID environment variable",
    );
    expect(emulator.requests).to.deep.equal([]);
  });
});
