/** The resource kinds of the provider implementation (mirrors provider/index.ts ResourceKind). */
export type ResourceKind = "ManagedCluster" | "ClusterLogConfig" | "OAuthClient";

/**
 * The `__provider` text stored with every resource of `kind`: a fixed CommonJS module, written here rather than
 * produced by Pulumi's closure serializer, so it holds nothing from the program (no setting, no secret) and never
 * changes with the implementation. The dynamic-provider host loads it with require-from-string (no file name, so
 * `require` resolves from the project directory, where the host runs) and calls `handler()`; each method loads the
 * implementation by the package's stable subpath and delegates, so fixes reach existing stacks, deletes included.
 * Kept under 512 bytes: every resource stores it twice, and the engine sends it in every call (Check and Diff twice).
 *
 * Stacks written by 0.1.0 hold the serializer's text of the same shim (tests/fixtures/provider-text-0.1.0); the host
 * runs it as well, since both only `require` the implementation, and our diff ignores `__provider`.
 */
export function providerText(kind: ResourceKind): string {
  const name = JSON.stringify(kind);
  return `"use strict";
// pulumi-sailpoint-isc ${kind}: every method delegates to the implementation in the project's node_modules.
exports.handler = () => {
  const call = (method) => (...args) => require("pulumi-sailpoint-isc/provider").resource(${name})[method](...args);
  return { configure: call("configure"), check: call("check"), diff: call("diff"), create: call("create"), read: call("read"), update: call("update"), delete: call("delete") };
};
`;
}
