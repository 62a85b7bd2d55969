/**
 * A Pulumi YAML project driven by the real CLI: `pulumi` runs in the project directory as a user runs it, the YAML
 * language host (scripts/pulumi-yaml.sh) and the CLI on PATH, a local file backend, a throwaway passphrase and its own
 * PULUMI_HOME (so a plugin installed by one test is seen by no other project).
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import * as yaml from "js-yaml";
import { installedRoot } from "./installed-package";
import { projectEnv, PulumiCommands, removeProjectDir, spawnCommand, type RunOptions, type RunResult } from "./project";
import { REPO, legNode, pulumiBinDir } from "./toolchain";

export const PLUGIN = "pulumi-resource-sailpoint";
export const YAML_EXAMPLE = path.join(REPO, "examples", "yaml", "Pulumi.yaml");

let yamlDir: string | undefined;

/** The directory holding `pulumi-language-yaml`, found or built once per test run (minutes when cold). */
export function yamlHostDir(): string {
  if (!yamlDir) {
    const out = execFileSync("bash", [path.join(REPO, "scripts", "pulumi-yaml.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    yamlDir = out.trim().split("\n").pop()!;
  }
  return yamlDir;
}

/** The folder npm links the package's `pulumi-resource-sailpoint` bin into, in the suite's installed package. */
export function npmPluginDir(): string {
  const dir = path.join(installedRoot(), "node_modules", ".bin");
  if (!fs.existsSync(path.join(dir, PLUGIN))) throw new Error(`the installed package has no ${PLUGIN} bin (package.json "bin" and "files")`);
  return dir;
}

/** A Pulumi.yaml text: `project` (parsed YAML) with the given name and `plugins.providers` path (none: no block). */
export function projectYaml(project: Record<string, unknown>, name: string, pluginDir?: string): string {
  const doc: Record<string, unknown> = { ...project, name };
  delete doc.plugins;
  if (pluginDir) doc.plugins = { providers: [{ name: "sailpoint", path: pluginDir }] };
  return yaml.dump(doc, { lineWidth: -1 });
}

/** examples/yaml/Pulumi.yaml, parsed. */
export function yamlExample(): Record<string, unknown> {
  return yaml.load(fs.readFileSync(YAML_EXAMPLE, "utf8")) as Record<string, unknown>;
}

/**
 * PATH besides the CLI and the YAML host: by default the leg's Node.js and the ambient PATH (less any folder holding
 * a pulumi-resource-sailpoint), with `first` before them; with `only`, those folders and nothing else (no Node.js).
 */
export interface PathChoice {
  first?: string[];
  only?: string[];
}

const projects = new Set<YamlProject>();

export class YamlProject extends PulumiCommands {
  protected readonly resourceTypes = "sailpoint:index:";
  private readonly env: Record<string, string>;

  private constructor(readonly dir: string, readonly name: string, extraEnv: Record<string, string>, paths: PathChoice) {
    super();
    // No plugin reaches the CLI from the ambient PATH: each test says where it comes from.
    const ambient = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d && !fs.existsSync(path.join(d, PLUGIN)));
    this.env = {
      ...projectEnv(dir, "cli-suite-passphrase", ["NODE_OPTIONS"]),
      PATH: (paths.only ? [...paths.only, pulumiBinDir(), yamlHostDir()] : [...(paths.first ?? []), pulumiBinDir(), yamlHostDir(), path.dirname(legNode()), ...ambient]).join(path.delimiter),
      ...extraEnv,
    };
  }

  /**
   * A new project directory holding `pulumiYaml` as its Pulumi.yaml, with a stack `dev` selected. `env` is the
   * environment of every command; `path` says what else is on PATH besides the CLI and the YAML host.
   */
  static async create(name: string, pulumiYaml: string, options: { env?: Record<string, string>; path?: PathChoice } = {}): Promise<YamlProject> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sailpoint-yaml-${name}-`));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pulumiYaml);
    const project = new YamlProject(dir, name, options.env ?? {}, options.path ?? {});
    projects.add(project);
    await project.pulumi(["stack", "init", "dev"]);
    return project;
  }

  /** Stops the plugin processes left behind and removes every project directory (an `after` hook). */
  static removeAll(): void {
    for (const project of projects) removeProjectDir(project.dir);
    projects.clear();
  }

  get pulumiHome(): string {
    return this.env.PULUMI_HOME;
  }

  writeProject(pulumiYaml: string): void {
    fs.writeFileSync(path.join(this.dir, "Pulumi.yaml"), pulumiYaml);
  }

  start(args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<RunResult> } {
    return spawnCommand(path.join(pulumiBinDir(), "pulumi"), [...args, "--non-interactive"], this.dir, this.env, options);
  }
}
