/**
 * The dynamic-provider host prints every error thrown from check, diff, read and delete to its stderr as
 * `${error}: ${error.stack}`, and the CLI shows that as a second copy of the error, with a stack trace through this
 * package's and the SDK's files; the engine already reports the message on the resource. For this package's own
 * errors (settings, ISC answers), which are complete messages for the user, that copy is left out. Anything else, a
 * bug in particular, is printed as before.
 */
import { ConfigError } from "./config";
import { IscApiError } from "./http/errors";

const expected = new Set<string>();
let installed = false;

function userFacing(error: unknown): error is Error {
  return error instanceof IscApiError || error instanceof ConfigError;
}

function install(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && expected.delete(args[0])) return;
    print(...args);
  };
}

/** Wraps a provider method so that the host does not print a second copy of the user-facing errors it throws. */
export function reportedOnce<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  install();
  return async (...args: A) => {
    try {
      return await method(...args);
    } catch (error) {
      if (userFacing(error)) {
        expected.add(`${error}: ${error.stack}`);
      }
      throw error;
    }
  };
}
