import type * as dynamic from "@pulumi/pulumi/dynamic";

// Placeholder while the ClusterLogConfig resource is being written; replaced in the same change.
export const clusterLogConfig: dynamic.ResourceProvider = {
  create: async () => {
    throw new Error("not implemented yet");
  },
};
