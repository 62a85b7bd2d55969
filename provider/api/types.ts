/** ISC objects as the v2025 OpenAPI schemas describe them (docs/isc-api.md §4). Unknown extra fields pass through. */

export const CLUSTER_TYPES = [
  "idn", "iai", "spConnectCluster", "sqsCluster", "das-rc", "das-pc", "das-dc", "pag", "das-am", "standard",
] as const;
export type ClusterType = (typeof CLUSTER_TYPES)[number];

export const LOG_LEVELS = ["OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const GRANT_TYPES = ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "REFRESH_TOKEN"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export const ACCESS_TYPES = ["ONLINE", "OFFLINE"] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];
export const CLIENT_TYPES = ["CONFIDENTIAL", "PUBLIC"] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
/** `ManagedClientType` (nullable in the specs: a cluster without a CCG client has `clientType: null`). */
export const MANAGED_CLIENT_TYPES = ["CCG", "VA", "INTERNAL", "IIQ_HARVESTER"] as const;
export type ManagedClientType = (typeof MANAGED_CLIENT_TYPES)[number];
/** `ManagedCluster.status`. */
export const CLUSTER_STATUSES = ["CONFIGURING", "FAILED", "NO_CLIENTS", "NORMAL", "WARNING"] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];
/** `ManagedCluster.consolidatedHealthIndicatorsStatus` (nullable). */
export const CLUSTER_HEALTH_STATUSES = ["NORMAL", "WARNING", "ERROR"] as const;
export type ClusterHealthStatus = (typeof CLUSTER_HEALTH_STATUSES)[number];
/** `ManagedClientStatusCode`: the `status` of a managed client's status report. */
export const MANAGED_CLIENT_STATUSES = ["NORMAL", "UNDEFINED", "NOT_CONFIGURED", "CONFIGURING", "WARNING", "ERROR", "FAILED"] as const;
export type ManagedClientStatusCode = (typeof MANAGED_CLIENT_STATUSES)[number];

export interface ManagedCluster {
  id: string;
  name?: string;
  type?: ClusterType;
  description?: string | null;
  configuration?: Record<string, string | null>;
  clientType: string | null;
  ccgVersion: string;
  createdAt?: string | null;
  updatedAt?: string | null;
  status?: ClusterStatus;
  operational?: boolean;
  pinnedConfig?: boolean;
  pod?: string;
  org?: string;
  clientIds?: string[];
  serviceCount?: number;
  alertKey?: string;
  logConfiguration?: ClientLogConfiguration | null;
  publicKey?: string | null;
  publicKeyThumbprint?: string | null;
  publicKeyCertificate?: string | null;
  lastReleaseNotifiedAt?: string | null;
  currentInstalledReleaseVersion?: string | null;
  updatePackage?: string | null;
  isOutOfDateNotifiedAt?: string | null;
  consolidatedHealthIndicatorsStatus?: ClusterHealthStatus | null;
  [field: string]: unknown;
}

export interface ManagedClusterRequest {
  name: string;
  type?: ClusterType;
  description?: string | null;
  configuration?: Record<string, string>;
}

export interface ClientLogConfiguration {
  clientId?: string;
  rootLevel: LogLevel;
  logLevels?: Record<string, LogLevel>;
  durationMinutes?: number;
  expiration?: string;
}

export interface ClusterManualUpgrade {
  jobs: Array<Record<string, unknown>>;
}

export interface OAuthClient {
  id: string;
  name: string | null;
  description: string | null;
  secret?: string | null;
  created: string;
  modified: string;
  lastUsed?: string | null;
  businessName: string | null;
  homepageUrl: string | null;
  accessTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  redirectUris: string[] | null;
  grantTypes: GrantType[];
  accessType: AccessType;
  type: ClientType;
  internal: boolean;
  enabled: boolean;
  strongAuthSupported: boolean;
  claimsSupported: boolean;
  scope: string[] | null;
  metadata?: string | null;
  [field: string]: unknown;
}

export interface CreateOAuthClientRequest {
  name: string;
  description: string;
  accessTokenValiditySeconds: number;
  grantTypes: string[];
  accessType: string;
  enabled: boolean;
  [field: string]: unknown;
}

/** `ManagedClient` (docs/isc-api.md §4.7): a virtual appliance or connector gateway client paired with a cluster. */
export interface ManagedClient {
  id: string;
  clientId: string;
  clusterId: string;
  name: string | null;
  description: string | null;
  type: string;
  /** The client's API key: in the create response only. */
  secret?: string | null;
  status?: string | null;
  lastSeen?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  [field: string]: unknown;
}

export interface ManagedClientRequest {
  clusterId: string;
  name?: string | null;
  description?: string | null;
  type?: string | null;
}

export interface ManagedClientStatus {
  body: Record<string, unknown>;
  status: ManagedClientStatusCode;
  type: ManagedClientType | null;
  timestamp: string;
}

export type JsonPatchOperation =
  | { op: "add" | "replace" | "test"; path: string; value: unknown }
  | { op: "remove"; path: string }
  | { op: "move" | "copy"; from: string; path: string };

export interface ListOptions {
  offset?: number;
  limit?: number;
  count?: boolean;
  filters?: string;
}

export interface Page<T> {
  items: T[];
  /** X-Total-Count, when `count: true` was asked. */
  total?: number;
}
