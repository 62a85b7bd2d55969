/**
 * The provider implementation, loaded inside the Pulumi dynamic-provider host by the thin shims in sdk/
 * (`require("pulumi-sailpoint-isc/provider")`). This entry point is stored in the state of every resource, so it
 * must stay importable, and accept older output shapes, for as long as any stack uses it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureFrom } from "./context";
import { clusterLogConfig } from "./resources/cluster-log-config";
import { managedCluster } from "./resources/managed-cluster";
import { oauthClient } from "./resources/oauth-client";

export type ResourceKind = "ManagedCluster" | "ClusterLogConfig" | "OAuthClient";

const implementations: Record<ResourceKind, dynamic.ResourceProvider> = {
  ManagedCluster: managedCluster,
  ClusterLogConfig: clusterLogConfig,
  OAuthClient: oauthClient,
};

/** Shared by every resource kind: the settings are resolved once per host process and validated up front. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  configureFrom(req.config);
}

export function resource(kind: ResourceKind): dynamic.ResourceProvider {
  const implementation = implementations[kind];
  if (!implementation) throw new Error(`pulumi-sailpoint-isc: unknown resource kind "${kind}"`);
  return { ...implementation, configure };
}

export { IscApi } from "./api";
export * from "./api/types";
export { ConfigError, resolveSettings, mapConfig, API_VERSIONS, DEFAULT_API_VERSION, SETTING_NAMES } from "./config";
export type { ApiVersion, ConfigSource, Settings, RateLimit } from "./config";
export { IscApiError } from "./http/errors";
export { IscClient } from "./http/client";
export { isc } from "./context";
export { managedClusterSchema } from "./schemas/managed-cluster";
export { clusterLogConfigSchema } from "./schemas/cluster-log-config";
export { oauthClientSchema } from "./schemas/oauth-client";
export { outputNames } from "./engine/schema";
