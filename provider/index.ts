/**
 * The provider implementation, loaded inside the Pulumi dynamic-provider host by the thin shims in sdk/
 * (`require("pulumi-sailpoint-isc/provider")`). This entry point is stored in the state of every resource, so it
 * must stay importable, and accept older output shapes, for as long as any stack uses it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureError, configureFrom } from "./context";
import { reportedOnce } from "./host-output";
import type * as HttpClient from "./http/client";
import { clusterLogConfig } from "./resources/cluster-log-config";
import { managedClient } from "./resources/managed-client";
import { managedCluster } from "./resources/managed-cluster";
import { oauthClient } from "./resources/oauth-client";
import { withSecretOutputs } from "./dynamic-secrets";
import { clusterLogConfigSchema } from "./schemas/cluster-log-config";
import { managedClientSchema } from "./schemas/managed-client";
import { managedClusterSchema } from "./schemas/managed-cluster";
import { oauthClientSchema } from "./schemas/oauth-client";

export type ResourceKind = "ManagedCluster" | "ClusterLogConfig" | "OAuthClient" | "ManagedClient";

/** Each kind's implementation, with the dynamic door's side of the secrets rule (./dynamic-secrets). */
const implementations: Record<ResourceKind, dynamic.ResourceProvider> = {
  ManagedCluster: withSecretOutputs(managedClusterSchema, managedCluster),
  ClusterLogConfig: withSecretOutputs(clusterLogConfigSchema, clusterLogConfig),
  OAuthClient: withSecretOutputs(oauthClientSchema, oauthClient),
  ManagedClient: withSecretOutputs(managedClientSchema, managedClient),
};

/**
 * Shared by every resource kind: the settings are resolved once per host process. Invalid settings do not fail
 * here (the host would print them with a stack trace, once per resource kind): every check reports them instead, as
 * one failure naming each key and its variable, before any request is sent.
 */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  configureFrom(req.config);
}

/** Check fails with the settings problem, if there is one, before looking at the inputs. */
function checkingSettings(check: NonNullable<dynamic.ResourceProvider["check"]>): NonNullable<dynamic.ResourceProvider["check"]> {
  return async (olds, news) => {
    const problem = configureError();
    return problem ? { inputs: news, failures: [{ property: "", reason: problem.message }] } : check(olds, news);
  };
}

/**
 * The provider of one resource kind, as every stored `__provider` text asks for it: 0.1.0's texts on every call,
 * later ones once per host process (sdk/shim.ts). Keep this signature for as long as any stack holds such a text.
 */
export function resource(kind: ResourceKind): dynamic.ResourceProvider {
  const implementation = implementations[kind];
  if (!implementation) throw new Error(`pulumi-sailpoint-isc: unknown resource kind "${kind}"`);
  const { check, diff, create, read, update, delete: remove } = implementation;
  return {
    configure,
    check: check && checkingSettings(reportedOnce(check)),
    diff: diff && reportedOnce(diff),
    create,
    read: read && reportedOnce(read),
    update,
    delete: remove && reportedOnce(remove),
  };
}

export { IscApi } from "./api";
export * from "./api/types";
export { ConfigError, resolveSettings, mapConfig, API_VERSIONS, DEFAULT_API_VERSION, SETTING_NAMES } from "./config";
export type { ApiVersion, ConfigSource, Settings, RateLimit } from "./config";
export { IscApiError } from "./http/errors";
/** The HTTP client, loaded on first use: check and diff (all a preview needs) never load got. */
export declare const IscClient: typeof HttpClient.IscClient;
export type IscClient = HttpClient.IscClient;
Object.defineProperty(exports, "IscClient", { enumerable: true, get: () => (require("./http/client") as typeof HttpClient).IscClient });
export { isc } from "./context";
export { managedClusterSchema } from "./schemas/managed-cluster";
export { clusterLogConfigSchema } from "./schemas/cluster-log-config";
export { oauthClientSchema } from "./schemas/oauth-client";
export { managedClientSchema } from "./schemas/managed-client";
export { outputNames } from "./engine/schema";
