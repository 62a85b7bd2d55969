import * as pulumi from "@pulumi/pulumi";
import type { LogLevel } from "../provider/api/types";
import { clusterLogConfigSchema } from "../provider/schemas/cluster-log-config";
import { registrationOptions, registrationProps, suspendStackTraces, typeToken } from "./registration";

/** What every log configuration declares; `ClusterLogConfigArgs` adds at most one of the two timing fields. */
export interface ClusterLogConfigCommonArgs {
  /** The managed cluster's id, usually `cluster.id` of a ManagedCluster. A change replaces the resource. */
  clusterId: pulumi.Input<string>;
  /** The root log level. SailPoint advises against `TRACE`, which gets a warning. Updated in place (PUT). */
  rootLevel: pulumi.Input<LogLevel>;
  /**
   * Logger name (e.g. `sailpoint.connector.JDBCConnector`) → level. The whole map is owned: PUT replaces it, so a
   * logger added out of band shows as drift. Updated in place (PUT).
   */
  logLevels?: pulumi.Input<Record<string, pulumi.Input<LogLevel>>>;
}

/** A log configuration kept for a number of minutes from each PUT (or, with neither timing field, 240 minutes). */
export interface ClusterLogConfigDurationArgs extends ClusterLogConfigCommonArgs {
  /**
   * Minutes (5–1440) the configuration stays in effect, counted from each PUT. Set this or `expiration`, not both;
   * with neither the service applies 240 minutes. Time passing never causes an update: once the configuration has
   * expired, `pulumi refresh` (or `up --refresh`) sees it gone and the next `up` applies it again.
   */
  durationMinutes?: pulumi.Input<number>;
  /** Not with `durationMinutes`. */
  expiration?: never;
}

/** A log configuration kept until an absolute date-time. */
export interface ClusterLogConfigExpirationArgs extends ClusterLogConfigCommonArgs {
  /**
   * Absolute end of the configuration, an ISO 8601 date-time in the future and at most 24 hours ahead (checked when it
   * is sent). Set this or `durationMinutes`, not both. A value computed from the current time changes on every run,
   * and so updates on every run; prefer `durationMinutes` for a rolling window.
   */
  expiration?: pulumi.Input<string>;
  /** Not with `expiration`. */
  durationMinutes?: never;
}

/** The inputs of a ClusterLogConfig: `durationMinutes` or `expiration` (or neither), never both. */
export type ClusterLogConfigArgs = ClusterLogConfigDurationArgs | ClusterLogConfigExpirationArgs;

/**
 * A managed cluster's log configuration (`/managed-clusters/{id}/log-config`). ISC keeps it only for a limited time by
 * design. There is no DELETE: deleting the resource resets the cluster to root level INFO, no overrides, for 5 minutes.
 */
export class ClusterLogConfig extends pulumi.CustomResource {
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
    const restore = suspendStackTraces();
    try {
      super(typeToken("ClusterLogConfig"), name, registrationProps("ClusterLogConfig", clusterLogConfigSchema, args), registrationOptions(clusterLogConfigSchema, opts));
    } finally {
      restore();
    }
    pulumi.output(args.rootLevel).apply((level) => {
      if (level === "TRACE") {
        pulumi.log.warn("rootLevel TRACE: SailPoint advises never to set the root log level to TRACE; prefer DEBUG, or TRACE for single loggers in logLevels", this);
      }
    });
  }
}
