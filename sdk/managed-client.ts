import * as pulumi from "@pulumi/pulumi";
import type { ManagedClientStatusCode, ManagedClientType } from "../provider/api/types";
import { managedClientSchema } from "../provider/schemas/managed-client";
import { registrationOptions, registrationProps, suspendStackTraces, typeToken } from "./registration";

export interface ManagedClientArgs {
  /** The managed cluster's id, usually `cluster.id` of a ManagedCluster. A change replaces the client. */
  clusterId: pulumi.Input<string>;
  /** `VA` (default) or `CCG` (also `INTERNAL`, `IIQ_HARVESTER`). A change replaces the client, and so its key. */
  type?: pulumi.Input<ManagedClientType>;
  /** Client name. Updated in place. Omitted: the service names it `VA-<clientId>`, which is no drift. */
  name?: pulumi.Input<string>;
  /** Description. Updated in place; omitted means empty. */
  description?: pulumi.Input<string>;
  /** Adopt this existing client instead of creating one; only on create. Its key then stays unknown. */
  importId?: pulumi.Input<string>;
}

/**
 * A virtual appliance (VA) or connector gateway (CCG) client paired with a managed cluster (`/managed-clients`). Its
 * key (`secret`) is returned only when the client is created: it is kept as a Pulumi secret output for the life of
 * the client. Its status and last contact (`status`, `lastSeen`) are the service's, never a diff.
 */
export class ManagedClient extends pulumi.CustomResource {
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly type: pulumi.Output<ManagedClientType>;
  /** The declared name or, when the program leaves it out, the service's (`VA-<clientId>`). */
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly importId: pulumi.Output<string | undefined>;
  /** The client's key (a Pulumi secret); null when the client was adopted with importId. */
  declare readonly secret: pulumi.Output<string | null>;
  /** False when the key is unknown (an adopted client). */
  declare readonly secretKnown: pulumi.Output<boolean>;
  /** The client's own id, used by the appliance to authenticate. */
  declare readonly clientId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<ManagedClientStatusCode | null>;
  declare readonly clusterType: pulumi.Output<string | null>;
  declare readonly vaDownloadUrl: pulumi.Output<string | null>;
  declare readonly vaVersion: pulumi.Output<string | null>;
  declare readonly ipAddress: pulumi.Output<string | null>;
  declare readonly lastSeen: pulumi.Output<string | null>;
  declare readonly sinceLastSeen: pulumi.Output<string | null>;
  declare readonly provisionStatus: pulumi.Output<"PROVISIONED" | "DRAFT" | null>;
  declare readonly alertKey: pulumi.Output<string | null>;
  declare readonly apiGatewayBaseUrl: pulumi.Output<string | null>;
  declare readonly cookbook: pulumi.Output<string | null>;
  declare readonly ccId: pulumi.Output<number | null>;
  declare readonly createdAt: pulumi.Output<string | null>;
  declare readonly updatedAt: pulumi.Output<string | null>;

  constructor(name: string, args: ManagedClientArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = suspendStackTraces();
    try {
      super(typeToken("ManagedClient"), name, registrationProps("ManagedClient", managedClientSchema, args, { name, opts }), registrationOptions(managedClientSchema, opts));
    } finally {
      restore();
    }
  }
}
