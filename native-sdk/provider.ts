import * as pulumi from "@pulumi/pulumi";

/** An explicit provider's settings; each has the meaning and validation of the `sailpoint:*` stack setting of its name. */
export interface ProviderArgs {
  /** The tenant's API root, e.g. `https://acme.api.identitynow.com`. */
  baseUrl?: pulumi.Input<string>;
  /** The API client's id. */
  clientId?: pulumi.Input<string>;
  /** The API client's secret (always sent as a secret). */
  clientSecret?: pulumi.Input<string>;
  /** v3, v2024, v2025 (default) or v2026. */
  apiVersion?: pulumi.Input<string>;
  /** `<requests>/<milliseconds>`, default `100/10000`. */
  rateLimit?: pulumi.Input<string>;
  /** Timeout of each request in seconds (default 30). */
  requestTimeoutSeconds?: pulumi.Input<number>;
}

/**
 * A provider of the native package for one tenant: resources given `{ provider }` talk to its tenant, so one program
 * can hold several. One that names any of baseUrl, clientId and clientSecret takes all three from its arguments (never
 * from the SAIL_* variables, which could belong to another tenant); a missing or bad one fails before any request.
 */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts?: pulumi.ResourceOptions) {
    const { clientSecret, ...rest } = args;
    super("sailpoint", name, { ...rest, clientSecret: clientSecret === undefined ? undefined : pulumi.secret(clientSecret) }, opts);
  }
}
