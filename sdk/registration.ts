/**
 * How our resource classes register, shared by all of them (each class still calls `super` itself: the SDK takes a
 * resource's source position a fixed number of frames above `new CustomResource`, so a shared base class would make
 * every resource point into this package instead of the program's line): the same type token, properties and options
 * `pulumi.dynamic.Resource` would send, with the fixed `__provider` text of ./shim instead of a serialized closure.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceSchema } from "../provider/engine/schema";
import { seededProps } from "./outputs";
import { ownerInput } from "./owner";
import { providerText, type ResourceKind } from "./shim";

/** `pulumi-nodejs:dynamic/<module>:<type>`, the token `pulumi.dynamic.Resource` makes: the engine's dynamic provider. */
export function typeToken(kind: ResourceKind): string {
  return `pulumi-nodejs:dynamic/sailpoint:${kind}`;
}

/**
 * Every output seeded (see ./outputs), the args on top, and `__provider` (never taken from the args); with `owned`
 * (the resource's name and options: kinds whose creates are journalled), the resource's URN as `__owner` (./owner).
 */
export function registrationProps(
  kind: ResourceKind,
  schema: ResourceSchema,
  args: object,
  owned?: { name: string; opts?: pulumi.CustomResourceOptions },
): Record<string, unknown> {
  return { ...seededProps(schema, args), ...(owned && ownerInput(typeToken(kind), owned.name, owned.opts)), __provider: providerText(kind) };
}

/** The caller's options, with the schema's secret outputs added to `additionalSecretOutputs`. */
export function registrationOptions(schema: ResourceSchema, opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions | undefined {
  if (!schema.secretOutputs?.length) return opts;
  const secrets = [...(opts?.additionalSecretOutputs ?? []), ...schema.secretOutputs];
  return { ...opts, additionalSecretOutputs: [...new Set(secrets)] };
}

/**
 * For the duration of a resource constructor's `super(...)`: no stack traces. The SDK formats one for each of the four
 * promises behind every output property (kept only for PULUMI_DEBUG_PROMISE_LEAKS reports), which with our seeded
 * outputs is most of a registration's time, more so under source maps. The SDK itself raises the limit where it
 * needs a stack (the resource's source position). Returns the restore function; a no-op while debugging leaks.
 */
export function suspendStackTraces(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => void (Error.stackTraceLimit = limit);
}
