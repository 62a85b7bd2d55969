/**
 * The dynamic door's side of the secrets rule (engine/secrets.ts). The dynamic-provider host (every @pulumi/pulumi
 * from the peer floor 3.216 to 3.276) answers Configure with acceptSecrets = false, so the engine hands it every
 * secret as plaintext and, by itself, keeps an output secret only when an input of the same top-level name was: a
 * secret copied under another name (`configuration` → `liveConfiguration`) or into a computed output (`expiresAt`)
 * would be stored in plain text. The host passes outputs through to the engine as given, and the engine keeps a value
 * in Pulumi's secret wire form as a secret. So:
 * - the resource classes send the secret input paths as the `__secretInputs` input (engine/secrets.ts);
 * - create, read, update and a partial failure return the values at the core's secret output paths in the secret
 *   wire form, and echo `__secretInputs` in the outputs, where read (which receives only the outputs) finds it;
 * - diff reports a change when the secret paths changed (a value newly marked secret, or a state written before this
 *   rule), so that the outputs are written again; an update with nothing else to change sends no request.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { PartialFailure } from "./engine/partial";
import type { ResourceSchema } from "./engine/schema";
import { SECRET_INPUTS, secretOutputPaths, secretPathsDiffer, secretPathsIn, wrapAt, type SecretPath } from "./engine/secrets";
import { wrapSecret } from "./secret-wire";

type Bag = Record<string, unknown>;

export function withSecretOutputs(schema: ResourceSchema, provider: dynamic.ResourceProvider): dynamic.ResourceProvider {
  const inputPaths = (hidden: unknown): SecretPath[] => secretPathsIn(schema, hidden) ?? [];

  /** The outputs with every value derived from a secret input wrapped, and the secret paths echoed. */
  function secured(outs: Bag | undefined, hidden: unknown): Bag {
    const paths = inputPaths(hidden);
    const out = wrapAt(outs ?? {}, secretOutputPaths(schema, paths), wrapSecret);
    if (paths.length > 0) out[SECRET_INPUTS] = hidden;
    return out;
  }

  /** A partial failure's properties become the state's outputs: the same rule applies to them. */
  function securedFailure(error: unknown, hidden: unknown): unknown {
    if (error instanceof PartialFailure) Object.assign(error.properties, secured(error.properties, hidden));
    return error;
  }

  const { diff, create, read, update } = provider;
  return {
    ...provider,
    diff:
      diff &&
      (async (id, olds, news) => {
        const result = await diff(id, olds, news);
        return result.changes === false && secretPathsDiffer(schema, olds[SECRET_INPUTS], news[SECRET_INPUTS]) ? { ...result, changes: true } : result;
      }),
    async create(inputs) {
      try {
        const result = await create(inputs);
        return { id: result.id, outs: secured(result.outs, inputs[SECRET_INPUTS]) };
      } catch (error) {
        throw securedFailure(error, inputs[SECRET_INPUTS]);
      }
    },
    read:
      read &&
      (async (id, props) => {
        const result = await read(id, props);
        if (!result.id) return result;
        const hidden = props[SECRET_INPUTS];
        const inputs = result.inputs && wrapAt(result.inputs, inputPaths(hidden), wrapSecret);
        if (inputs && inputPaths(hidden).length > 0) inputs[SECRET_INPUTS] = hidden;
        return { ...result, props: secured(result.props, hidden), ...(inputs ? { inputs } : {}) };
      }),
    update:
      update &&
      (async (id, olds, news) => {
        try {
          const result = await update(id, olds, news);
          return { ...result, outs: secured(result.outs, news[SECRET_INPUTS]) };
        } catch (error) {
          throw securedFailure(error, news[SECRET_INPUTS]);
        }
      }),
  };
}
