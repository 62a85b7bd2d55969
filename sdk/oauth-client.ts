import * as pulumi from "@pulumi/pulumi";
import type { AccessType, ClientType, GrantType } from "../provider/api/types";
import { oauthClientSchema } from "../provider/schemas/oauth-client";
import { registrationOptions, registrationProps, suspendStackTraces, typeToken } from "./registration";

export type { GrantType };

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
  accessType: pulumi.Input<AccessType>;
  /** Whether the client may get tokens; default true. Updated in place. */
  enabled?: pulumi.Input<boolean>;
  businessName?: pulumi.Input<string>;
  homepageUrl?: pulumi.Input<string>;
  /** Redirect URIs, compared as a set; needed with AUTHORIZATION_CODE. */
  redirectUris?: pulumi.Input<pulumi.Input<string>[]>;
  strongAuthSupported?: pulumi.Input<boolean>;
  claimsSupported?: pulumi.Input<boolean>;
  /** CONFIDENTIAL (the service's default) or PUBLIC. A change replaces the client, and so its secret. */
  type?: pulumi.Input<ClientType>;
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
export class OAuthClient extends pulumi.CustomResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string>;
  declare readonly accessTokenValiditySeconds: pulumi.Output<number>;
  declare readonly refreshTokenValiditySeconds: pulumi.Output<number | undefined>;
  declare readonly grantTypes: pulumi.Output<GrantType[]>;
  declare readonly accessType: pulumi.Output<AccessType>;
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly businessName: pulumi.Output<string | undefined>;
  declare readonly homepageUrl: pulumi.Output<string | undefined>;
  declare readonly redirectUris: pulumi.Output<string[] | undefined>;
  declare readonly strongAuthSupported: pulumi.Output<boolean | undefined>;
  declare readonly claimsSupported: pulumi.Output<boolean | undefined>;
  declare readonly type: pulumi.Output<ClientType | undefined>;
  declare readonly internal: pulumi.Output<boolean | undefined>;
  /** The declared scopes or, when the program leaves them out, the service's (`sp:scopes:all`). */
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
    const restore = suspendStackTraces();
    try {
      super(typeToken("OAuthClient"), name, registrationProps("OAuthClient", oauthClientSchema, args, { name, opts }), registrationOptions(oauthClientSchema, opts));
    } finally {
      restore();
    }
  }
}
