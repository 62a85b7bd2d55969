/**
 * A Pulumi project driven by a Python or Go Automation API driver (tests/sdks/python/driver.py, tests/sdks/go): a
 * directory whose Pulumi.yaml points `plugins.providers` at the plugin, a local file backend, a throwaway passphrase
 * and its own PULUMI_HOME. The CLI built here has no Python or Go language host: the driver process serves the
 * program itself (an inline program) and runs the same CLI, engine and plugin a `pulumi up` would.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import * as yaml from "js-yaml";
import type { IscEmulator } from "../../../emulator";
import { projectEnv, removeProjectDir } from "../../cli/support/project";
import { pulumiBinDir } from "../../cli/support/toolchain";

/** The command that runs a driver: `file argv... <request.json>`. */
export interface Driver {
  file: string;
  argv: string[];
  env?: Record<string, string>;
}

/** What the lifecycle program declares (the same in both drivers). */
export interface LifecycleProgram {
  prefix: string;
  clusterDescription: string;
  /** Logical name (cluster, va, logs, ci) -> id of an existing object to adopt with the `import` option. */
  imports?: Record<string, string>;
}

export type Program = { lifecycle: LifecycleProgram } | { example: string | true };

export interface OutputValue {
  value: unknown;
  secret: boolean;
}

export interface DriverResult {
  /** What the engine displayed (the driver's stderr). */
  display: string;
  summary?: Record<string, number>;
  outputs: Record<string, OutputValue>;
}

export class DriverFailed extends Error {}

const projects = new Set<SdkProject>();

export class SdkProject {
  private readonly env: Record<string, string>;

  private constructor(readonly dir: string, readonly name: string, private readonly driver: Driver, private readonly emulator: IscEmulator) {
    this.env = {
      ...projectEnv(dir, "sdk-suite-passphrase"),
      PATH: [pulumiBinDir(), process.env.PATH].join(path.delimiter),
      ...driver.env,
    };
  }

  /** A project named `name` (runtime `runtime`) whose plugin is the `pulumi-resource-sailpoint` in `pluginDir`. */
  static create(name: string, runtime: "python" | "go", pluginDir: string, driver: Driver, emulator: IscEmulator): SdkProject {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sailpoint-sdk-${name}-`));
    const settings = { name, runtime, plugins: { providers: [{ name: "sailpoint", path: pluginDir }] } };
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), yaml.dump(settings));
    const project = new SdkProject(dir, name, driver, emulator);
    projects.add(project);
    return project;
  }

  /** Stops the plugin processes left behind and removes every project directory (an `after` hook). */
  static removeAll(): void {
    for (const project of projects) removeProjectDir(project.dir);
    projects.clear();
  }

  /** `pulumi stack export` of `stack`, run as a user runs it: secrets stay encrypted (the Automation API's own export
   * passes --show-secrets). */
  async exportState(stack: string): Promise<string> {
    const { code, stdout, stderr } = await runProcess("pulumi", ["stack", "export", "--stack", stack, "--non-interactive"], this.dir, this.env);
    if (code !== 0) throw new DriverFailed(`pulumi stack export exited with ${code}\n${stderr}`);
    return stdout;
  }

  /** Runs `operation` on `stack` with `program`, the stack configured for the emulator as a user would. */
  async run(stack: string, operation: "up" | "preview" | "refresh" | "destroy" | "outputs", program: Program): Promise<DriverResult> {
    const request = {
      project: this.name,
      workDir: this.dir,
      stack,
      operation,
      program,
      config: {
        "sailpoint:baseUrl": { value: this.emulator.url },
        "sailpoint:clientId": { value: this.emulator.credentials.clientId },
        "sailpoint:clientSecret": { value: this.emulator.credentials.clientSecret, secret: true },
      },
    };
    const file = path.join(this.dir, `.request-${operation}.json`);
    fs.writeFileSync(file, JSON.stringify(request), { mode: 0o600 });
    const { code, stdout, stderr } = await runProcess(this.driver.file, [...this.driver.argv, file], this.dir, this.env);
    fs.rmSync(file, { force: true });
    if (code !== 0) throw new DriverFailed(`${operation} of stack ${stack} exited with ${code}\n--- stderr\n${stderr}\n--- stdout\n${stdout}`);
    const last = stdout.trim().split("\n").pop() ?? "";
    try {
      return { ...(JSON.parse(last) as Omit<DriverResult, "display">), display: stderr };
    } catch {
      throw new DriverFailed(`${operation} of stack ${stack}: no result line\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
    }
  }
}

export function runProcess(file: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
