/**
 * Memory of a provider host that serves ONLY our provider, against an idle host: peak RSS (VmHWM) after a refresh of
 * `resources` clusters and after an `up` creating as many, every call sent at once as a parallel engine sends them.
 * The rate limit is out of the way on both sides, so all requests are in flight together: the worst case.
 */
import { IscEmulator } from "../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../tests/harness/host";
import { peakRssMiB, rssMiB } from "./measure";

export interface HostMemory {
  resources: number;
  /** VmHWM of a host that has started and served nothing. */
  idleMiB: number;
  /** RSS once our provider is configured and has checked one resource (the implementation loaded). */
  loadedMiB: number;
  afterRefreshMiB: number;
  afterUpMiB: number;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function required(value: number | undefined, what: string): number {
  if (value === undefined) throw new Error(`cannot read ${what} (no /proc?)`);
  return value;
}

export async function hostMemory(resources: number): Promise<HostMemory> {
  const emulator = await IscEmulator.start({ rateLimit: false, validateResponses: false });
  const idle = await ProviderHost.start();
  const host = await ProviderHost.start();
  try {
    await settle(300);
    const idleMiB = required(peakRssMiB(idle.pid), "the idle host's VmHWM");
    await idle.stop();

    await host.configure(sailpointConfig(emulator, { "sailpoint:rateLimit": "100000/1000" }));
    const first = await host.check(urnFor("ManagedCluster", "first"), {}, { name: "first" });
    if (first.failures.length) throw new Error(`check failed: ${JSON.stringify(first.failures)}`);
    await settle(100);
    const loadedMiB = required(rssMiB(host.pid), "the host's RSS");

    const seeded = Array.from({ length: resources }, (_, i) => emulator.seedCluster({ name: `memory-${i}`, description: "seeded", configuration: { gmtOffset: "-5" } }));
    const reads = await Promise.all(
      seeded.map((c) => host.read(urnFor("ManagedCluster", c.name), c.id, { name: c.name, type: c.type, description: c.description, configuration: c.configuration })),
    );
    if (reads.some((r, i) => r.id !== seeded[i].id)) throw new Error("a refresh read returned the wrong cluster");
    const afterRefreshMiB = required(peakRssMiB(host.pid), "the host's VmHWM");

    const made = await Promise.all(
      Array.from({ length: resources }, async (_, i) => {
        const urn = urnFor("ManagedCluster", `up-${i}`);
        const checked = await host.check(urn, {}, { name: `up-${i}`, description: "created", configuration: { gmtOffset: "-5" } });
        return host.create(urn, checked.inputs);
      }),
    );
    if (new Set(made.map((m) => m.id)).size !== resources) throw new Error("the up did not create every cluster");
    const afterUpMiB = required(peakRssMiB(host.pid), "the host's VmHWM");
    return { resources, idleMiB, loadedMiB, afterRefreshMiB, afterUpMiB };
  } finally {
    await idle.stop();
    await host.stop();
    await emulator.stop();
  }
}
