/**
 * The tenant's data, shared by every API version: managed clusters, their log configurations, managed clients,
 * OAuth clients and managed cluster types. Objects go in and out as copies, so callers never alias store state.
 *
 * The seed/mutate/remove helpers double as the out-of-band "drift" API for tests: they change data the way the
 * real service (or a person in the UI) would, bumping `updatedAt` / `modified`.
 */
import { hexId, iso, safeEqual, secret64 } from "./ids";
import { LogConfigs, type LogConfigInput } from "./log-configs";
import { newCluster, newManagedClient, newOAuthClient, type TenantInfo } from "./new-objects";
import type { Clock, LogConfig, ManagedClient, ManagedCluster, ManagedClusterType, OAuthClient } from "./types";

const clone = <T>(v: T): T => structuredClone(v);
const copyOf = <T>(map: Map<string, T>, id: string): T | undefined => {
  const value = map.get(id);
  return value === undefined ? undefined : clone(value);
};
const copiesOf = <T>(map: Map<string, T>): T[] => [...map.values()].map(clone);

/**
 * `fn` applied to a copy of `current`, which keeps its id; the `stamp` field (updatedAt / modified) is bumped to
 * `now` unless `fn` set it.
 */
function edited<T extends { id: string }>(current: T, fn: (draft: T) => void, stamp: keyof T, now: string): T {
  const draft = clone(current);
  fn(draft);
  draft.id = current.id;
  if (draft[stamp] === current[stamp]) (draft as Record<keyof T, unknown>)[stamp] = now;
  return draft;
}

export class EmulatorStore {
  private readonly clusters = new Map<string, ManagedCluster>();
  private readonly logConfigs: LogConfigs;
  private readonly clients = new Map<string, ManagedClient>();
  private readonly oauthClients = new Map<string, OAuthClient>();
  private readonly oauthSecrets = new Map<string, string>();
  private readonly clusterTypes = new Map<string, ManagedClusterType>();

  constructor(
    private readonly clock: Clock,
    readonly tenant: TenantInfo,
  ) {
    this.logConfigs = new LogConfigs(clock);
  }

  private nowIso(): string {
    return iso(this.clock.now());
  }

  /** Empties everything. */
  reset(): void {
    this.clusters.clear();
    this.logConfigs.clear();
    this.clients.clear();
    this.oauthClients.clear();
    this.oauthSecrets.clear();
    this.clusterTypes.clear();
  }

  // ---- managed clusters -------------------------------------------------------------------------------------------

  /** A new cluster with every server-side field filled in, as POST /managed-clusters creates it. */
  createCluster(input: { name: string; type?: string; description?: string | null; configuration?: Record<string, string> }): ManagedCluster {
    return this.seedCluster({
      name: input.name,
      type: input.type,
      description: input.description ?? "",
      configuration: input.configuration ?? {},
    });
  }

  /** Adds a cluster; fields not given get the defaults of a freshly created one (server-added configuration keys too). */
  seedCluster(partial: Partial<ManagedCluster> = {}): ManagedCluster {
    const cluster = newCluster(partial, this.tenant, this.nowIso());
    this.clusters.set(cluster.id, cluster);
    return this.getCluster(cluster.id) as ManagedCluster;
  }

  getCluster(id: string): ManagedCluster | undefined {
    const c = this.clusters.get(id);
    if (!c) return undefined;
    const view = clone(c);
    view.logConfiguration = this.getLogConfig(id) ?? null;
    return view;
  }

  hasCluster(id: string): boolean {
    return this.clusters.has(id);
  }

  /** All clusters in creation order. */
  listClusters(): ManagedCluster[] {
    return [...this.clusters.keys()].map((id) => this.getCluster(id) as ManagedCluster);
  }

  /**
   * Changes a cluster in place (out-of-band drift, or a PATCH). `updatedAt` is bumped unless `fn` set it.
   * `logConfiguration` is not stored on the cluster: use setLogConfig.
   */
  mutateCluster(id: string, fn: (cluster: ManagedCluster) => void): ManagedCluster {
    const current = this.clusters.get(id);
    if (!current) throw new Error(`no managed cluster ${id}`);
    const draft = edited(current, fn, "updatedAt", this.nowIso());
    draft.logConfiguration = null;
    this.clusters.set(id, draft);
    return this.getCluster(id) as ManagedCluster;
  }

  /** Deletes a cluster together with its log configuration and its managed clients. */
  removeCluster(id: string): boolean {
    if (!this.clusters.delete(id)) return false;
    this.logConfigs.delete(id);
    for (const client of [...this.clients.values()]) if (client.clusterId === id) this.clients.delete(client.id);
    return true;
  }

  // ---- log configuration ------------------------------------------------------------------------------------------

  /** Sets (or with `undefined` clears) a cluster's log configuration. No validation: tests may set anything. */
  setLogConfig(clusterId: string, input: LogConfigInput | undefined): LogConfig | undefined {
    if (!this.clusters.has(clusterId)) throw new Error(`no managed cluster ${clusterId}`);
    if (input) return this.logConfigs.set(clusterId, input);
    this.logConfigs.delete(clusterId);
    return undefined;
  }

  /** The active configuration; undefined when none was set or it has expired. */
  getLogConfig(clusterId: string): LogConfig | undefined {
    return this.logConfigs.get(clusterId);
  }

  // ---- managed clients --------------------------------------------------------------------------------------------

  /** Attaches a managed client to a cluster (status NORMAL by default, which makes the cluster NORMAL/operational). */
  seedManagedClient(partial: Partial<ManagedClient> & { clusterId: string }): ManagedClient {
    const cluster = this.clusters.get(partial.clusterId);
    if (!cluster) throw new Error(`no managed cluster ${partial.clusterId}`);
    const client = newManagedClient(partial, cluster, this.tenant, this.nowIso());
    this.clients.set(client.id, client);
    this.refreshClusterClients(client.clusterId);
    return clone(client);
  }

  getManagedClient(id: string): ManagedClient | undefined {
    return copyOf(this.clients, id);
  }

  listManagedClients(): ManagedClient[] {
    return copiesOf(this.clients);
  }

  clientsOfCluster(clusterId: string): ManagedClient[] {
    return this.listManagedClients().filter((c) => c.clusterId === clusterId);
  }

  mutateManagedClient(id: string, fn: (client: ManagedClient) => void): ManagedClient {
    const current = this.clients.get(id);
    if (!current) throw new Error(`no managed client ${id}`);
    const draft = edited(current, fn, "updatedAt", this.nowIso());
    this.clients.set(id, draft);
    this.refreshClusterClients(current.clusterId);
    if (draft.clusterId !== current.clusterId) this.refreshClusterClients(draft.clusterId);
    return clone(draft);
  }

  removeManagedClient(id: string): boolean {
    const client = this.clients.get(id);
    if (!client) return false;
    this.clients.delete(id);
    this.refreshClusterClients(client.clusterId);
    return true;
  }

  /** Recomputes a cluster's clientIds, status and operational flag from its clients. */
  private refreshClusterClients(clusterId: string): void {
    const cluster = this.clusters.get(clusterId);
    if (!cluster) return;
    const clients = [...this.clients.values()].filter((c) => c.clusterId === clusterId);
    const healthy = clients.some((c) => c.status === "NORMAL");
    cluster.clientIds = clients.map((c) => c.id);
    cluster.status = clients.length === 0 ? "NO_CLIENTS" : healthy ? "NORMAL" : "CONFIGURING";
    cluster.operational = healthy;
    cluster.updatedAt = this.nowIso();
  }

  // ---- OAuth clients ----------------------------------------------------------------------------------------------

  /** Adds an OAuth client; fields not given get create-time defaults. Returns it (secret: null) and its secret. */
  seedOAuthClient(partial: Partial<OAuthClient> & { secret?: string } = {}): { client: OAuthClient; secret: string } {
    const { secret = secret64(), ...fields } = partial;
    const client = newOAuthClient(fields, this.nowIso());
    this.oauthClients.set(client.id, client);
    this.oauthSecrets.set(client.id, secret);
    return { client: clone(client), secret };
  }

  getOAuthClient(id: string): OAuthClient | undefined {
    return copyOf(this.oauthClients, id);
  }

  listOAuthClients(): OAuthClient[] {
    return copiesOf(this.oauthClients);
  }

  /** Changes an OAuth client in place; `modified` is bumped unless `fn` set it. The secret cannot be changed here. */
  mutateOAuthClient(id: string, fn: (client: OAuthClient) => void): OAuthClient {
    const current = this.oauthClients.get(id);
    if (!current) throw new Error(`no OAuth client ${id}`);
    const draft = edited(current, fn, "modified", this.nowIso());
    draft.secret = null;
    this.oauthClients.set(id, draft);
    return clone(draft);
  }

  removeOAuthClient(id: string): boolean {
    this.oauthSecrets.delete(id);
    return this.oauthClients.delete(id);
  }

  /** Sets `lastUsed` (default now). Does not touch `modified`: using a client is not a change to it. */
  markOAuthClientUsed(id: string, at: number | string = this.clock.now()): OAuthClient {
    const c = this.oauthClients.get(id);
    if (!c) throw new Error(`no OAuth client ${id}`);
    c.lastUsed = typeof at === "number" ? iso(at) : at;
    return clone(c);
  }

  /** Secret check used by the token endpoint. */
  oauthSecretMatches(id: string, secret: string): boolean {
    const known = this.oauthSecrets.get(id);
    return known !== undefined && safeEqual(known, secret);
  }

  // ---- managed cluster types (v2024+) -----------------------------------------------------------------------------

  createClusterType(input: Omit<ManagedClusterType, "id"> & { id?: string }): ManagedClusterType {
    const t: ManagedClusterType = { ...input, id: input.id ?? hexId(), managedProcessIds: [...(input.managedProcessIds ?? [])] };
    this.clusterTypes.set(t.id, t);
    return clone(t);
  }

  getClusterType(id: string): ManagedClusterType | undefined {
    return copyOf(this.clusterTypes, id);
  }

  listClusterTypes(): ManagedClusterType[] {
    return copiesOf(this.clusterTypes);
  }

  replaceClusterType(t: ManagedClusterType): ManagedClusterType {
    this.clusterTypes.set(t.id, clone(t));
    return clone(t);
  }

  removeClusterType(id: string): boolean {
    return this.clusterTypes.delete(id);
  }
}
