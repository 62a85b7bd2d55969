/**
 * The Python side of the SDK suite: a virtualenv with the PyPI `pulumi` package, cached outside the checkout, and the
 * `pulumi_sailpoint` wheel built from sdks/python and installed into it.
 *
 * - Python: SDK_SUITE_PYTHON (an interpreter), else `python3` on PATH.
 * - `pulumi` from PyPI: SDK_SUITE_PULUMI_PYTHON (a version), else PYTHON_PULUMI below.
 * - The virtualenv: `${XDG_CACHE_HOME:-~/.cache}/pulumi-sailpoint-isc/python<X.Y>-pulumi-<version>`, made once (the
 *   wheel installed with its dependencies resolved by pip, in a fresh virtualenv: about 20 s with pip's own cache
 *   warm); each run then reinstalls this checkout's wheel without dependencies and runs `pip check`. A missing or
 *   half-made cache only costs time.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { REPO } from "../../cli/support/toolchain";

export const PYTHON_PULUMI = process.env.SDK_SUITE_PULUMI_PYTHON || "3.272.0";
const SDK_SOURCE = path.join(REPO, "sdks", "python");

export function pythonInterpreter(): string {
  return process.env.SDK_SUITE_PYTHON || "python3";
}

/** "3.11", or undefined when there is no such interpreter. */
export function pythonVersion(): string | undefined {
  try {
    return execFileSync(pythonInterpreter(), ["-c", "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}')"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

export function cacheRoot(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-sailpoint-isc");
}

function pip(venv: string, args: string[]): string {
  return execFileSync(path.join(venv, "bin", "python"), ["-m", "pip", "--disable-pip-version-check", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Builds the wheel of sdks/python with `venv`'s pip, from a copy (a build writes build/ and *.egg-info beside its sources). */
function buildWheel(venv: string, work: string): string {
  const source = path.join(work, "python");
  fs.cpSync(SDK_SOURCE, source, { recursive: true, filter: (p) => !/(__pycache__|\.egg-info|[/\\]build|[/\\]dist)$/.test(p) });
  const out = path.join(work, "wheel");
  pip(venv, ["wheel", "--no-deps", "--no-build-isolation", "--quiet", "--wheel-dir", out, source]);
  const wheels = fs.readdirSync(out).filter((f) => f.endsWith(".whl"));
  if (wheels.length !== 1) throw new Error(`building sdks/python gave ${wheels.length} wheels`);
  return path.join(out, wheels[0]);
}

export interface PythonSetup {
  venv: string;
  python: string;
  wheel: string;
  /** Whether the virtualenv had to be made (a cold cache). */
  cold: boolean;
}

/** The cached virtualenv with this checkout's wheel installed; `work` is a temporary folder for the build. */
export function pythonWithSdk(work: string): PythonSetup {
  const version = pythonVersion();
  if (!version) throw new Error(`no Python interpreter ${pythonInterpreter()}`);
  const venv = path.join(cacheRoot(), `python${version}-pulumi-${PYTHON_PULUMI}`);
  const done = path.join(venv, ".complete");
  const cold = !fs.existsSync(done);
  if (cold) {
    fs.rmSync(venv, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(venv), { recursive: true });
    execFileSync(pythonInterpreter(), ["-m", "venv", venv], { stdio: "ignore" });
    pip(venv, ["install", "--quiet", `pulumi==${PYTHON_PULUMI}`, "setuptools>=61", "wheel"]);
  }
  const wheel = buildWheel(venv, work);
  if (cold) {
    // The first install resolves the wheel's own requirements from PyPI, as `pip install pulumi_sailpoint-*.whl` does.
    pip(venv, ["install", "--quiet", wheel]);
    fs.writeFileSync(done, `pulumi==${PYTHON_PULUMI}\n`);
  } else {
    pip(venv, ["install", "--quiet", "--force-reinstall", "--no-deps", wheel]);
  }
  pip(venv, ["check"]);
  return { venv, python: path.join(venv, "bin", "python"), wheel, cold };
}
