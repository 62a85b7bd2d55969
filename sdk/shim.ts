import type { ResourceKind } from "../provider";

export type { ResourceKind };

/**
 * The `__provider` text stored with every resource of `kind`: a fixed CommonJS module, written here rather than
 * produced by Pulumi's closure serializer, so it holds nothing from the program (no setting, no secret) and never
 * changes with the implementation. The dynamic-provider host loads it with require-from-string (no file name, so
 * `require` resolves from the project directory, where the host runs), calls `handler()` once and caches the result:
 * the implementation of the installed package, by its stable entry point (`resource(kind)`, which 0.1.0 has too).
 * Fixes therefore reach existing stacks, deletes included.
 * Small on purpose: every resource stores it twice, and the engine sends it in every call (Check and Diff twice).
 *
 * Stacks written by 0.1.0 hold the serializer's text of a shim calling the same entry point on every call
 * (tests/fixtures/provider-text-0.1.0); the host runs that too, and our diff ignores `__provider`.
 */
export function providerText(kind: ResourceKind): string {
  return `"use strict";
// pulumi-sailpoint-isc ${kind}
exports.handler = () => require("pulumi-sailpoint-isc/provider").resource(${JSON.stringify(kind)});
`;
}
