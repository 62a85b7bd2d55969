/**
 * A refresh reads each collection through one list snapshot per provider process (ceil(N / 250) requests for
 * clusters and managed clients, one for OAuth clients), falls back to a GET for an id the snapshot lacks, and never
 * answers from it for an object this process wrote since.
 */
import { expect } from "chai";
import type { IscEmulator } from "../../emulator";
import { type ProviderHost, urnFor } from "../harness/host";
import { providerText } from "../harness/provider-text";
import { onEmulatorAndHost } from "./stage";
import { lines } from "./wire";

type Bag = Record<string, unknown>;

describe("refresh through list snapshots", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let host: ProviderHost;
  onEmulatorAndHost((stage) => ({ emulator, host } = stage), { rateLimit: false });

  /** A bag as the engine sends it: with the resource's `__provider`. */
  const bag = async (kind: "ManagedCluster" | "OAuthClient", props: Bag) => ({ ...props, __provider: await providerText(kind) });

  /** A new provider process, as each `pulumi refresh` gets, and one Read per object through it. */
  async function refresh(reads: Array<{ kind: "ManagedCluster" | "OAuthClient"; id: string; props: Bag }>, during?: (p: ProviderHost) => Promise<void>) {
    const fresh = await host.sibling();
    try {
      await during?.(fresh);
      return await Promise.all(reads.map(async (r, i) => fresh.read(urnFor(r.kind, `r${i}`), r.id, await bag(r.kind, r.props), await bag(r.kind, r.props))));
    } finally {
      await fresh.stop();
    }
  }

  it("260 clusters and 100 OAuth clients: three list requests in all, no GET by id", async () => {
    const clusters = Array.from({ length: 260 }, (_, i) => emulator.seedCluster({ name: `snap-${i}` }));
    const clients = Array.from({ length: 100 }, (_, i) => emulator.seedOAuthClient({ name: `snap-${i}`, description: "d" }).client);
    emulator.clearRequests();
    const reads = await refresh([
      ...clusters.map((c) => ({ kind: "ManagedCluster" as const, id: c.id, props: { name: c.name } })),
      ...clients.map((c) => ({ kind: "OAuthClient" as const, id: c.id, props: { name: c.name } })),
    ]);
    expect(reads.every((r) => r.id !== "")).to.equal(true);
    expect(lines(emulator).sort()).to.deep.equal(["GET /v2025/managed-clusters", "GET /v2025/managed-clusters", "GET /v2025/oauth-clients"]);
    expect(emulator.requests.filter((r) => r.path === "/v2025/managed-clusters").map((r) => r.query.offset)).to.deep.equal(["0", "250"]);
    for (const cluster of clusters) emulator.removeCluster(cluster.id);
  });

  it("an id the snapshot lacks (made since the list, or gone) is read with a GET; gone only when a second GET agrees", async () => {
    const listed = emulator.seedCluster({ name: "listed" });
    const gone = emulator.seedCluster({ name: "gone" });
    emulator.removeCluster(gone.id);
    emulator.clearRequests();
    let late = "";
    const reads = await refresh(
      [{ kind: "ManagedCluster", id: listed.id, props: { name: "listed" } }],
      async (p) => {
        const MC = "ManagedCluster" as const;
        await p.read(urnFor(MC, "first"), listed.id, await bag(MC, { name: "listed" }));
        late = emulator.seedCluster({ name: "late" }).id;
        expect((await p.read(urnFor(MC, "late"), late, await bag(MC, { name: "late" }))).id).to.equal(late);
        expect((await p.read(urnFor(MC, "gone"), gone.id, await bag(MC, { name: "gone" }))).id).to.equal("");
      },
    );
    expect(reads[0].id).to.equal(listed.id);
    expect(lines(emulator)).to.deep.equal([
      "GET /v2025/managed-clusters",
      `GET /v2025/managed-clusters/${late}`,
      `GET /v2025/managed-clusters/${gone.id}`,
      `GET /v2025/managed-clusters/${gone.id}`,
    ]);
  });

  it("a write through the process makes the snapshot forget that object: the next read GETs it", async () => {
    const a = emulator.seedCluster({ name: "write-a", description: "one" });
    const b = emulator.seedCluster({ name: "write-b", description: "one" });
    emulator.clearRequests();
    await refresh([], async (p) => {
      const MC = "ManagedCluster" as const;
      const urn = urnFor(MC, "a");
      await p.read(urn, a.id, await bag(MC, { name: "write-a" }));
      const { inputs } = await p.check(urn, await bag(MC, { name: "write-a", type: "idn" }), await bag(MC, { name: "write-a", description: "two" }));
      await p.update(urn, a.id, await bag(MC, { name: "write-a", description: "one", type: "idn" }), inputs);
      const again = await p.read(urn, a.id, await bag(MC, { name: "write-a", description: "two" }));
      expect(again.properties.description).to.equal("two");
      await p.read(urnFor(MC, "b"), b.id, await bag(MC, { name: "write-b" }));
    });
    expect(lines(emulator)).to.deep.equal(["GET /v2025/managed-clusters", `PATCH /v2025/managed-clusters/${a.id}`, `GET /v2025/managed-clusters/${a.id}`]);
  });
});
