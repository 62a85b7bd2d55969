/**
 * The tenant's data, shared by every API version: managed clusters, their log configurations, managed clients,
 * OAuth clients and managed cluster types. Objects go in and out as copies, so callers never alias store state.
 *
 * The seed/mutate/remove helpers double as the out-of-band "drift" API for tests: they change data the way the
 * real service (or a person in the UI) would, bumping `updatedAt` / `modified`.
 */
import { base64Url, hexId, iso, safeEqual, secret64, uuid } from "./ids";
import type { Clock, LogConfig, ManagedClient, ManagedCluster, ManagedClusterType, OAuthClient } from "./types";

export interface TenantInfo {
  pod: string;
  org: string;
}

/** What a log configuration is set from (the PUT body, already validated, or a test's drift). */
export interface LogConfigInput {
  clientId?: string;
  rootLevel: string;
  logLevels?: Record<string, string>;
  durationMinutes?: number;
  /** Absolute end; ISO string or epoch ms. */
  expiration?: string | number;
}

export const DEFAULT_LOG_DURATION_MINUTES = 240;

interface StoredLogConfig {
  config: LogConfig;
  expiresAt: number;
}

/** Cluster types whose clusters run no CCG client (`clientType: null`). */
const TYPES_WITHOUT_CCG = new Set(["das-rc", "das-pc", "das-dc", "das-am", "pag"]);

const clone = <T>(v: T): T => structuredClone(v);

/** Stand-in key material, one line like the spec's examples (the emulator never encrypts anything). */
function pem(label: string, bytes: number): string {
  return `-----BEGIN ${label}-----${Buffer.from(base64Url(bytes), "base64url").toString("base64")}-----END ${label}-----`;
}

export class EmulatorStore {
  private readonly clusters = new Map<string, ManagedCluster>();
  private readonly logConfigs = new Map<string, StoredLogConfig>();
  private readonly clients = new Map<string, ManagedClient>();
  private readonly oauthClients = new Map<string, OAuthClient>();
  private readonly oauthSecrets = new Map<string, string>();
  private readonly clusterTypes = new Map<string, ManagedClusterType>();

  constructor(
    private readonly clock: Clock,
    readonly tenant: TenantInfo,
  ) {}

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
    const id = partial.id ?? hexId();
    const type = partial.type ?? "idn";
    const now = this.nowIso();
    const { pod, org } = { pod: partial.pod ?? this.tenant.pod, org: partial.org ?? this.tenant.org };
    const publicKey = pem("PUBLIC KEY", 45);
    const publicKeyCertificate = pem("CERTIFICATE", 60);
    const publicKeyThumbprint = base64Url(20);
    const cluster: ManagedCluster = {
      id,
      name: "Managed Cluster",
      pod,
      org,
      type,
      // The service adds keys the user never sent (isc-api.md §4.4); the user's own keys win. Set below.
      configuration: {},
      keyPair: { publicKey, publicKeyThumbprint, publicKeyCertificate },
      attributes: { queue: { name: `${pod}-${org}-lwt-cluster-${id}`, region: "us-east-1" }, keystore: null },
      description: "",
      redis: { redisHost: `redis.${pod}.emulator.local`, redisPort: 6379 },
      clientType: TYPES_WITHOUT_CCG.has(type) ? null : "CCG",
      ccgVersion: "v01",
      pinnedConfig: false,
      logConfiguration: null,
      operational: false,
      status: "NO_CLIENTS",
      publicKeyCertificate,
      publicKeyThumbprint,
      publicKey,
      encryptionConfiguration: { format: "V3" },
      alertKey: "",
      clientIds: [],
      serviceCount: 0,
      ccId: "0",
      createdAt: now,
      updatedAt: now,
      lastReleaseNotifiedAt: null,
      updatePreferences: { processGroups: null, updateState: "AUTO", notificationEmail: null },
      currentInstalledReleaseVersion: null,
      updatePackage: null,
      isOutOfDateNotifiedAt: null,
      consolidatedHealthIndicatorsStatus: null,
      ...partial,
    };
    cluster.id = id;
    cluster.type = type;
    cluster.configuration = { clusterExternalId: id, clusterType: type, gmtOffset: "0", ...clone(partial.configuration ?? {}) };
    cluster.logConfiguration = null;
    this.clusters.set(id, cluster);
    return this.getCluster(id) as ManagedCluster;
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
    const draft = clone(current);
    fn(draft);
    draft.id = id;
    draft.logConfiguration = null;
    if (draft.updatedAt === current.updatedAt) draft.updatedAt = this.nowIso();
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
    if (!input) {
      this.logConfigs.delete(clusterId);
      return undefined;
    }
    const now = this.clock.now();
    let expiresAt: number;
    let durationMinutes: number | undefined;
    if (input.expiration !== undefined) {
      expiresAt = typeof input.expiration === "number" ? input.expiration : Date.parse(input.expiration);
      if (Number.isNaN(expiresAt)) throw new Error(`invalid expiration ${String(input.expiration)}`);
    } else {
      durationMinutes = input.durationMinutes ?? DEFAULT_LOG_DURATION_MINUTES;
      expiresAt = now + durationMinutes * 60_000;
    }
    const config: LogConfig = {
      ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
      rootLevel: input.rootLevel,
      ...(input.logLevels !== undefined ? { logLevels: clone(input.logLevels) } : {}),
      ...(durationMinutes !== undefined ? { durationMinutes } : {}),
      expiration: iso(expiresAt),
    };
    this.logConfigs.set(clusterId, { config, expiresAt });
    return clone(config);
  }

  /** The active configuration; undefined when none was set or it has expired (an expired one is dropped). */
  getLogConfig(clusterId: string): LogConfig | undefined {
    const stored = this.logConfigs.get(clusterId);
    if (!stored) return undefined;
    if (this.clock.now() >= stored.expiresAt) {
      this.logConfigs.delete(clusterId);
      return undefined;
    }
    return clone(stored.config);
  }

  // ---- managed clients --------------------------------------------------------------------------------------------

  /** Attaches a managed client to a cluster (status NORMAL by default, which makes the cluster NORMAL/operational). */
  seedManagedClient(partial: Partial<ManagedClient> & { clusterId: string }): ManagedClient {
    const cluster = this.clusters.get(partial.clusterId);
    if (!cluster) throw new Error(`no managed cluster ${partial.clusterId}`);
    const id = partial.id ?? uuid();
    const clientId = partial.clientId ?? uuid();
    const now = this.nowIso();
    const client: ManagedClient = {
      id,
      alertKey: "",
      apiGatewayBaseUrl: `https://${this.tenant.org}.api.identitynow.com`,
      cookbook: uuid(),
      ccId: null,
      clientId,
      description: "",
      ipAddress: "10.0.0.10",
      lastSeen: now,
      name: `VA-${clientId}`,
      sinceLastSeen: "0",
      status: "NORMAL",
      type: "VA",
      clusterType: cluster.type,
      vaDownloadUrl: null,
      vaVersion: `va-${this.tenant.pod}-1-1`,
      secret: null,
      createdAt: now,
      updatedAt: now,
      provisionStatus: "PROVISIONED",
      ...partial,
    };
    client.id = id;
    this.clients.set(id, client);
    this.refreshClusterClients(client.clusterId);
    return clone(client);
  }

  getManagedClient(id: string): ManagedClient | undefined {
    const c = this.clients.get(id);
    return c ? clone(c) : undefined;
  }

  listManagedClients(): ManagedClient[] {
    return [...this.clients.values()].map(clone);
  }

  clientsOfCluster(clusterId: string): ManagedClient[] {
    return this.listManagedClients().filter((c) => c.clusterId === clusterId);
  }

  mutateManagedClient(id: string, fn: (client: ManagedClient) => void): ManagedClient {
    const current = this.clients.get(id);
    if (!current) throw new Error(`no managed client ${id}`);
    const draft = clone(current);
    fn(draft);
    draft.id = id;
    if (draft.updatedAt === current.updatedAt) draft.updatedAt = this.nowIso();
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
    const id = partial.id ?? hexId();
    const secret = partial.secret ?? secret64();
    const now = this.nowIso();
    const client: OAuthClient = {
      id,
      businessName: null,
      homepageUrl: null,
      name: "API client",
      description: null,
      accessTokenValiditySeconds: 750,
      refreshTokenValiditySeconds: 86400,
      redirectUris: null,
      grantTypes: ["CLIENT_CREDENTIALS"],
      accessType: "OFFLINE",
      type: "CONFIDENTIAL",
      internal: false,
      enabled: true,
      strongAuthSupported: false,
      claimsSupported: false,
      created: now,
      modified: now,
      metadata: null,
      lastUsed: null,
      scope: ["sp:scopes:all"],
      ...partial,
      secret: null,
    };
    client.id = id;
    this.oauthClients.set(id, client);
    this.oauthSecrets.set(id, secret);
    return { client: clone(client), secret };
  }

  getOAuthClient(id: string): OAuthClient | undefined {
    const c = this.oauthClients.get(id);
    return c ? clone(c) : undefined;
  }

  listOAuthClients(): OAuthClient[] {
    return [...this.oauthClients.values()].map(clone);
  }

  /** Changes an OAuth client in place; `modified` is bumped unless `fn` set it. The secret cannot be changed here. */
  mutateOAuthClient(id: string, fn: (client: OAuthClient) => void): OAuthClient {
    const current = this.oauthClients.get(id);
    if (!current) throw new Error(`no OAuth client ${id}`);
    const draft = clone(current);
    fn(draft);
    draft.id = id;
    draft.secret = null;
    if (draft.modified === current.modified) draft.modified = this.nowIso();
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
    const t = this.clusterTypes.get(id);
    return t ? clone(t) : undefined;
  }

  listClusterTypes(): ManagedClusterType[] {
    return [...this.clusterTypes.values()].map(clone);
  }

  replaceClusterType(t: ManagedClusterType): ManagedClusterType {
    this.clusterTypes.set(t.id, clone(t));
    return clone(t);
  }

  removeClusterType(id: string): boolean {
    return this.clusterTypes.delete(id);
  }
}
