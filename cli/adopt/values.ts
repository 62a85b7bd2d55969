/**
 * Which inputs an adopted object is declared with: its current values, read through the provider's field tables, so
 * that `pulumi up` records it without a request that changes anything and a refresh right after finds no drift.
 */
import { LOST_KEY } from "../../provider/engine/check";
import type { Field, ResourceSchema } from "../../provider/engine/schema";
import { isPlainObject, sameValue } from "../../provider/engine/values";

type Bag = Record<string, unknown>;

export interface Selection {
  /** The declared inputs, in the field table's order (without importId, which the caller adds). */
  inputs: Bag;
  /** Map keys left out, with the reason, e.g. `configuration.clusterExternalId`. */
  leftOut: Array<{ path: string; reason: string }>;
}

export interface SelectionRules {
  /** Why a key of a map field is the service's own and not declared (undefined: declare it). */
  serviceKey?(field: string, key: string, value: unknown): string | undefined;
  /** Whether to declare a field's value (false: it is the service's own, e.g. a generated name). */
  keep?(field: string, value: unknown, live: Bag): boolean;
}

/** What declaring nothing gives: the field's default (applied by check) or what the service holds when omitted. */
function omittedValue(field: Field): unknown {
  return field.default !== undefined ? field.default : field.omittedMeans;
}

function selectMap(field: Field, live: Bag, rules: SelectionRules, leftOut: Selection["leftOut"]): Bag | undefined {
  const kept: Bag = {};
  for (const [key, value] of Object.entries(live)) {
    // A key no program can declare is left out here and named by undeclarableKeys.
    if (value === null || value === undefined || key === LOST_KEY) continue;
    const reason = rules.serviceKey?.(field.name, key, value);
    if (reason) leftOut.push({ path: `${field.name}.${key}`, reason });
    else kept[key] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Every service field of the table with the value it has now, except:
 * - provider-side fields (`local`) and create-only ones (importId): they are not the object's;
 * - values equal to what omitting the field means (its default, or `omittedMeans`): declaring them changes nothing;
 * - absent values and empty optional strings: the program then does not own the field;
 * - map keys `rules.serviceKey` names (keys the service adds by itself), and values `rules.keep` refuses.
 */
export function selectInputs(schema: ResourceSchema, live: Bag, rules: SelectionRules = {}): Selection {
  const inputs: Bag = {};
  const leftOut: Selection["leftOut"] = [];
  for (const field of schema.fields) {
    if (field.update === "local" || field.createOnly) continue;
    let value = live[field.name];
    if (value === null || value === undefined) continue;
    if (field.type.kind === "map") {
      if (!isPlainObject(value)) continue;
      value = selectMap(field, value, rules, leftOut);
      if (value === undefined) continue;
    }
    const omitted = omittedValue(field);
    if (omitted !== undefined && sameValue(field.type, value, omitted)) continue;
    if (value === "" && !field.required) continue;
    if (rules.keep && !rules.keep(field.name, value, live)) continue;
    inputs[field.name] = value;
  }
  return { inputs, leftOut };
}

/**
 * Map keys of the live object that no program can declare: `__proto__`, which Pulumi's serialization of inputs drops
 * (the resource classes refuse it). Each with what that means for the object.
 */
export function undeclarableKeys(schema: ResourceSchema, live: Bag): Array<{ path: string; consequence: string }> {
  return schema.fields
    .filter((field) => field.type.kind === "map" && isPlainObject(live[field.name]) && Object.prototype.hasOwnProperty.call(live[field.name], LOST_KEY))
    .map((field) => ({
      path: `${field.name} key ${JSON.stringify(LOST_KEY)}`,
      consequence:
        field.update === "put"
          ? `\`pulumi up\` sends ${field.name} without it, which removes it from ISC`
          : "it stays in ISC as it is, not managed by the program",
    }));
}
