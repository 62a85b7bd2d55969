import type * as dynamic from "@pulumi/pulumi/dynamic";

// Placeholder while the OAuthClient resource is being written; replaced in the same change.
export const oauthClient: dynamic.ResourceProvider = {
  create: async () => {
    throw new Error("not implemented yet");
  },
};
