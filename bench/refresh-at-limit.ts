/**
 * A refresh of many resources at ISC's real rate limit (100 requests per 10 s per client id, the emulator's default
 * and the provider's): every Read sent to a fresh host at once, as the engine's parallel refresh sends them. Clusters,
 * managed clients and OAuth clients come from one list snapshot per collection; log configurations have no list and
 * cost one GET each. Compared with what one GET per resource costs at the limit: N requests, and a full window for
 * each batch of 100 after the first.
 */
import { IscEmulator } from "../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../tests/harness/host";
import { providerText } from "../tests/harness/provider-text";
import type { Kind } from "../tests/harness/wire";
import { maxInWindow, TOKEN_PATH } from "../tests/reliability/helpers";

export const ISC_LIMIT = 100;
export const ISC_WINDOW_MS = 10_000;

export interface RefreshMix {
  clusters: number;
  logConfigs: number;
  oauthClients: number;
}

export interface RefreshAtLimit {
  resources: number;
  wallMs: number;
  apiRequests: number;
  rateLimited: number;
  busiestWindow: number;
  /** One GET per resource: its requests, and the least time they take under the limit. */
  oneGetPerResource: { requests: number; floorMs: number };
}

export async function refreshAtTheLimit(mix: RefreshMix): Promise<RefreshAtLimit> {
  const emulator = await IscEmulator.start({ validateResponses: false, rateLimit: { limit: ISC_LIMIT, windowMs: ISC_WINDOW_MS } });
  const host = await ProviderHost.start();
  try {
    await host.configure(sailpointConfig(emulator));
    const reads: Array<{ kind: Kind; id: string; props: Record<string, unknown> }> = [];
    for (let i = 0; i < mix.clusters; i++) {
      const c = emulator.seedCluster({ name: `refresh-${i}`, description: "seeded" });
      reads.push({ kind: "ManagedCluster", id: c.id, props: { name: c.name, type: c.type, description: c.description } });
      if (i < mix.logConfigs) {
        emulator.setLogConfig(c.id, { rootLevel: "DEBUG", logLevels: {}, durationMinutes: 240 });
        reads.push({ kind: "ClusterLogConfig", id: c.id, props: { clusterId: c.id, rootLevel: "DEBUG", durationMinutes: 240 } });
      }
    }
    for (let i = 0; i < mix.oauthClients; i++) {
      const { client } = emulator.seedOAuthClient({ name: `refresh-${i}`, description: "seeded" });
      reads.push({ kind: "OAuthClient", id: client.id, props: { name: client.name, description: client.description } });
    }
    const bags = await Promise.all(reads.map(async (r) => ({ ...r.props, __provider: await providerText(r.kind) })));
    emulator.clearRequests();
    const started = Date.now();
    const results = await Promise.all(reads.map((r, i) => host.read(urnFor(r.kind, `r${i}`), r.id, bags[i], bags[i])));
    const wallMs = Date.now() - started;
    if (results.some((r, i) => r.id !== reads[i].id)) throw new Error("a refresh read did not find its object");
    const api = emulator.requests.filter((r) => r.path !== TOKEN_PATH);
    return {
      resources: reads.length,
      wallMs,
      apiRequests: api.length,
      rateLimited: api.filter((r) => r.outcome === "rate-limited" || r.status === 429).length,
      busiestWindow: maxInWindow(api.map((r) => r.time), ISC_WINDOW_MS),
      oneGetPerResource: { requests: reads.length, floorMs: (Math.ceil(reads.length / ISC_LIMIT) - 1) * ISC_WINDOW_MS },
    };
  } finally {
    await host.stop();
    await emulator.stop();
  }
}
