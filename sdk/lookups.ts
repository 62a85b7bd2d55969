/**
 * Read-only lookups for programs, like data sources: they read the same `sailpoint:*` stack config (and SAIL_*
 * variables) as the resources and go through the same HTTP layer (retries, rate limit, errors without secrets).
 * The provider code is loaded on first use only, so a program that makes no lookup never loads the HTTP stack.
 */
import * as pulumi from "@pulumi/pulumi";
import type { IscApi } from "../provider/api";
import type { ManagedClient, ManagedCluster, ManagedClientStatus, ManagedClientType, OAuthClient } from "../provider/api/types";
import type { ConfigSource } from "../provider/config";
import type { ManagedClientFilters, ManagedClusterFilters, OAuthClientFilters } from "../provider/lookups";

function api(): IscApi {
  const { isc } = require("../provider/context") as typeof import("../provider/context");
  const { resolveSettings } = require("../provider/config") as typeof import("../provider/config");
  // runtime.getConfig reads the raw stack config, secrets included, without the plain-read warning.
  const stack: ConfigSource = { get: (key) => pulumi.runtime.getConfig(key) };
  return isc(resolveSettings(stack));
}

export type { ManagedClusterFilters, ManagedClientFilters, OAuthClientFilters };

/** The shared lookups (provider/lookups.ts), loaded on first use. */
function lookups(): typeof import("../provider/lookups") {
  return require("../provider/lookups") as typeof import("../provider/lookups");
}

/** One managed cluster by id. */
export async function getManagedCluster(args: { id: string }): Promise<ManagedCluster> {
  return lookups().getManagedCluster(api(), args);
}

/** Every managed cluster matching the filters, paging through all results. */
export async function listManagedClusters(filters?: ManagedClusterFilters): Promise<ManagedCluster[]> {
  return lookups().listManagedClusters(api(), filters);
}

/** Every managed client (VA, CCG) matching the filters, e.g. the clients of one cluster; their keys are never readable. */
export async function listManagedClients(filters: ManagedClientFilters = {}): Promise<ManagedClient[]> {
  return lookups().listManagedClients(api(), filters);
}

/** One OAuth client by id. Its secret is never readable (always null). */
export async function getOAuthClient(args: { id: string }): Promise<OAuthClient> {
  return lookups().getOAuthClient(api(), args);
}

/** OAuth clients, optionally filtered by last use (the only filters the API has). */
export async function listOAuthClients(filters?: OAuthClientFilters): Promise<OAuthClient[]> {
  return lookups().listOAuthClients(api(), filters);
}

/** A managed client's status (`type` is CCG, VA, INTERNAL or IIQ_HARVESTER). */
export async function getManagedClientStatus(args: { id: string; type: ManagedClientType }): Promise<ManagedClientStatus> {
  return lookups().getManagedClientStatus(api(), args);
}

/** Output forms, for arguments that are themselves outputs (e.g. `getManagedClusterOutput({ id: cluster.id })`). */
export function getManagedClusterOutput(args: { id: pulumi.Input<string> }): pulumi.Output<ManagedCluster> {
  return pulumi.output(args.id).apply((id) => getManagedCluster({ id })) as pulumi.Output<ManagedCluster>;
}

export function getOAuthClientOutput(args: { id: pulumi.Input<string> }): pulumi.Output<OAuthClient> {
  return pulumi.output(args.id).apply((id) => getOAuthClient({ id })) as pulumi.Output<OAuthClient>;
}

export function getManagedClientStatusOutput(args: { id: pulumi.Input<string>; type: pulumi.Input<ManagedClientType> }): pulumi.Output<ManagedClientStatus> {
  return pulumi.all([args.id, args.type]).apply(([id, type]) => getManagedClientStatus({ id, type })) as pulumi.Output<ManagedClientStatus>;
}
