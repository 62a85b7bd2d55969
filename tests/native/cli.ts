/**
 * Real-CLI projects on the native door: the program tests/native/programs/native-spec.ts, and Pulumi.yaml pointing
 * `plugins.providers` at the folder of the installed package's bins, where the CLI finds `pulumi-resource-sailpoint`.
 */
import * as fs from "node:fs";
import path from "node:path";
import type { IscEmulator } from "../../emulator";
import { installedRoot } from "../cli/support/installed-package";
import { CliProject, type StateResource } from "../cli/support/project";
import { sailEnv } from "../cli/support/spec";

export const NATIVE_PROGRAM = path.join(__dirname, "programs", "native-spec.ts");

export type Kind = "ManagedCluster" | "ClusterLogConfig" | "OAuthClient" | "ManagedClient";

export interface NativeSpec {
  providers?: { name: string; args: Record<string, unknown> }[];
  resources: { kind: Kind; name: string; args: Record<string, unknown>; options?: Record<string, unknown> }[];
  lookups?: { name: string; fn: string; args: Record<string, unknown>; provider?: string }[];
  exports?: Record<string, string>;
}

/** The prefix of the native types in a state. */
export const NATIVE_TYPES = "sailpoint:index:";
export const nativeType = (kind: Kind) => `${NATIVE_TYPES}${kind}`;

/** The folder the CLI takes the plugin from: the installed package's `node_modules/.bin`. */
export function pluginFolder(): string {
  return path.join(installedRoot(), "node_modules", ".bin");
}

/**
 * Points the project at the plugin as the README says (`path: ./node_modules/.bin`, where npm put the bin) and runs the
 * native program: also how a dynamic project moves to the native door.
 */
export function useNativeDoor(project: CliProject): void {
  if (!fs.existsSync(path.join(pluginFolder(), "pulumi-resource-sailpoint"))) throw new Error("the installed package has no pulumi-resource-sailpoint bin");
  project.writeFile("Pulumi.yaml", `name: ${project.name}\nruntime: nodejs\nplugins:\n  providers:\n    - name: sailpoint\n      path: ./node_modules/.bin\n`);
  project.writeFile("index.ts", fs.readFileSync(NATIVE_PROGRAM, "utf8"));
}

export async function nativeProject(name: string, emulator: IscEmulator | undefined, spec: NativeSpec, env: Record<string, string> = {}): Promise<CliProject> {
  const project = await CliProject.create(name, NATIVE_PROGRAM, { files: { "spec.json": JSON.stringify(spec, null, 2) }, env: { ...(emulator ? sailEnv(emulator) : {}), ...env } });
  useNativeDoor(project);
  return project;
}

export function declareNative(project: CliProject, spec: NativeSpec): void {
  project.writeFile("spec.json", JSON.stringify(spec, null, 2));
}

/** The native resources in the state, by logical name. */
export function nativeResources(project: CliProject): Promise<Map<string, StateResource>> {
  return project.resources(NATIVE_TYPES);
}
