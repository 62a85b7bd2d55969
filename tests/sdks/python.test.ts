/**
 * The Python SDK (sdks/python, installed from the wheel it builds) through the real CLI: Automation API inline
 * programs (the CLI built here has no Python language host) with the native plugin as a Python user installs it (the
 * self-contained executable of `npm run build:plugin`), against the emulator. See tests/sdks/support/python.ts for
 * the virtualenv cache.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { IscEmulator } from "../../emulator";
import { pluginBuild } from "../cli/support/plugin-archive";
import { REPO, pulumiBinDir } from "../cli/support/toolchain";
import { exampleTests, lifecycleTests } from "./support/lifecycle";
import { PYTHON_PULUMI, pythonInterpreter, pythonVersion, pythonWithSdk } from "./support/python";
import { SdkProject } from "./support/sdk-project";

const version = pythonVersion();

/** Prints each `sailpoint.<name>[.<name>]` a program (stdin) uses that the installed SDK does not have. */
const MISSING_NAMES = `
import ast, sys, pulumi_sailpoint
for node in ast.walk(ast.parse(sys.stdin.read())):
    chain = []
    while isinstance(node, ast.Attribute):
        chain.insert(0, node.attr)
        node = node.value
    if chain and isinstance(node, ast.Name) and node.id == "sailpoint":
        target = pulumi_sailpoint
        for i, name in enumerate(chain):
            if not hasattr(target, name):
                print("sailpoint." + ".".join(chain[: i + 1]))
                break
            target = getattr(target, name)
`;

describe(`Python SDK through the real CLI (Python ${version ?? "absent"}, pulumi ${PYTHON_PULUMI} from PyPI)`, function () {
  this.timeout(600_000);
  let emulator: IscEmulator;
  let project: SdkProject;
  let work: string;
  let python: string;

  before(async function () {
    if (!version) {
      console.log(`    SKIPPED: no Python interpreter (${pythonInterpreter()}); set SDK_SUITE_PYTHON or install python3`);
      this.skip();
    }
    this.timeout(1_800_000);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-sdk-python-"));
    const started = Date.now();
    pulumiBinDir();
    const plugin = pluginBuild();
    const setup = pythonWithSdk(work);
    python = setup.python;
    console.log(`    setup: virtualenv ${setup.cold ? "made (cold cache)" : "from the cache"}, plugin and wheel built in ${Math.round((Date.now() - started) / 1000)} s`);
    emulator = await IscEmulator.start({ rateLimit: false });
    project = SdkProject.create("sdk-python", "python", plugin.dir, { file: python, argv: [path.join(__dirname, "python", "driver.py")] }, emulator);
  });

  after(async () => {
    SdkProject.removeAll();
    await emulator?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("the reference pages' Python programs use only names the SDK has (enum members, classes, lookups)", function () {
    const missing = (code: string) => execFileSync(python, ["-c", MISSING_NAMES], { input: code, encoding: "utf8" }).trim();
    expect(missing("sailpoint.GrantType.CLIEN_T_CREDENTIALS"), "the check can fail").to.equal("sailpoint.GrantType.CLIEN_T_CREDENTIALS");
    const docs = path.join(REPO, "docs", "reference");
    const programs = fs
      .readdirSync(docs)
      .flatMap((page) => [...fs.readFileSync(path.join(docs, page), "utf8").matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]));
    expect(programs.join("\n")).to.include("sailpoint.GrantType.CLIENT_CREDENTIALS");
    for (const code of programs) expect(missing(code), code).to.equal("");
  });

  const context = () => ({ project, emulator });
  lifecycleTests("py", context);
  exampleTests(path.join(REPO, "examples", "python", "__main__.py"), context);
});
