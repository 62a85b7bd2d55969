/**
 * `pulumi-sailpoint-isc/native`: the native package `sailpoint` for TypeScript programs. The resources are served by
 * the plugin `pulumi-resource-sailpoint` (this package's bin), which programs of every Pulumi language share.
 */
export { ManagedCluster, ClusterLogConfig, OAuthClient, ManagedClient } from "./resources";
export { Provider, type ProviderArgs } from "./provider";
export * from "./lookups";
export type {
  ManagedClusterArgs,
  ClusterLogConfigArgs,
  ClusterLogConfigCommonArgs,
  ClusterLogConfigDurationArgs,
  ClusterLogConfigExpirationArgs,
  OAuthClientArgs,
  ManagedClientArgs,
  GrantType,
} from "../sdk";
export type * from "../sdk/api-types";
