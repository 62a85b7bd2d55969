import * as pulumi from "@pulumi/pulumi";
import type { ClusterType } from "../provider/api/types";
import { managedClusterSchema } from "../provider/schemas/managed-cluster";
import { registrationOptions, registrationProps, suspendStackTraces, typeToken } from "./registration";

export interface ManagedClusterArgs {
  /** Cluster name. Updated in place. */
  name: pulumi.Input<string>;
  /** Cluster type; default `idn`. A change replaces the cluster. */
  type?: pulumi.Input<ClusterType>;
  /** Description. Updated in place. */
  description?: pulumi.Input<string>;
  /**
   * Configuration keys this program owns. Only these keys are diffed, patched (per key) and checked for drift; keys
   * the service adds appear in `liveConfiguration` and never cause a diff. A key removed here is removed on the service.
   */
  configuration?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Delete the cluster's clients with it (`removeClients`); default false. Changing it sends nothing. */
  removeClientsOnDelete?: pulumi.Input<boolean>;
  /** Adopt this existing cluster instead of creating one; only when the resource is created. */
  importId?: pulumi.Input<string>;
  /** Any value; setting or changing it triggers one manual upgrade (ISC API v2024 and later). */
  manualUpgradeTrigger?: pulumi.Input<string>;
}

/** An ISC managed cluster (`/managed-clusters`). */
export class ManagedCluster extends pulumi.CustomResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly type: pulumi.Output<ClusterType>;
  declare readonly description: pulumi.Output<string | undefined>;
  /** The declared configuration keys, with the values the service holds. */
  declare readonly configuration: pulumi.Output<Record<string, string> | undefined>;
  /** The cluster's whole configuration, including keys the service added. */
  declare readonly liveConfiguration: pulumi.Output<Record<string, string | null>>;
  declare readonly removeClientsOnDelete: pulumi.Output<boolean>;
  declare readonly importId: pulumi.Output<string | undefined>;
  declare readonly manualUpgradeTrigger: pulumi.Output<string | undefined>;
  /** Jobs returned by the last manual upgrade this resource triggered. */
  declare readonly upgradeJobs: pulumi.Output<Array<Record<string, unknown>> | undefined>;
  declare readonly clientType: pulumi.Output<string | null>;
  declare readonly ccgVersion: pulumi.Output<string>;
  declare readonly pinnedConfig: pulumi.Output<boolean>;
  declare readonly operational: pulumi.Output<boolean>;
  declare readonly status: pulumi.Output<string>;
  declare readonly pod: pulumi.Output<string>;
  declare readonly org: pulumi.Output<string>;
  declare readonly clientIds: pulumi.Output<string[]>;
  declare readonly serviceCount: pulumi.Output<number>;
  declare readonly createdAt: pulumi.Output<string | null>;
  declare readonly updatedAt: pulumi.Output<string | null>;
  declare readonly logConfiguration: pulumi.Output<Record<string, unknown> | null>;
  declare readonly keyPair: pulumi.Output<Record<string, unknown>>;
  declare readonly attributes: pulumi.Output<Record<string, unknown>>;
  declare readonly redis: pulumi.Output<Record<string, unknown>>;
  declare readonly encryptionConfiguration: pulumi.Output<Record<string, unknown>>;
  declare readonly publicKey: pulumi.Output<string | null>;
  declare readonly publicKeyThumbprint: pulumi.Output<string | null>;
  declare readonly publicKeyCertificate: pulumi.Output<string | null>;
  declare readonly alertKey: pulumi.Output<string>;
  declare readonly ccId: pulumi.Output<string>;
  declare readonly lastReleaseNotifiedAt: pulumi.Output<string | null>;
  declare readonly updatePreferences: pulumi.Output<Record<string, unknown>>;
  declare readonly currentInstalledReleaseVersion: pulumi.Output<string | null>;
  declare readonly updatePackage: pulumi.Output<string | null>;
  declare readonly isOutOfDateNotifiedAt: pulumi.Output<string | null>;
  declare readonly consolidatedHealthIndicatorsStatus: pulumi.Output<string | null>;

  constructor(name: string, args: ManagedClusterArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = suspendStackTraces();
    try {
      super(typeToken("ManagedCluster"), name, registrationProps("ManagedCluster", managedClusterSchema, args, { name, opts }), registrationOptions(managedClusterSchema, opts));
    } finally {
      restore();
    }
  }
}
