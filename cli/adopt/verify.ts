/**
 * The provider's own verdict on a generated declaration, before anything is written: its check, then what adopting it
 * would do (replace-only fields must already match; any JSON Patch operation is a change), then the diff a refresh
 * right after would show. An empty answer means `pulumi up` adopts it without a change and the next drift check is
 * clean.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { diffInputs } from "../../provider/engine/diff";
import { replaceOnlyDifferences } from "../../provider/engine/match";
import { buildOutputs, ownedInputs } from "../../provider/engine/outputs";
import { patchOperations } from "../../provider/engine/patch";
import type { ResourceSchema } from "../../provider/engine/schema";

type Bag = Record<string, unknown>;

export async function adoptionProblems(provider: dynamic.ResourceProvider, schema: ResourceSchema, live: Bag, declared: Bag): Promise<string[]> {
  const checked = await provider.check!({}, declared);
  const failures = (checked.failures ?? []).map((f) => `${f.property || "inputs"} ${f.reason}`);
  if (failures.length > 0) return failures;
  const inputs = checked.inputs as Bag;
  const replaced = replaceOnlyDifferences(schema, live, inputs).map((f) => `${f} differs from the service's value, which only a replacement could change`);
  if (replaced.length > 0) return replaced;
  const patched = patchOperations(schema, ownedInputs(schema, live, inputs), inputs).map((op) => `adopting would send ${op.op} ${op.path}`);
  if (patched.length > 0) return patched;
  return diffInputs(schema, buildOutputs(schema, live, inputs), inputs).changed.map((f) => `a refresh would show ${f} as changed`);
}
