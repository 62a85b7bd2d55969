/**
 * How the native classes register (each class still calls `super` itself, so the resource's source position is the
 * program's line): the type token `sailpoint:index:<Kind>`, the props of the dynamic classes (outputs seeded from the
 * field table, lost keys named; see sdk/outputs.ts), and an alias from the dynamic type, so a stack made by the
 * dynamic classes moves to the native plugin without a replacement.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../provider";
import type { ResourceSchema } from "../provider/engine/schema";
import { SECRET_INPUTS } from "../provider/engine/secrets";
import { seededProps } from "../sdk/outputs";
import { typeToken } from "../sdk/registration";

/** `sailpoint:index:<Kind>`: the native package's type token. */
export function nativeToken(kind: ResourceKind): string {
  return `sailpoint:index:${kind}`;
}

/**
 * The props to register. The plugin receives secrets as secrets (it accepts them), so the dynamic door's list of
 * secret inputs is not sent.
 */
export function nativeProps(schema: ResourceSchema, args: object | undefined): Record<string, unknown> {
  const props = seededProps(schema, args ?? {});
  delete props[SECRET_INPUTS];
  return props;
}

/** The caller's options with the dynamic type (`pulumi-nodejs:dynamic/sailpoint:<Kind>`) added as an alias. */
export function nativeOptions(kind: ResourceKind, opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
  return { ...opts, aliases: [...(opts?.aliases ?? []), { type: typeToken(kind) }] };
}

/** The output properties of a dynamic class, for the native class of the same kind (same core, same outputs). */
export type OutputsOf<T> = Omit<T, keyof pulumi.CustomResource>;
