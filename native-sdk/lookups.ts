/**
 * The lookups of the native package (functions `sailpoint:index:<name>`), served by the plugin's Invoke with the same
 * core as the dynamic package's lookups. `opts.provider` picks the tenant; the default is the stack's.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ManagedClient, ManagedCluster, ManagedClientStatus, ManagedClientType, OAuthClient } from "../provider/api/types";
import type { ManagedClientFilters, ManagedClusterFilters, OAuthClientFilters } from "../provider/lookups";

export type { ManagedClientFilters, ManagedClusterFilters, OAuthClientFilters };

function invoke<T>(name: string, args: object, opts?: pulumi.InvokeOptions): Promise<T> {
  return pulumi.runtime.invoke(`sailpoint:index:${name}`, args, opts) as Promise<T>;
}

async function items<T>(name: string, args: object, opts?: pulumi.InvokeOptions): Promise<T[]> {
  return (await invoke<{ items: T[] }>(name, args, opts)).items;
}

export function getManagedCluster(args: { id: string }, opts?: pulumi.InvokeOptions): Promise<ManagedCluster> {
  return invoke("getManagedCluster", args, opts);
}

export function listManagedClusters(filters: ManagedClusterFilters = {}, opts?: pulumi.InvokeOptions): Promise<ManagedCluster[]> {
  return items("listManagedClusters", filters, opts);
}

export function listManagedClients(filters: ManagedClientFilters = {}, opts?: pulumi.InvokeOptions): Promise<ManagedClient[]> {
  return items("listManagedClients", filters, opts);
}

export function getOAuthClient(args: { id: string }, opts?: pulumi.InvokeOptions): Promise<OAuthClient> {
  return invoke("getOAuthClient", args, opts);
}

export function listOAuthClients(filters: OAuthClientFilters = {}, opts?: pulumi.InvokeOptions): Promise<OAuthClient[]> {
  return items("listOAuthClients", filters, opts);
}

export function getManagedClientStatus(args: { id: string; type: ManagedClientType }, opts?: pulumi.InvokeOptions): Promise<ManagedClientStatus> {
  return invoke("getManagedClientStatus", args, opts);
}
