/**
 * Objects as the service creates them: every server-side field filled in with its create-time default, then the
 * caller's fields on top. The store keeps them; the seed helpers and the POST handlers both start here.
 */
import { base64Url, hexId, uuid } from "./ids";
import type { ManagedClient, ManagedCluster, OAuthClient } from "./types";

export interface TenantInfo {
  pod: string;
  org: string;
}

/** Cluster types whose clusters run no CCG client (`clientType: null`). */
const TYPES_WITHOUT_CCG = new Set(["das-rc", "das-pc", "das-dc", "das-am", "pag"]);

/** Stand-in key material, one line like the spec's examples (the emulator never encrypts anything). */
function pem(label: string, bytes: number): string {
  return `-----BEGIN ${label}-----${Buffer.from(base64Url(bytes), "base64url").toString("base64")}-----END ${label}-----`;
}

/** A cluster; the service adds configuration keys the user never sent (docs/isc-api.md §4.4), the user's own keys win. */
export function newCluster(partial: Partial<ManagedCluster>, tenant: TenantInfo, now: string): ManagedCluster {
  const id = partial.id ?? hexId();
  const type = partial.type ?? "idn";
  const { pod, org } = { pod: partial.pod ?? tenant.pod, org: partial.org ?? tenant.org };
  const publicKey = pem("PUBLIC KEY", 45);
  const publicKeyCertificate = pem("CERTIFICATE", 60);
  const publicKeyThumbprint = base64Url(20);
  const cluster: ManagedCluster = {
    id,
    name: "Managed Cluster",
    pod,
    org,
    type,
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
  // Assigned after the caller's fields, in place (keys keep their order: the JSON the service sends). The log
  // configuration is never stored on the cluster: the store joins the active one in on every read.
  return Object.assign(cluster, {
    id,
    type,
    logConfiguration: null,
    configuration: { clusterExternalId: id, clusterType: type, gmtOffset: "0", ...structuredClone(partial.configuration ?? {}) },
  });
}

/** A managed client (a virtual appliance) of `cluster`, NORMAL by default. */
export function newManagedClient(partial: Partial<ManagedClient> & { clusterId: string }, cluster: ManagedCluster, tenant: TenantInfo, now: string): ManagedClient {
  const id = partial.id ?? uuid();
  const clientId = partial.clientId ?? uuid();
  const client: ManagedClient = {
    id,
    alertKey: "",
    apiGatewayBaseUrl: `https://${tenant.org}.api.identitynow.com`,
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
    vaVersion: `va-${tenant.pod}-1-1`,
    secret: null,
    createdAt: now,
    updatedAt: now,
    provisionStatus: "PROVISIONED",
    ...partial,
  };
  return Object.assign(client, { id });
}

/** An OAuth client; its `secret` is never stored on it (null), only beside it. */
export function newOAuthClient(partial: Partial<OAuthClient>, now: string): OAuthClient {
  const id = partial.id ?? hexId();
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
  return Object.assign(client, { id });
}
