import { outputNames } from "../provider/engine/schema";
import type { ResourceSchema } from "../provider/engine/schema";

/**
 * Props for `pulumi.dynamic.Resource`: every output the resource exposes seeded as undefined (pulumi/pulumi#5174),
 * then the user's args on top.
 */
export function seededProps(schema: ResourceSchema, args: object): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const name of outputNames(schema)) props[name] = undefined;
  return { ...props, ...args };
}
