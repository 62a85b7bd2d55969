/**
 * Which owned fields of a resource differ between the program and ISC, compared exactly as the provider's diff does
 * (provider/engine/diff.ts: omitted fields as `omittedMeans`, sets as sets, maps key by key), and where each
 * difference comes from when the state as last deployed is known.
 */
import { diffInputs, effective } from "../../provider/engine/diff";
import type { Field, ResourceSchema } from "../../provider/engine/schema";
import { isPlainObject, sameValue } from "../../provider/engine/values";
import { holdsSecret, isSecret, type ResourceState } from "./preview-json";

type Bag = Record<string, unknown>;

/** Where a difference comes from, judged against the state as last deployed. */
export type Origin = "changed in ISC" | "changed in the program" | "changed in both";

export interface FieldDifference {
  /** `name`, `configuration.gmtOffset`, `logLevels["sailpoint.connector.JDBCConnector"]`. */
  path: string;
  program: unknown;
  live: unknown;
  /** The field's service value when the program omits it (shown instead of nothing). */
  programOmitted: boolean;
  origin?: Origin;
  /** A change of this field replaces the resource. */
  replaces: boolean;
  /** A secret is in it, on any side: no value of it is shown (a secret's counterpart on another side is the secret). */
  secret: boolean;
}

/** The bag the provider's diff reads as "olds": the outputs, which echo each owned field as ISC holds it. */
export function bagOf(state: ResourceState | undefined): Bag {
  return state?.outputs ?? state?.inputs ?? {};
}

const KEY = /^[A-Za-z_$][\w$]*$/;

/** A map's own value for a key (never an inherited one: a tenant's key may be "constructor"). */
const own = (map: Bag, key: string): unknown => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);

function keyPath(field: string, key: string): string {
  return KEY.test(key) ? `${field}.${key}` : `${field}[${JSON.stringify(key)}]`;
}

function originOf(type: Field["type"], deployed: unknown, program: unknown, live: unknown, known: boolean): Origin | undefined {
  if (!known) return undefined;
  const programMoved = !sameValue(type, deployed, program);
  const liveMoved = !sameValue(type, deployed, live);
  if (programMoved && liveMoved) return "changed in both";
  if (programMoved) return "changed in the program";
  return liveMoved ? "changed in ISC" : undefined;
}

function mapDifferences(field: Field, program: unknown, live: unknown, deployed: unknown, known: boolean): FieldDifference[] {
  // A map that is secret as a whole on any side is compared as one value: its keys are no one's to see.
  if (field.type.kind !== "map" || [program, live, deployed].some(isSecret)) return [];
  const values = field.type.values;
  const p = isPlainObject(program) ? program : {};
  const l = isPlainObject(live) ? live : {};
  const d = isPlainObject(deployed) ? deployed : {};
  const keys = [...new Set([...Object.keys(p), ...Object.keys(l)])].sort();
  return keys
    .map((key) => ({ key, program: own(p, key), live: own(l, key), deployed: own(d, key) }))
    .filter((k) => !sameValue(values, k.program, k.live))
    .map((k) => ({
      path: keyPath(field.name, k.key),
      program: k.program,
      live: k.live,
      programOmitted: false,
      origin: originOf(values, k.deployed, k.program, k.live, known),
      replaces: field.update === "replace",
      secret: [k.program, k.live, k.deployed].some(holdsSecret),
    }));
}

/** The owned fields that differ, in the field table's order; maps expanded to the keys that differ. */
export function fieldDifferences(schema: ResourceSchema, program: Bag, live: Bag, deployed?: Bag): FieldDifference[] {
  const changed = new Set(diffInputs(schema, live, program).changed);
  const out: FieldDifference[] = [];
  for (const field of schema.fields) {
    if (!changed.has(field.name)) continue;
    const p = effective(field, program[field.name]);
    const l = effective(field, live[field.name]);
    const d = deployed === undefined ? undefined : effective(field, deployed[field.name]);
    if (field.type.kind === "map") {
      const keys = mapDifferences(field, p, l, d, deployed !== undefined);
      if (keys.length > 0) {
        out.push(...keys);
        continue;
      }
    }
    out.push({
      path: field.name,
      program: p,
      live: l,
      programOmitted: program[field.name] === undefined || program[field.name] === null,
      origin: originOf(field.type, d, p, l, deployed !== undefined),
      replaces: field.update === "replace",
      secret: [p, l, d].some(holdsSecret),
    });
  }
  return out;
}
