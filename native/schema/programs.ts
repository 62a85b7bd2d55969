/** Renders an example (examples.ts) as a program in each language the package supports. */
import { dump } from "js-yaml";
import type { Example, ExampleValue, OutputRef } from "./examples";
import { token, type EnumTypeSpec, type PackageSchema, type TypeSpec } from "./spec";

export const TS_MODULE = "pulumi-sailpoint-isc/native";
export const PY_MODULE = "pulumi_sailpoint";
export const GO_MODULE = "github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/sdks/go/sailpoint";

const isRef = (v: ExampleValue): v is OutputRef => typeof v === "object" && v !== null && "ref" in v;

/** Python's name for a schema name, as Pulumi's Python generator spells it (camelCase → snake_case). */
export function pyName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

/** Go's name for a schema name (exported: first letter upper case). */
export function goName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** An enum type the type refers to (directly, not as its items), with its name. */
interface EnumRef {
  type: string;
  spec: EnumTypeSpec;
}

function enumRef(schema: PackageSchema, t: TypeSpec | undefined): EnumRef | undefined {
  if (!t?.$ref?.startsWith("#/types/")) return undefined;
  const spec = schema.types[t.$ref.slice("#/types/".length)];
  return spec && "enum" in spec ? { type: t.$ref.slice(t.$ref.lastIndexOf(":") + 1), spec } : undefined;
}

/** The schema name of an enum's value; a value the enum does not have is an error of the example. */
function valueName(e: EnumRef, value: unknown): string {
  const found = e.spec.enum.find((v) => v.value === value);
  if (!found) throw new Error(`example: ${JSON.stringify(value)} is not a value of ${e.type}`);
  return found.name;
}

/** Python's member of an enum value, as Pulumi's Python generator spells it: `GrantType.CLIENT_CREDENTIALS`. */
export function pyEnumMember(enumType: string, valueName: string): string {
  return `${enumType}.${pyName(valueName).toUpperCase()}`;
}

/** Go's constant of an enum value, as Pulumi's Go generator spells it: `GrantTypeClientCredentials`. */
export function goEnumConst(enumType: string, valueName: string): string {
  return `${enumType}${goName(valueName)}`;
}

/** A value of one of the package's enums as a Python program writes it: `sailpoint.ClusterStatus.FAILED`. */
export function pyEnumValue(schema: PackageSchema, enumType: string, value: string): string {
  const e = enumRef(schema, { $ref: `#/types/${token(enumType)}` });
  if (!e) throw new Error(`example: ${enumType} is not an enum of the package`);
  return `sailpoint.${pyEnumMember(e.type, valueName(e, value))}`;
}

function tsKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function tsValue(v: ExampleValue): string {
  if (isRef(v)) return `${v.ref}.${v.output}`;
  if (Array.isArray(v)) return `[${v.map((x) => JSON.stringify(x)).join(", ")}]`;
  if (typeof v === "object") return `{ ${Object.entries(v).map(([k, x]) => `${tsKey(k)}: ${JSON.stringify(x)}`).join(", ")} }`;
  return JSON.stringify(v);
}

export function typescript(example: Example): string {
  const lines = [`import * as sailpoint from "${TS_MODULE}";`, ""];
  for (const r of example.resources) {
    lines.push(`const ${r.variable} = new sailpoint.${r.type}("${r.name}", {`);
    for (const [k, v] of Object.entries(r.args)) lines.push(`    ${k}: ${tsValue(v)},`);
    lines.push("});", "");
  }
  for (const [name, ref] of Object.entries(example.exports)) lines.push(`export const ${name} = ${ref.ref}.${ref.output};`);
  return lines.join("\n");
}

function pyScalar(schema: PackageSchema, t: TypeSpec | undefined, v: string | number | boolean): string {
  const e = enumRef(schema, t);
  if (e) return pyEnumValue(schema, e.type, String(v));
  if (typeof v === "boolean") return v ? "True" : "False";
  return JSON.stringify(v);
}

function pyValue(schema: PackageSchema, t: TypeSpec, v: ExampleValue): string {
  if (isRef(v)) return `${pyName(v.ref)}.${pyName(v.output)}`;
  if (Array.isArray(v)) return `[${v.map((x) => pyScalar(schema, t.items, x)).join(", ")}]`;
  if (typeof v === "object") {
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyScalar(schema, t.additionalProperties, x)}`).join(", ")}}`;
  }
  return pyScalar(schema, t, v as string | number | boolean);
}

export function python(schema: PackageSchema, example: Example): string {
  const lines = ["import pulumi", `import ${PY_MODULE} as sailpoint`, ""];
  for (const r of example.resources) {
    const inputs = schema.resources[token(r.type)].inputProperties;
    const args = Object.entries(r.args).map(([k, v]) => `    ${pyName(k)}=${pyValue(schema, inputs[k], v)}`);
    lines.push(`${pyName(r.variable)} = sailpoint.${r.type}("${r.name}",`, `${args.join(",\n")})`, "");
  }
  for (const [name, ref] of Object.entries(example.exports)) lines.push(`pulumi.export("${name}", ${pyName(ref.ref)}.${pyName(ref.output)})`);
  return lines.join("\n");
}

function goScalar(schema: PackageSchema, t: TypeSpec | undefined, v: string | number | boolean): string {
  const e = enumRef(schema, t);
  if (e) return `sailpoint.${goEnumConst(e.type, valueName(e, v))}`;
  if (t?.type === "integer") return `pulumi.Int(${v})`;
  if (t?.type === "number") return `pulumi.Float64(${v})`;
  if (t?.type === "boolean") return `pulumi.Bool(${v})`;
  return `pulumi.String(${JSON.stringify(v)})`;
}

function goValue(schema: PackageSchema, t: TypeSpec, v: ExampleValue): string {
  if (isRef(v)) return v.output === "id" ? `${v.ref}.ID()` : `${v.ref}.${goName(v.output)}`;
  if (Array.isArray(v)) {
    const e = enumRef(schema, t.items)?.type;
    return `${e ? `sailpoint.${e}Array` : "pulumi.StringArray"}{${v.map((x) => goScalar(schema, t.items, x)).join(", ")}}`;
  }
  if (typeof v === "object") {
    const e = enumRef(schema, t.additionalProperties)?.type;
    const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${goScalar(schema, t.additionalProperties, x)}`);
    return `${e ? `sailpoint.${e}Map` : "pulumi.StringMap"}{${entries.join(", ")}}`;
  }
  return goScalar(schema, t, v as string | number | boolean);
}

/** Key-value lines aligned as gofmt aligns them. */
function goFields(entries: Array<[string, string]>, indent: string): string[] {
  const width = Math.max(...entries.map(([k]) => k.length + 1));
  return entries.map(([k, v]) => `${indent}${`${k}:`.padEnd(width)} ${v},`);
}

export function go(schema: PackageSchema, example: Example): string {
  const body: string[] = [];
  for (const r of example.resources) {
    const inputs = schema.resources[token(r.type)].inputProperties;
    const fields = Object.entries(r.args).map(([k, v]): [string, string] => [goName(k), goValue(schema, inputs[k], v)]);
    body.push(
      `\t\t${r.variable}, err := sailpoint.New${r.type}(ctx, "${r.name}", &sailpoint.${r.type}Args{`,
      ...goFields(fields, "\t\t\t"),
      "\t\t})",
      "\t\tif err != nil {",
      "\t\t\treturn err",
      "\t\t}",
    );
  }
  for (const [name, ref] of Object.entries(example.exports)) body.push(`\t\tctx.Export("${name}", ${goValue(schema, {}, ref)})`);
  return [
    "package main",
    "",
    "import (",
    `\t"${GO_MODULE}"`,
    '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
    ")",
    "",
    "func main() {",
    "\tpulumi.Run(func(ctx *pulumi.Context) error {",
    ...body,
    "\t\treturn nil",
    "\t})",
    "}",
  ].join("\n");
}

function yamlValue(v: ExampleValue): unknown {
  return isRef(v) ? `\${${v.ref}.${v.output}}` : v;
}

export function yaml(example: Example): string {
  const resources: Record<string, unknown> = {};
  for (const r of example.resources) {
    resources[r.variable] = {
      type: token(r.type),
      properties: Object.fromEntries(Object.entries(r.args).map(([k, v]) => [k, yamlValue(v)])),
    };
  }
  const outputs = Object.fromEntries(Object.entries(example.exports).map(([k, v]) => [k, yamlValue(v)]));
  return dump({ name: "sailpoint-example", runtime: "yaml", resources, outputs }, { lineWidth: 120 }).trimEnd();
}
