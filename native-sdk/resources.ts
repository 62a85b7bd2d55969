/**
 * The native package's resources for TypeScript programs: the same arguments and outputs as the dynamic classes
 * (`pulumi-sailpoint-isc`), served by the plugin `pulumi-resource-sailpoint`. Pass `provider` (a `Provider`) to talk
 * to a tenant other than the stack's.
 */
import * as pulumi from "@pulumi/pulumi";
import { clusterLogConfigSchema } from "../provider/schemas/cluster-log-config";
import { managedClientSchema } from "../provider/schemas/managed-client";
import { managedClusterSchema } from "../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../provider/schemas/oauth-client";
import type * as dynamic from "../sdk";
import { suspendStackTraces } from "../sdk/registration";
import { nativeOptions, nativeProps, nativeToken, type OutputsOf } from "./registration";

// Each class is merged with the interface of its outputs, which are the dynamic class's: declared once, in sdk/.
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type */

/** An ISC managed cluster (`/managed-clusters`). */
export interface ManagedCluster extends OutputsOf<dynamic.ManagedCluster> {}
export class ManagedCluster extends pulumi.CustomResource {
  constructor(name: string, args: dynamic.ManagedClusterArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = suspendStackTraces(); // as the dynamic classes do: see sdk/registration.ts
    try {
      super(nativeToken("ManagedCluster"), name, nativeProps(managedClusterSchema, args), nativeOptions("ManagedCluster", opts));
    } finally {
      restore();
    }
  }
}

/** A managed cluster's log configuration (`/managed-clusters/{id}/log-config`). */
export interface ClusterLogConfig extends OutputsOf<dynamic.ClusterLogConfig> {}
export class ClusterLogConfig extends pulumi.CustomResource {
  constructor(name: string, args: dynamic.ClusterLogConfigArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = suspendStackTraces(); // as the dynamic classes do: see sdk/registration.ts
    try {
      super(nativeToken("ClusterLogConfig"), name, nativeProps(clusterLogConfigSchema, args), nativeOptions("ClusterLogConfig", opts));
    } finally {
      restore();
    }
  }
}

/** An ISC API/OAuth client (`/oauth-clients`); its `secret` is a secret output. */
export interface OAuthClient extends OutputsOf<dynamic.OAuthClient> {}
export class OAuthClient extends pulumi.CustomResource {
  constructor(name: string, args: dynamic.OAuthClientArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = suspendStackTraces(); // as the dynamic classes do: see sdk/registration.ts
    try {
      super(nativeToken("OAuthClient"), name, nativeProps(oauthClientSchema, args), nativeOptions("OAuthClient", opts));
    } finally {
      restore();
    }
  }
}

/** A VA or CCG client of a managed cluster (`/managed-clients`); its key (`secret`) is a secret output. */
export interface ManagedClient extends OutputsOf<dynamic.ManagedClient> {}
export class ManagedClient extends pulumi.CustomResource {
  constructor(name: string, args: dynamic.ManagedClientArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = suspendStackTraces(); // as the dynamic classes do: see sdk/registration.ts
    try {
      super(nativeToken("ManagedClient"), name, nativeProps(managedClientSchema, args), nativeOptions("ManagedClient", opts));
    } finally {
      restore();
    }
  }
}
