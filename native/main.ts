#!/usr/bin/env -S node --max-semi-space-size=1 --lite-mode
/**
 * `pulumi-resource-sailpoint`: the native Pulumi resource plugin of this package. The engine starts it with its own
 * address as the last argument; the plugin serves `pulumirpc.ResourceProvider` on a free loopback port and prints
 * that port, and nothing before it, as the first line on stdout. The engine hides the plugin's stdout and stderr:
 * problems travel as gRPC errors or through the engine's Log RPC.
 *
 * The Node.js flags on the first line are the plugin's own (scripts/build-plugin.ts gives the single executable the
 * same): a 1 MiB young generation and V8's lite mode (no optimizing compiler) keep the plugin's peak memory at a
 * no-op plugin's, for CPU time an I/O-bound plugin does not miss (bench/README.md, "The native door").
 */
import { setWarningSink } from "../provider/host-output";
import { closeEngine, connectEngine, engineLog } from "./engine-log";
import { grpc, providerService } from "./protocol";
import { providerImplementation } from "./service";

/** The engine's address: the last argument that is not a flag (`--tracing <address>` and `-v=9` may come first). */
export function engineAddress(args: string[]): string | undefined {
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--tracing") i++;
    else if (!args[i].startsWith("-")) positional.push(args[i]);
  }
  return positional.pop();
}

export async function main(args: string[]): Promise<void> {
  const address = engineAddress(args);
  if (address) connectEngine(address);
  // The core's one-time warnings (e.g. a journal directory it cannot write) reach the user through the engine.
  setWarningSink((message) => void engineLog("warning", message));
  const fail = (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    void engineLog("error", `pulumi-resource-sailpoint failed: ${text}`).finally(() => process.exit(1));
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);

  const server = new grpc.Server({ "grpc.max_receive_message_length": 1024 * 1024 * 400 });
  server.addService(providerService, providerImplementation() as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  const stop = () => {
    server.forceShutdown();
    closeEngine();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.stdout.write(`${port}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    // Before the port is printed the engine shows stderr when the plugin exits.
    process.stderr.write(`pulumi-resource-sailpoint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
