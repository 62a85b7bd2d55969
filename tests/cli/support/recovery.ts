/**
 * The interrupted-create scenario the recovery suites share (dynamic door: tests/cli/recovery.test.ts, native door:
 * tests/cli/native-recovery.test.ts): a `pulumi up` whose creates of a cluster and an OAuth client are in flight when
 * it is killed, then `pulumi cancel` and `pulumi up` as the CLI suggests.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import type { IscEmulator } from "../../../emulator";
import type { CliProject } from "./project";

export async function until(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts `pulumi up` and returns once both creates are in flight: the service takes 5 s to answer each, and commits it. */
export async function upWithCreatesInFlight(project: CliProject, emulator: IscEmulator): Promise<ReturnType<CliProject["start"]>> {
  emulator.injectFault({ method: "POST", path: "/managed-clusters", delayMs: 5_000 });
  emulator.injectFault({ method: "POST", path: "/oauth-clients", delayMs: 5_000 });
  const run = project.start(["up", "--yes", "--skip-preview"]);
  await until("both creates to be in flight", () => emulator.pendingFaults().length === 0);
  return run;
}

/**
 * An up killed with everything it started (a cancelled CI job) while both creates are in flight; returns once the
 * service has committed both, which the killed provider left in its pending-create journal.
 */
export async function killMidCreate(project: CliProject, emulator: IscEmulator): Promise<void> {
  const run = await upWithCreatesInFlight(project, emulator);
  project.killLeftovers();
  expect((await run.done).code).not.to.equal(0);
  await until("the service to commit both", () => emulator.requests.filter((r) => r.method === "POST" && r.path !== "/oauth/token" && r.status === 200).length === 2, 20_000);
  expect(fs.readdirSync(project.pendingCreatesDir), "the killed provider left its pending creates").to.have.length(2);
}

/** A declared resource: its logical name and its `args.name` in the tenant. */
interface Declared {
  name: string;
  args: Record<string, unknown>;
}

/**
 * After the interrupted up: `pulumi cancel`, then `pulumi up` finds the `cluster` and `client` the killed run made.
 * There is exactly one object each, the cluster taken in and the client (whose secret was lost) replaced, the state
 * holds them (`types`: which state resources are ours; the project's default if omitted), the exported `secret` is
 * the client's, nothing drifts and nothing stays pending.
 */
export async function expectRecovered(project: CliProject, emulator: IscEmulator, [cluster, client]: Declared[], types?: string): Promise<void> {
  await project.pulumi(["cancel", "--yes"]);
  emulator.clearRequests();
  const up = await project.up();
  expect(up.stdout + up.stderr).to.include("interrupted while creating");
  const clusters = emulator.store.listClusters().filter((c) => c.name === cluster.args.name);
  const clients = emulator.store.listOAuthClients().filter((c) => c.name === client.args.name);
  expect(clusters, "the cluster the killed run made is taken in, not duplicated").to.have.length(1);
  expect(clients, "the client whose secret was lost is replaced, not duplicated").to.have.length(1);
  expect(emulator.requests.filter((r) => r.method === "POST" && r.path !== "/oauth/token").map((r) => r.path)).to.deep.equal(["/v2025/oauth-clients"]);
  const state = await project.resources(types);
  expect(state.get(cluster.name)?.id).to.equal(clusters[0].id);
  expect(state.get(client.name)?.id).to.equal(clients[0].id);
  expect(emulator.store.oauthSecretMatches(clients[0].id, String((await project.outputs(true)).secret))).to.equal(true);
  await project.preview(["--refresh", "--expect-no-changes"]);
  expect(fs.readdirSync(project.pendingCreatesDir), "once the engine has read what it holds, nothing is pending").to.deep.equal([]);
}
