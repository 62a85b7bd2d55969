/** The parts of Pulumi's package schema (codegen/schema/pulumi.json) this package uses. */

export interface TypeSpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
}

export interface PropertySpec extends TypeSpec {
  description?: string;
  default?: string | number | boolean;
  secret?: boolean;
  replaceOnChanges?: boolean;
}

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** A value of an enum; `name` is what the SDKs call it (Python `GrantType.CLIENT_CREDENTIALS`, Go `GrantTypeClientCredentials`). */
export interface EnumValueSpec {
  name: string;
  value: string;
}

export interface EnumTypeSpec {
  type: "string";
  description?: string;
  enum: EnumValueSpec[];
}

export interface ResourceSpec {
  description?: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface FunctionSpec {
  description?: string;
  inputs: ObjectTypeSpec;
  outputs: ObjectTypeSpec;
}

export interface PackageSchema {
  name: string;
  displayName: string;
  version?: string;
  description: string;
  keywords: string[];
  homepage: string;
  license: string;
  repository: string;
  publisher: string;
  config: { variables: Record<string, PropertySpec> };
  provider: ResourceSpec;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
  language: Record<string, Record<string, unknown>>;
}

export const PACKAGE = "sailpoint";

/** The token of a type, resource or function of this package's one module. */
export function token(name: string): string {
  return `${PACKAGE}:index:${name}`;
}
