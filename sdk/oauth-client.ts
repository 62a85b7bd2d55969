import * as pulumi from "@pulumi/pulumi";
import { oauthClientSchema } from "../provider/schemas/oauth-client";
import { seededProps } from "./outputs";
import { providerShim } from "./shim";

const provider = providerShim("OAuthClient");

export type GrantType = "CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE" | "REFRESH_TOKEN";

export interface OAuthClientArgs {
  /** Client name. Updated in place. */
  name: pulumi.Input<string>;
  /** Description (required by the API). Updated in place. */
  description: pulumi.Input<string>;
  /** Access token lifetime in seconds (> 0). Updated in place. */
  accessTokenValiditySeconds: pulumi.Input<number>;
  /** Refresh token lifetime in seconds (> 0). Updated in place. */
  refreshTokenValiditySeconds?: pulumi.Input<number>;
  /** Grant types, compared as a set. Updated in place. */
  grantTypes: pulumi.Input<pulumi.Input<GrantType>[]>;
  /** ONLINE or OFFLINE. Updated in place. */
  accessType: pulumi.Input<"ONLINE" | "OFFLINE">;
  /** Whether the client may get tokens; default true. Updated in place. */
  enabled?: pulumi.Input<boolean>;
  businessName?: pulumi.Input<string>;
  homepageUrl?: pulumi.Input<string>;
  /** Redirect URIs, compared as a set; needed with AUTHORIZATION_CODE. */
  redirectUris?: pulumi.Input<pulumi.Input<string>[]>;
  strongAuthSupported?: pulumi.Input<boolean>;
  claimsSupported?: pulumi.Input<boolean>;
  /** CONFIDENTIAL (the service's default) or PUBLIC. A change replaces the client, and so its secret. */
  type?: pulumi.Input<"CONFIDENTIAL" | "PUBLIC">;
  /** A change replaces the client, and so its secret. */
  internal?: pulumi.Input<boolean>;
  /** Scopes, compared as a set; the service applies sp:scopes:all when omitted. A change replaces the client. */
  scope?: pulumi.Input<pulumi.Input<string>[]>;
  /** Adopt this existing client instead of creating one; its secret then stays unknown. Only on create. */
  importId?: pulumi.Input<string>;
}

/**
 * An ISC API/OAuth client (`/oauth-clients`). Its `secret` comes only from the create call; it is registered as a
 * secret output, so it is encrypted in state and masked in previews, and it survives every refresh and update.
 */
export class OAuthClient extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string>;
  declare readonly accessTokenValiditySeconds: pulumi.Output<number>;
  declare readonly refreshTokenValiditySeconds: pulumi.Output<number | undefined>;
  declare readonly grantTypes: pulumi.Output<GrantType[]>;
  declare readonly accessType: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly businessName: pulumi.Output<string | undefined>;
  declare readonly homepageUrl: pulumi.Output<string | undefined>;
  declare readonly redirectUris: pulumi.Output<string[] | undefined>;
  declare readonly strongAuthSupported: pulumi.Output<boolean | undefined>;
  declare readonly claimsSupported: pulumi.Output<boolean | undefined>;
  declare readonly type: pulumi.Output<string | undefined>;
  declare readonly internal: pulumi.Output<boolean | undefined>;
  declare readonly scope: pulumi.Output<string[] | undefined>;
  declare readonly importId: pulumi.Output<string | undefined>;
  /** The OAuth client id to configure other tools with (equal to the resource id). */
  declare readonly clientId: pulumi.Output<string>;
  /** The client secret (a Pulumi secret); null when the client was adopted with importId. */
  declare readonly secret: pulumi.Output<string | null>;
  /** False when the secret is unknown (an adopted client). */
  declare readonly secretKnown: pulumi.Output<boolean>;
  declare readonly created: pulumi.Output<string>;
  declare readonly modified: pulumi.Output<string>;
  declare readonly lastUsed: pulumi.Output<string | null>;
  declare readonly metadata: pulumi.Output<string | null>;

  constructor(name: string, args: OAuthClientArgs, opts?: pulumi.CustomResourceOptions) {
    const secrets = [...(opts?.additionalSecretOutputs ?? []), ...(oauthClientSchema.secretOutputs ?? [])];
    super(provider, name, seededProps(oauthClientSchema, args), { ...opts, additionalSecretOutputs: [...new Set(secrets)] }, "sailpoint", "OAuthClient");
  }
}
