/**
 * The interrupted-create recovery of the dynamic door (tests/cli/recovery.test.ts), on the native door through the
 * real CLI: a `pulumi up` killed while its creates are in flight, then `pulumi cancel` and `pulumi up`.
 */
import type { IscEmulator } from "../../emulator";
import { NATIVE_TYPES, nativeProject, type NativeSpec } from "../native/cli";
import { expectRecovered, killMidCreate } from "./support/recovery";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

describe(`real CLI: recovery on the native door (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;

  onCliStage((started) => void (emulator = started));

  it("a killed up mid-create, then cancel and up: exactly one object per resource, its secret known, and no drift", async () => {
    const spec: NativeSpec = {
      resources: [
        { kind: "ManagedCluster", name: "slow", args: { name: "nr-slow", description: "killed while created" } },
        { kind: "OAuthClient", name: "slow-ci", args: { name: "nr-slow-ci", description: "killed", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
      ],
      exports: { secret: "slow-ci.secret" },
    };
    // A request may still land up to twice its timeout after it was sent: the next up waits that long, so keep it short.
    const project = await nativeProject("native-killed", emulator, spec, { SAIL_REQUEST_TIMEOUT_SECONDS: "10" });
    await killMidCreate(project, emulator);
    await expectRecovered(project, emulator, spec.resources, NATIVE_TYPES);
  });
});
