/** ISC objects as the v2025 OpenAPI schemas describe them (isc-api.md §4). Unknown extra fields pass through. */

export const CLUSTER_TYPES = [
  "idn", "iai", "spConnectCluster", "sqsCluster", "das-rc", "das-pc", "das-dc", "pag", "das-am", "standard",
] as const;
export type ClusterType = (typeof CLUSTER_TYPES)[number];

export const LOG_LEVELS = ["OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const GRANT_TYPES = ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "REFRESH_TOKEN"] as const;
export const ACCESS_TYPES = ["ONLINE", "OFFLINE"] as const;
export const CLIENT_TYPES = ["CONFIDENTIAL", "PUBLIC"] as const;
export const MANAGED_CLIENT_TYPES = ["CCG", "VA", "INTERNAL", "IIQ_HARVESTER"] as const;

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

export interface ManagedClientStatus {
  body: Record<string, unknown>;
  status: string;
  type: string | null;
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
