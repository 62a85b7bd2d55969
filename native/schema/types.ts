import type { OutputType } from "../../provider/engine/schema";
import { enumValues } from "./enum-names";
import { token, type EnumTypeSpec, type ObjectTypeSpec, type PropertySpec, type TypeSpec } from "./spec";

/**
 * Turns the field tables' value and output types into schema type references, collecting the named types (enums,
 * service objects) they refer to. A name is one type: two different shapes under one name are a table error.
 */
export class TypeRegistry {
  readonly types: Record<string, ObjectTypeSpec | EnumTypeSpec> = {};
  /** Enum names by their value list, for enums a table gives without a name (the lookups' arguments). */
  private readonly enumNames = new Map<string, string>();

  constructor(knownEnums: Readonly<Record<string, readonly string[]>> = {}) {
    for (const [name, values] of Object.entries(knownEnums)) this.enumNames.set(values.join("\n"), name);
  }

  /** Remembers the names of every named enum in these types, so an unnamed enum with the same values can use one. */
  learnEnums(types: readonly OutputType[]): void {
    const visit = (t: OutputType): void => {
      if (t.kind === "enum" && t.name) this.enumNames.set(t.values.join("\n"), t.name);
      else if (t.kind === "map") visit(t.values);
      else if (t.kind === "set") visit(t.items);
      else if (t.kind === "list") visit(t.items);
      else if (t.kind === "object") Object.values(t.properties).forEach((p) => visit(p.type));
    };
    types.forEach(visit);
  }

  typeSpec(t: OutputType): TypeSpec {
    switch (t.kind) {
      case "string":
        return { type: "string" };
      case "boolean":
        return { type: "boolean" };
      case "integer":
        return { type: "integer" };
      case "number":
        return { type: "number" };
      case "any":
        return { $ref: "pulumi.json#/Any" };
      case "map":
        return { type: "object", additionalProperties: this.typeSpec(t.values) };
      case "set":
      case "list":
        return { type: "array", items: this.typeSpec(t.items) };
      case "enum": {
        const name = t.name ?? this.enumNames.get(t.values.join("\n"));
        return this.define(name, t.values.join(", "), { type: "string", enum: enumValues(name ?? t.values.join(", "), t.values) });
      }
      case "object":
        return this.define(t.name, t.doc, {
          type: "object",
          description: t.doc,
          properties: Object.fromEntries(Object.entries(t.properties).map(([n, p]) => [n, { ...this.typeSpec(p.type), description: p.doc }])),
        });
    }
  }

  /** An object type of its own, e.g. a lookup's result item. */
  object(name: string, spec: ObjectTypeSpec): TypeSpec {
    return this.define(name, name, spec);
  }

  private define(name: string | undefined, what: string, spec: ObjectTypeSpec | EnumTypeSpec): TypeSpec {
    if (!name) throw new Error(`package schema: the enum ${what} has no name in the field tables`);
    const existing = this.types[token(name)];
    if (existing && JSON.stringify(existing) !== JSON.stringify(spec)) {
      throw new Error(`package schema: two different types are named ${name}`);
    }
    this.types[token(name)] = spec;
    return { $ref: `#/types/${token(name)}` };
  }
}

export function property(type: TypeSpec, description: string, extra: Omit<PropertySpec, keyof TypeSpec | "description"> = {}): PropertySpec {
  return { ...type, description, ...extra };
}
