/**
 * The provider's settings for a command run in the user's shell: the `sailpoint:*` configuration of `--stack NAME`
 * (read with the Pulumi CLI, secrets decrypted) first, then the SAIL_* variables, exactly as the provider resolves them.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mapConfig, resolveSettings, type Settings } from "../provider/config";

const run = promisify(execFile);

export class StackConfigError extends Error {
  override readonly name = "StackConfigError";
}

/** `pulumi config --json` prints `{ "<key>": { "value": ..., "secret": ... } }`; only sailpoint:* keys are kept. */
export function sailpointValues(json: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new StackConfigError("`pulumi config --json` did not print JSON");
  }
  const values: Record<string, string> = {};
  if (typeof parsed !== "object" || parsed === null) return values;
  for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (key.startsWith("sailpoint:") && value !== undefined && value !== null) values[key] = String(value);
  }
  return values;
}

/**
 * The stack's sailpoint:* configuration, decrypted, read with the `pulumi` on the PATH of `env` in the current
 * directory (the Pulumi project): the passphrase or Pulumi Cloud login comes from the same environment.
 */
export async function stackConfig(stack: string, env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string>> {
  try {
    const { stdout } = await run("pulumi", ["config", "--stack", stack, "--show-secrets", "--json"], { env, maxBuffer: 16 * 1024 * 1024 });
    return sailpointValues(stdout);
  } catch (error) {
    if (error instanceof StackConfigError) throw error;
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new StackConfigError(`could not read the configuration of stack "${stack}" with \`pulumi config\`: ${detail}`);
  }
}

export async function commandSettings(stack: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const config = stack === undefined ? {} : await stackConfig(stack, env);
  return resolveSettings(mapConfig(config), env);
}
