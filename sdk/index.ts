/** pulumi-sailpoint-isc: Pulumi resources for SailPoint Identity Security Cloud. */
export { ManagedCluster, type ManagedClusterArgs } from "./managed-cluster";
export { ClusterLogConfig, type ClusterLogConfigArgs } from "./cluster-log-config";
export { OAuthClient, type OAuthClientArgs, type GrantType } from "./oauth-client";
export type { ClusterType, LogLevel } from "../provider/api/types";
export { CLUSTER_TYPES, LOG_LEVELS, GRANT_TYPES, ACCESS_TYPES, CLIENT_TYPES } from "../provider/api/types";
export * from "./lookups";
export type { ManagedCluster as ManagedClusterInfo, OAuthClient as OAuthClientInfo, ManagedClientStatus } from "../provider/api/types";
