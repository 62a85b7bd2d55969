/** How a command's failure is told: one line (the provider's errors are already free of secrets). */
import { ConfigError } from "../provider/config";
import { FilterError } from "./adopt/filters";
import { StackConfigError } from "./settings";

/** A mistake in how the command was called (options, settings, filters) rather than a failure while it ran. */
export function isUsageError(error: unknown): boolean {
  if (error instanceof ConfigError || error instanceof FilterError || error instanceof StackConfigError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
