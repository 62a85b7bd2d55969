import type { OutputSpec, OutputType, ValueType } from "../engine/schema";

/** Output shapes shared by the field tables. */
export const TEXT_OUT = { kind: "string" } as const satisfies ValueType;
export const TIMESTAMP = { kind: "string", format: "date-time" } as const satisfies ValueType;
export const BOOLEAN_OUT = { kind: "boolean" } as const satisfies ValueType;
export const INTEGER_OUT = { kind: "integer" } as const satisfies ValueType;
export const JSON_OUT = { kind: "any" } as const satisfies OutputType;

export function out(type: OutputType, doc: string): OutputSpec {
  return { type, doc };
}
