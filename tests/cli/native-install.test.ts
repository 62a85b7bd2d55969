/**
 * Installing the native plugin without npm, through the real CLI: the archive of `npm run build:plugin` installed with
 * `pulumi plugin install resource sailpoint <version> --file <archive>`, and the executable on PATH. Both run
 * examples/yaml without its `plugins.providers` block, with no Node.js on PATH: the executable carries its own.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import path from "node:path";
import type { IscEmulator } from "../../emulator";
import { pluginBuild, type PluginBuild } from "./support/plugin-archive";
import { sailEnv } from "./support/spec";
import { onCliStage } from "./support/stage";
import { YamlProject, PLUGIN, projectYaml, yamlExample, yamlHostDir } from "./support/yaml-project";

const apiWrites = (emulator: IscEmulator) => emulator.writes().map((r) => r.method);

describe("real CLI: installing the native plugin without npm", function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let plugin: PluginBuild;

  onCliStage((started) => {
    emulator = started;
    yamlHostDir();
    plugin = pluginBuild();
  });
  after(() => YamlProject.removeAll());

  beforeEach(() => emulator.clearRequests());

  it("the archive: `pulumi plugin install resource sailpoint <version> --file` takes it as it is; a program then needs no path and gets no warning", async () => {
    // A user's Node.js settings cannot reach the executable: it ignores NODE_OPTIONS.
    const env = { ...sailEnv(emulator), NODE_OPTIONS: "--require ./no-such-module.js" };
    const project = await YamlProject.create("installed", projectYaml(yamlExample(), "installed"), { env, path: { only: [] } });

    const missing = await project.preview([], { allowFailure: true });
    expect(missing.code).not.to.equal(0);
    expect(missing.stdout + missing.stderr).to.match(/no resource plugin 'pulumi-resource-sailpoint' found/);

    await project.pulumi(["plugin", "install", "resource", "sailpoint", plugin.version, "--file", plugin.archive]);
    const installed = path.join(project.pulumiHome, "plugins", `resource-sailpoint-v${plugin.version}`, PLUGIN);
    expect(fs.statSync(installed).mode & 0o111, "executable").to.not.equal(0);
    const listed = JSON.parse((await project.pulumi(["plugin", "ls", "--json"])).stdout) as { name: string; kind: string; version: string }[];
    expect(listed.map((p) => [p.kind, p.name, p.version])).to.deep.include(["resource", "sailpoint", plugin.version]);

    const up = await project.up();
    expect(up.stdout).to.match(/\+ 5 created/);
    expect(up.stdout + up.stderr).not.to.include(`using ${PLUGIN} from $PATH`);
    expect(apiWrites(emulator).sort()).to.deep.equal(["POST", "POST", "POST", "PUT"]);
    emulator.clearRequests();
    await project.preview(["--expect-no-changes"]);
    const destroy = await project.destroy();
    expect(destroy.stdout).to.match(/- 5 deleted/);
    expect(emulator.store.listClusters()).to.deep.equal([]);
    expect(emulator.store.listOAuthClients()).to.deep.equal([]);
  });

  it("on PATH: works, and the CLI warns `using pulumi-resource-sailpoint from $PATH` on every operation", async () => {
    const project = await YamlProject.create("on-path", projectYaml(yamlExample(), "on-path"), { env: sailEnv(emulator), path: { only: [plugin.dir] } });
    const warning = `warning: using ${PLUGIN} from $PATH at ${plugin.executable}`;

    const preview = await project.preview();
    expect(preview.stdout + preview.stderr).to.include(warning);
    const up = await project.up();
    expect(up.stdout).to.match(/\+ 5 created/);
    expect(up.stdout + up.stderr).to.include(warning);
    expect(emulator.store.listClusters().map((c) => c.name)).to.deep.equal(["dev-va-cluster"]);
    const destroy = await project.destroy();
    expect(destroy.stdout + destroy.stderr).to.include(warning);
    expect(emulator.store.listClusters()).to.deep.equal([]);
  });
});
