/**
 * Read-only lookups for programs, like data sources: they read the same `sailpoint:*` stack config (and SAIL_*
 * variables) as the resources and go through the same HTTP layer (retries, rate limit, errors without secrets).
 * The provider code is loaded on first use only, so a program that makes no lookup never loads the HTTP stack.
 */
import * as pulumi from "@pulumi/pulumi";
import type { IscApi } from "../provider/api";
import type { ClusterStatus, ClusterType, ManagedClient, ManagedCluster, ManagedClientStatus, ManagedClientType, OAuthClient } from "../provider/api/types";
import type { ConfigSource } from "../provider/config";

function api(): IscApi {
  const { isc } = require("../provider/context") as typeof import("../provider/context");
  const { resolveSettings } = require("../provider/config") as typeof import("../provider/config");
  // runtime.getConfig reads the raw stack config, secrets included, without the plain-read warning.
  const stack: ConfigSource = { get: (key) => pulumi.runtime.getConfig(key) };
  return isc(resolveSettings(stack));
}

/** Filters of `GET /managed-clusters` (each `eq`; all given ones must match). */
export interface ManagedClusterFilters {
  name?: string;
  type?: ClusterType;
  status?: ClusterStatus;
  operational?: boolean;
}

/** Filters of `GET /managed-clients` (each `eq`; all given ones must match); `type` is applied to the results. */
export interface ManagedClientFilters {
  clusterId?: string;
  name?: string;
  type?: ManagedClientType;
}

export interface OAuthClientFilters {
  /** Only clients last used at or before this ISO 8601 date-time (`lastUsed le ...`). */
  lastUsedBefore?: string;
  /** Only clients never used (`lastUsed isnull`). */
  neverUsed?: boolean;
}

function clusterFilter(f: ManagedClusterFilters = {}): string | undefined {
  const { and, eq } = require("../provider/api/filters") as typeof import("../provider/api/filters");
  return and(
    f.name === undefined ? undefined : eq("name", f.name),
    f.type === undefined ? undefined : eq("type", f.type),
    f.status === undefined ? undefined : eq("status", f.status),
    f.operational === undefined ? undefined : eq("operational", f.operational),
  );
}

function oauthFilter(f: OAuthClientFilters = {}): string | undefined {
  if (f.lastUsedBefore && f.neverUsed) throw new Error("listOAuthClients: use lastUsedBefore or neverUsed, not both");
  if (f.neverUsed) return "lastUsed isnull";
  return f.lastUsedBefore ? `lastUsed le ${f.lastUsedBefore}` : undefined;
}

function managedClientFilter(f: ManagedClientFilters = {}): string | undefined {
  const { and, eq } = require("../provider/api/filters") as typeof import("../provider/api/filters");
  return and(f.clusterId === undefined ? undefined : eq("clusterId", f.clusterId), f.name === undefined ? undefined : eq("name", f.name));
}

/** One managed cluster by id. */
export async function getManagedCluster(args: { id: string }): Promise<ManagedCluster> {
  return api().managedClusters.get(args.id);
}

/** Every managed cluster matching the filters, paging through all results. */
export async function listManagedClusters(filters?: ManagedClusterFilters): Promise<ManagedCluster[]> {
  return api().managedClusters.listAll(clusterFilter(filters));
}

/** Every managed client (VA, CCG) matching the filters, e.g. the clients of one cluster; their keys are never readable. */
export async function listManagedClients(filters: ManagedClientFilters = {}): Promise<ManagedClient[]> {
  const clients = await api().managedClients.listAll(managedClientFilter(filters));
  return filters.type === undefined ? clients : clients.filter((c) => c.type === filters.type);
}

/** One OAuth client by id. Its secret is never readable (always null). */
export async function getOAuthClient(args: { id: string }): Promise<OAuthClient> {
  return api().oauthClients.get(args.id);
}

/** OAuth clients, optionally filtered by last use (the only filters the API has). */
export async function listOAuthClients(filters?: OAuthClientFilters): Promise<OAuthClient[]> {
  return api().oauthClients.listAll(oauthFilter(filters));
}

/** A managed client's status (`type` is CCG, VA, INTERNAL or IIQ_HARVESTER). */
export async function getManagedClientStatus(args: { id: string; type: ManagedClientType }): Promise<ManagedClientStatus> {
  return api().managedClients.getStatus(args.id, args.type);
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
