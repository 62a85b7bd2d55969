/** Everything `adopt` looks at, read through the provider's own API layer (retries, rate limit, redaction). */
import type { IscApi } from "../../provider/api";
import { orUndefinedOn404 } from "../../provider/api/collection";
import type { ClientLogConfiguration, ManagedClient, ManagedCluster, OAuthClient } from "../../provider/api/types";
import { clip } from "../safe-text";

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

/** ISC returned an object adopt cannot declare as it is: the message names the object and the field. */
export class TenantDataError extends Error {
  override readonly name = "TenantDataError";
}

function describe(value: unknown): string {
  const kind = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
  return `${kind}: ${clip(JSON.stringify(value) ?? String(value), 80)}`;
}

/** Each object has a string id, and a name that is a string or absent (what names, sorts and matches it). */
export function checkTenant(tenant: TenantSnapshot): void {
  const lists: Array<[string, Array<Record<string, unknown>>, string[]]> = [
    ["managed cluster", tenant.clusters as unknown as Array<Record<string, unknown>>, []],
    ["managed client", tenant.managedClients as unknown as Array<Record<string, unknown>>, ["clusterId"]],
    ["OAuth client", tenant.oauthClients as unknown as Array<Record<string, unknown>>, []],
  ];
  for (const [kind, objects, required] of lists) {
    objects.forEach((object, i) => {
      const { id } = object;
      if (typeof id !== "string" || id === "") throw new TenantDataError(`ISC listed a ${kind} (number ${i + 1} in the list) whose "id" is not a string (${describe(id)})`);
      const name = object.name;
      if (name !== undefined && name !== null && typeof name !== "string") {
        throw new TenantDataError(`ISC's ${kind} ${JSON.stringify(id)} has a "name" that is not a string (${describe(name)}): adopt names each resource after it`);
      }
      for (const field of required) {
        if (typeof object[field] !== "string") throw new TenantDataError(`ISC's ${kind} ${JSON.stringify(id)} has a "${field}" that is not a string (${describe(object[field])})`);
      }
    });
  }
}
