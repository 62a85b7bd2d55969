/**
 * The document `pulumi preview --json` prints, as far as the report reads it, and a parser that refuses anything
 * else. Facts about it (Pulumi CLI 3.x, dynamic providers):
 * - with --refresh, every resource in the state gets a `refresh` step whose oldState and newState are both the state
 *   as last deployed (the refreshed values are not in it);
 * - a resource that differs then gets its own step (update, replace, create, delete, ...) whose oldState is the
 *   refreshed state (for a dynamic provider: inputs and outputs echo the owned fields as ISC holds them now) and
 *   whose newState.inputs are the program's, after check (defaults applied);
 * - a resource refresh found gone has only a `create` step, without oldState;
 * - dynamic-provider steps carry neither diffReasons nor detailedDiff; secret values read "[secret]".
 */
import { isPlainObject } from "../../provider/engine/values";

export interface ResourceState {
  urn?: string;
  type?: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  dependencies?: string[];
  additionalSecretOutputs?: string[];
}

export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: ResourceState | null;
  newState?: ResourceState | null;
}

export interface Diagnostic {
  message?: string;
  severity?: string;
  urn?: string;
}

export interface PreviewDocument {
  steps: PreviewStep[];
  diagnostics: Diagnostic[];
}

export class UnreadableInput extends Error {
  override readonly name = "UnreadableInput";
}


function state(value: unknown, where: string): ResourceState | null | undefined {
  if (value === undefined || value === null) return value;
  if (!isPlainObject(value)) throw new UnreadableInput(`${where} is not an object`);
  for (const part of ["inputs", "outputs"] as const) {
    if (value[part] !== undefined && value[part] !== null && !isPlainObject(value[part])) throw new UnreadableInput(`${where}.${part} is not an object`);
  }
  return value as ResourceState;
}

export function parsePreview(text: string): PreviewDocument {
  if (text.trim() === "") throw new UnreadableInput("the input is empty: expected the JSON of `pulumi preview --refresh --json`");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UnreadableInput(`the input is not JSON (${(error as Error).message}): expected the output of \`pulumi preview --refresh --json\``);
  }
  if (!isPlainObject(parsed)) throw new UnreadableInput("the input is not a JSON object: expected the output of `pulumi preview --refresh --json`");
  const diagnostics = Array.isArray(parsed.diagnostics) ? (parsed.diagnostics.filter(isPlainObject) as Diagnostic[]) : [];
  if (parsed.steps === undefined && diagnostics.length > 0) return { steps: [], diagnostics };
  if (!Array.isArray(parsed.steps)) throw new UnreadableInput('the JSON has no "steps" list: expected the output of `pulumi preview --refresh --json`');
  const steps = parsed.steps.map((raw, i): PreviewStep => {
    const where = `steps[${i}]`;
    if (!isPlainObject(raw) || typeof raw.op !== "string" || typeof raw.urn !== "string") throw new UnreadableInput(`${where} has no "op" and "urn"`);
    return { op: raw.op, urn: raw.urn, oldState: state(raw.oldState, `${where}.oldState`), newState: state(raw.newState, `${where}.newState`) };
  });
  return { steps, diagnostics };
}
