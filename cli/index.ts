#!/usr/bin/env node
/**
 * `pulumi-sailpoint-isc <command>`: commands run in the user's shell, next to a Pulumi program that uses this package.
 * They use the provider's settings and HTTP layer (provider/), never the program-side sdk/.
 */
import { ADOPT_USAGE, adoptCommand } from "./adopt/command";
import { DRIFT_USAGE, driftReportCommand } from "./drift/command";
import { describeError, isUsageError } from "./errors";
import type { CommandIo } from "./io";
import { outputSafe } from "./safe-text";

const USAGE = `Usage: pulumi-sailpoint-isc <command> [options]

Commands:
  adopt          write a program that adopts the tenant's clusters, managed clients and OAuth clients
  drift-report   turn \`pulumi preview --refresh --json\` into a Markdown report of what drifted

Run \`pulumi-sailpoint-isc <command> --help\` for a command's options.`;

export async function main(argv: string[], output: CommandIo): Promise<number> {
  // Everything the commands print passes here: no terminal control, bidi override or workflow command gets through.
  const io: CommandIo = { ...output, stdout: (t) => output.stdout(outputSafe(t)), stderr: (t) => output.stderr(outputSafe(t)) };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "adopt":
        return await adoptCommand(rest, io);
      case "drift-report":
        return await driftReportCommand(rest, io);
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.stdout(`${USAGE}\n\n${ADOPT_USAGE}\n\n${DRIFT_USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`pulumi-sailpoint-isc: unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    io.stderr(`pulumi-sailpoint-isc ${command}: ${describeError(error)}\n`);
    // drift-report's 1 means "drift": any failure of it is 2, never mistaken for a report.
    return command === "drift-report" || isUsageError(error) ? 2 : 1;
  }
}

if (require.main === module) {
  const io: CommandIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  // Exit once the output is flushed: the HTTP layer's keep-alive sockets and token timers would keep the process up.
  void main(process.argv.slice(2), io).then((code) => process.stdout.write("", () => process.exit(code)));
}
