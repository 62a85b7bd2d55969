import * as pulumi from "@pulumi/pulumi";
import { OWNER_INPUT } from "../provider/engine/owner";

/**
 * The hidden input naming the resource for the provider's create journal (provider/engine/owner.ts): its URN, which
 * the engine's Create request carries but the dynamic-provider host does not pass to `create`. Made as the engine
 * makes it (stack, project, the parent's type chain, this type and name), as a plain promise: no dependency on the
 * parent.
 */
export function ownerInput(type: string, name: string, opts: pulumi.CustomResourceOptions | undefined): Record<string, Promise<string>> {
  const root = `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::`;
  const parent = opts?.parent;
  if (!parent) return { [OWNER_INPUT]: Promise.resolve(`${root}${type}::${name}`) };
  const urn = new Promise<string>((resolve) => {
    parent.urn.apply((parentUrn) => {
      const prefix = `${parentUrn.slice(0, parentUrn.lastIndexOf("::"))}$`;
      resolve(`${prefix.endsWith("::pulumi:pulumi:Stack$") ? root : prefix}${type}::${name}`);
    });
  });
  return { [OWNER_INPUT]: urn };
}
