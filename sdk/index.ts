/** pulumi-sailpoint-isc: Pulumi resources for SailPoint Identity Security Cloud. */
export { ManagedCluster, type ManagedClusterArgs } from "./managed-cluster";
export {
  ClusterLogConfig,
  type ClusterLogConfigArgs,
  type ClusterLogConfigCommonArgs,
  type ClusterLogConfigDurationArgs,
  type ClusterLogConfigExpirationArgs,
} from "./cluster-log-config";
export { OAuthClient, type OAuthClientArgs, type GrantType } from "./oauth-client";
export { ManagedClient, type ManagedClientArgs } from "./managed-client";
export type * from "./api-types";
// The API's enum values (from the bundled OpenAPI files), e.g. to validate configuration before a deployment.
export {
  ACCESS_TYPES,
  CLIENT_TYPES,
  CLUSTER_HEALTH_STATUSES,
  CLUSTER_STATUSES,
  CLUSTER_TYPES,
  GRANT_TYPES,
  LOG_LEVELS,
  MANAGED_CLIENT_STATUSES,
  MANAGED_CLIENT_TYPES,
} from "../provider/api/types";
export * from "./lookups";
export type {
  ManagedCluster as ManagedClusterInfo,
  OAuthClient as OAuthClientInfo,
  ManagedClient as ManagedClientInfo,
  ManagedClientStatus,
} from "../provider/api/types";
