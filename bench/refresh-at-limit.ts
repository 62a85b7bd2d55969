/**
 * A refresh of many resources at ISC's real rate limit (100 requests per 10 s per client id, the emulator's default
 * and the provider's): every Read sent to the host at once, as the engine's parallel refresh sends them, in a host of
 * its own. What counts: no 429s, no window over the limit, and a wall time at the limit's pace.
 */
import { IscEmulator } from "../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../tests/harness/host";
import { maxInWindow, TOKEN_PATH } from "../tests/reliability/helpers";

export const ISC_LIMIT = 100;
export const ISC_WINDOW_MS = 10_000;

export interface RefreshAtLimit {
  resources: number;
  wallMs: number;
  /** The least time `resources` requests can take under the limit: a full window for each batch after the first. */
  floorMs: number;
  rateLimited: number;
  busiestWindow: number;
  apiRequests: number;
}

export async function refreshAtTheLimit(resources: number): Promise<RefreshAtLimit> {
  const emulator = await IscEmulator.start({ validateResponses: false, rateLimit: { limit: ISC_LIMIT, windowMs: ISC_WINDOW_MS } });
  const host = await ProviderHost.start();
  try {
    await host.configure(sailpointConfig(emulator));
    const clusters = Array.from({ length: resources }, (_, i) => emulator.seedCluster({ name: `refresh-${i}`, description: "seeded" }));
    const started = Date.now();
    const reads = await Promise.all(
      clusters.map((c) =>
        host.read(urnFor("ManagedCluster", c.name), c.id, { name: c.name, type: c.type, description: c.description, configuration: c.configuration }),
      ),
    );
    const wallMs = Date.now() - started;
    if (reads.some((r, i) => r.id !== clusters[i].id)) throw new Error("a refresh read returned the wrong cluster");
    const api = emulator.requests.filter((r) => r.path !== TOKEN_PATH);
    return {
      resources,
      wallMs,
      floorMs: (Math.ceil(resources / ISC_LIMIT) - 1) * ISC_WINDOW_MS,
      rateLimited: api.filter((r) => r.outcome === "rate-limited" || r.status === 429).length,
      busiestWindow: maxInWindow(api.map((r) => r.time), ISC_WINDOW_MS),
      apiRequests: api.length,
    };
  } finally {
    await host.stop();
    await emulator.stop();
  }
}
