import * as pulumi from "@pulumi/pulumi";
import type { LogLevel } from "../provider/api/types";
import { clusterLogConfigSchema } from "../provider/schemas/cluster-log-config";
import { seededProps } from "./outputs";
import { providerShim } from "./shim";

const provider = providerShim("ClusterLogConfig");

export interface ClusterLogConfigArgs {
  /** The managed cluster's id, usually `cluster.id` of a ManagedCluster. A change replaces the resource. */
  clusterId: pulumi.Input<string>;
  /** The root log level. SailPoint advises against `TRACE`, which gets a warning. Updated in place (PUT). */
  rootLevel: pulumi.Input<LogLevel>;
  /**
   * Logger name (e.g. `sailpoint.connector.JDBCConnector`) → level. The whole map is owned: PUT replaces it, so a
   * logger added out of band shows as drift. Updated in place (PUT).
   */
  logLevels?: pulumi.Input<Record<string, pulumi.Input<LogLevel>>>;
  /**
   * Minutes (5–1440) the configuration stays in effect, counted from each PUT. Set this or `expiration`, not both;
   * with neither the service applies 240 minutes. Time passing never causes an update: once the configuration has
   * expired, `pulumi refresh` (or `up --refresh`) sees it gone and the next `up` applies it again.
   */
  durationMinutes?: pulumi.Input<number>;
  /**
   * Absolute end of the configuration, an ISO 8601 date-time in the future and at most 24 hours ahead (checked when it
   * is sent). Set this or `durationMinutes`, not both. A value computed from the current time changes on every run,
   * and so updates on every run; prefer `durationMinutes` for a rolling window.
   */
  expiration?: pulumi.Input<string>;
}

/**
 * A managed cluster's log configuration (`/managed-clusters/{id}/log-config`). ISC keeps it only for a limited time by
 * design. There is no DELETE: deleting the resource resets the cluster to root level INFO, no overrides, for 5 minutes.
 */
export class ClusterLogConfig extends pulumi.dynamic.Resource {
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly rootLevel: pulumi.Output<LogLevel>;
  declare readonly logLevels: pulumi.Output<Record<string, LogLevel> | undefined>;
  declare readonly durationMinutes: pulumi.Output<number | undefined>;
  declare readonly expiration: pulumi.Output<string | undefined>;
  /** When the configuration ends, as the service reports it (or as computed from the duration at the last PUT). */
  declare readonly expiresAt: pulumi.Output<string>;
  /** The configuration's client id, when the service reports one. */
  declare readonly clientId: pulumi.Output<string | undefined>;

  constructor(name: string, args: ClusterLogConfigArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, seededProps(clusterLogConfigSchema, args), opts, "sailpoint", "ClusterLogConfig");
    pulumi.output(args.rootLevel).apply((level) => {
      if (level === "TRACE") {
        pulumi.log.warn("rootLevel TRACE: SailPoint advises never to set the root log level to TRACE; prefer DEBUG, or TRACE for single loggers in logLevels", this);
      }
    });
  }
}
