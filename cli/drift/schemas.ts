/** The field tables of this package's resources, by kind: what the report compares, as the provider's diff does. */
import type { ResourceSchema } from "../../provider/engine/schema";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClientSchema } from "../../provider/schemas/managed-client";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";

const SCHEMAS: Record<string, ResourceSchema> = {
  ManagedCluster: managedClusterSchema,
  ManagedClient: managedClientSchema,
  ClusterLogConfig: clusterLogConfigSchema,
  OAuthClient: oauthClientSchema,
};

export function schemaOf(kind: string): ResourceSchema | undefined {
  return SCHEMAS[kind];
}
