/** The native package's names for the core's resource kinds and lookups (native door layout: package `sailpoint`). */
import type { ResourceKind } from "../provider";
import type { ResourceSchema } from "../provider/engine/schema";
import { clusterLogConfigSchema } from "../provider/schemas/cluster-log-config";
import { managedClientSchema } from "../provider/schemas/managed-client";
import { managedClusterSchema } from "../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../provider/schemas/oauth-client";

export const PACKAGE = "sailpoint";

export const SCHEMAS: Readonly<Record<ResourceKind, ResourceSchema>> = {
  ManagedCluster: managedClusterSchema,
  ClusterLogConfig: clusterLogConfigSchema,
  OAuthClient: oauthClientSchema,
  ManagedClient: managedClientSchema,
};

/** `sailpoint:index:<Kind>`: a resource's type token. */
export function resourceToken(kind: ResourceKind): string {
  return `${PACKAGE}:index:${kind}`;
}

/** The kind a type token names (the URN's type, or a function token's last part), or undefined. */
export function kindOfToken(token: string): ResourceKind | undefined {
  const match = /^sailpoint:index:(\w+)$/.exec(token);
  return match && Object.hasOwn(SCHEMAS, match[1]) ? (match[1] as ResourceKind) : undefined;
}

/** The resource type of a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`, the type possibly qualified by parents). */
export function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  return (parts[2] ?? "").split("$").pop() ?? "";
}
