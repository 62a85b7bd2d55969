/** Declarations for tests/cli/programs/spec.ts, and a project running it. */
import path from "node:path";
import type { IscEmulator } from "../../../emulator";
import { CliProject } from "./project";

export const SPEC_PROGRAM = path.join(__dirname, "..", "programs", "spec.ts");

export interface Declaration {
  kind: "ManagedCluster" | "ClusterLogConfig" | "OAuthClient" | "ManagedClient";
  name: string;
  args: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export interface Spec {
  resources: Declaration[];
  exports?: Record<string, string>;
}

/** The SAIL_* settings of an emulator: how the GitOps workflows configure the provider. */
export function sailEnv(emulator: IscEmulator): Record<string, string> {
  return { SAIL_BASE_URL: emulator.url, SAIL_CLIENT_ID: emulator.credentials.clientId, SAIL_CLIENT_SECRET: emulator.credentials.clientSecret };
}

export async function specProject(name: string, emulator: IscEmulator, spec: Spec): Promise<CliProject> {
  return CliProject.create(name, SPEC_PROGRAM, { files: { "spec.json": JSON.stringify(spec, null, 2) }, env: sailEnv(emulator) });
}

export function declare(project: CliProject, spec: Spec): void {
  project.writeFile("spec.json", JSON.stringify(spec, null, 2));
}

/** A spec with one resource's args changed. */
export function withArgs(spec: Spec, name: string, args: Record<string, unknown>): Spec {
  return {
    ...spec,
    resources: spec.resources.map((r) => (r.name === name ? { ...r, args: { ...r.args, ...args } } : r)),
  };
}

export const type = (kind: Declaration["kind"]) => `pulumi-nodejs:dynamic/sailpoint:${kind}`;
