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

/**
 * Where one-time warnings go: by default the process's stderr, which the Pulumi CLI shows for the dynamic-provider
 * host. A door whose plugin output the engine hides (a native plugin) sets a sink that sends them as engine log
 * messages.
 */
let warningSink: (message: string) => void = (message) => void process.stderr.write(`${message}\n`);
const warned = new Set<string>();

export function setWarningSink(sink: (message: string) => void): void {
  warningSink = sink;
}

/** Says `message` once per process, however often it happens. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  warningSink(message);
}
