/** What adopt needs to know per kind: the provider's field table and implementation, and the kind's own rules. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ResourceSchema } from "../../provider/engine/schema";
import { clusterLogConfig } from "../../provider/resources/cluster-log-config";
import { managedClient } from "../../provider/resources/managed-client";
import { managedCluster } from "../../provider/resources/managed-cluster";
import { oauthClient } from "../../provider/resources/oauth-client";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClientSchema } from "../../provider/schemas/managed-client";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";
import type { SelectionRules } from "./values";

type Bag = Record<string, unknown>;

export interface KindRules extends SelectionRules {
  schema: ResourceSchema;
  provider: dynamic.ResourceProvider;
  /** Values for required fields the service has no value for (the declaration is then flagged: up would change it). */
  fallbacks?(live: Bag): Bag;
}

/**
 * Configuration keys a cluster gets from the service without anyone sending them (the emulator documents the same):
 * its id, its type, and a GMT offset of "0". Declaring them would make the program own what it never chose.
 */
export function serviceConfigurationKey(key: string, value: unknown): string | undefined {
  if (key === "clusterExternalId") return "the cluster's id";
  if (key === "clusterType") return "its type";
  if (key === "gmtOffset" && value === "0") return '"0", the default';
  return undefined;
}

export const CLUSTER: KindRules = {
  schema: managedClusterSchema,
  provider: managedCluster,
  serviceKey: (field, key, value) => (field === "configuration" ? serviceConfigurationKey(key, value) : undefined),
  fallbacks: (live) => ({ name: `cluster-${String(live.id)}` }),
};

/** The name the service gives a managed client created without one. */
export function serviceClientName(live: Bag): string {
  return `VA-${String(live.clientId)}`;
}

export const MANAGED_CLIENT: KindRules = {
  schema: managedClientSchema,
  provider: managedClient,
  // An unnamed client's name is the service's (`VA-<clientId>`): the program leaves it to the service.
  keep: (field, value, live) => !(field === "name" && value === serviceClientName(live)),
};

export const OAUTH_CLIENT: KindRules = {
  schema: oauthClientSchema,
  provider: oauthClient,
  fallbacks: (live) => ({ name: `oauth-client-${String(live.id)}`, description: typeof live.name === "string" && live.name.trim() ? live.name : `OAuth client ${String(live.id)}` }),
};

export const LOG_CONFIG: KindRules = {
  schema: clusterLogConfigSchema,
  provider: clusterLogConfig,
};

