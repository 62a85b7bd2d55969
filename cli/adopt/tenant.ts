/** Everything `adopt` looks at, read through the provider's own API layer (retries, rate limit, redaction). */
import type { IscApi } from "../../provider/api";
import { orUndefinedOn404 } from "../../provider/api/collection";
import type { ClientLogConfiguration, ManagedClient, ManagedCluster, OAuthClient } from "../../provider/api/types";

export interface TenantSnapshot {
  clusters: ManagedCluster[];
  managedClients: ManagedClient[];
  oauthClients: OAuthClient[];
  /** Active log configurations by cluster id (a 204 means none, or expired). */
  logConfigs: Map<string, ClientLogConfiguration>;
}

/** Lists the three collections (every page), then asks each cluster for its active log configuration. */
export async function readTenant(api: IscApi): Promise<TenantSnapshot> {
  const [clusters, managedClients, oauthClients] = await Promise.all([
    api.managedClusters.listAll(),
    api.managedClients.listAll(),
    api.oauthClients.listAll(),
  ]);
  const logConfigs = new Map<string, ClientLogConfiguration>();
  await Promise.all(
    clusters.map(async (cluster) => {
      // A cluster deleted since the list has no configuration either.
      const config = await orUndefinedOn404(() => api.managedClusters.getLogConfig(cluster.id));
      if (config) logConfigs.set(cluster.id, config);
    }),
  );
  return { clusters, managedClients, oauthClients, logConfigs };
}
