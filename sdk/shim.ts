import type * as pulumi from "@pulumi/pulumi";

/** The resource kinds of the provider implementation (mirrors provider/index.ts ResourceKind). */
export type ResourceKind = "ManagedCluster" | "ClusterLogConfig" | "OAuthClient";

/**
 * The object handed to `pulumi.dynamic.Resource`, serialized into every resource's state as `__provider`.
 * It captures nothing but `kind`: each method loads the implementation from the project's node_modules by the
 * package's stable subpath and delegates, so `__provider` stays about 2 KB, does not change when the implementation
 * does, and can never carry a credential. Bug fixes reach existing stacks, including their deletes and refreshes.
 */
export function providerShim(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const load = () => require("pulumi-sailpoint-isc/provider").resource(kind);
  return {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().check(olds, news),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read(id, props),
    update: (id, olds, news) => load().update(id, olds, news),
    delete: (id, props) => load().delete(id, props),
  };
}
