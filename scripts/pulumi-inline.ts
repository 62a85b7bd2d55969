/**
 * Runs a Pulumi CLI command on a program file without the Node.js language host (`pulumi-language-nodejs`), the way
 * the Automation API runs an inline program: this process serves the program over the language-runtime protocol and
 * the CLI (`--client`, `--exec-kind auto.inline`) drives the same engine, state, display and provider host as a
 * plain `pulumi up` in the program's directory.
 *
 *   node --require tsx/cjs scripts/pulumi-inline.ts <program file> <pulumi arguments...>
 *
 * The command runs in the program's directory. `@pulumi/pulumi` and everything the program imports resolve from
 * there, so the program, the Automation API server and the dynamic-provider host share one copy. The Node.js running
 * this script is put first on PATH, so the provider host runs on it too. Commands that do not run the program
 * (stack, config, refresh, destroy, export, cancel, ...) are passed to the CLI as they are.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

/** Commands that run the program, and so need the language runtime this process serves. */
const RUNS_PROGRAM = new Set(["up", "update", "preview"]);

type ProgramFn = () => Promise<Record<string, unknown> | void>;

interface InlineServer {
  port: number;
  stop(hasError: boolean): void;
}

/** Serves `program` as the Automation API does for an inline program (automation/stack.js). */
async function serve(programDir: string, program: ProgramFn): Promise<InlineServer> {
  const fromProgram = createRequire(path.join(programDir, "package.json"));
  const pulumiDir = path.dirname(fromProgram.resolve("@pulumi/pulumi/package.json"));
  const fromPulumi = createRequire(path.join(pulumiDir, "package.json"));
  const grpc = fromPulumi("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
  const { LanguageServer } = fromProgram("@pulumi/pulumi/automation/server") as {
    LanguageServer: new (p: ProgramFn) => { onPulumiExit(hasError: boolean): void };
  };
  const langrpc = fromProgram("@pulumi/pulumi/proto/language_grpc_pb") as { LanguageRuntimeService: import("@grpc/grpc-js").ServiceDefinition };
  const { grpcChannelOptions } = fromProgram("@pulumi/pulumi/runtime") as { grpcChannelOptions?: Record<string, unknown> };
  const server = new grpc.Server({ ...(grpcChannelOptions ?? {}) });
  const languageServer = new LanguageServer(program);
  server.addService(langrpc.LanguageRuntimeService, languageServer as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    port,
    stop(hasError) {
      languageServer.onPulumiExit(hasError);
      server.forceShutdown();
    },
  };
}

async function main(): Promise<number> {
  const [programArg, ...args] = process.argv.slice(2);
  if (!programArg || args.length === 0) {
    console.error("usage: pulumi-inline <program file> <pulumi arguments...>");
    return 2;
  }
  const programFile = path.resolve(programArg);
  const programDir = path.dirname(programFile);
  const command = args.find((a) => !a.startsWith("-")) ?? "";
  const needsProgram = RUNS_PROGRAM.has(command) || args.some((a) => a.startsWith("--run-program"));

  let server: InlineServer | undefined;
  const cliArgs = [...args];
  if (needsProgram) {
    const load = createRequire(programFile);
    // `pulumi up` runs the program twice in one process (preview, then update): each run must declare afresh, so the
    // program's own modules (not its packages) are loaded anew every time.
    const own = (file: string) => file.startsWith(programDir + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`);
    server = await serve(programDir, async () => {
      for (const file of Object.keys(require.cache)) if (own(file)) delete require.cache[file];
      return load(programFile) as Record<string, unknown>;
    });
    cliArgs.push(`--client=127.0.0.1:${server.port}`, "--exec-kind", "auto.inline");
  }
  const env = { ...process.env, PATH: [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter) };
  const child = spawn("pulumi", cliArgs, { cwd: programDir, env, stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const code = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status, signal) => resolve(status ?? (signal ? 128 + 15 : 1)));
  });
  server?.stop(code !== 0);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`pulumi-inline: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
