/**
 * Program registration time for many resources: each sample a fresh process running bench/registration-program.ts
 * (mocks answer at once, so this is the program's own cost), variants interleaved round by round.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { median } from "./measure";

const run = promisify(execFile);
const PROGRAM = path.join(__dirname, "registration-program.ts");

export interface RegistrationTimes {
  resources: number;
  /** Median wall and CPU ms per variant, and how many samples each median has. */
  ours: Sample;
  legacy: Sample;
  plain: Sample;
  plainArgs: Sample;
}

export interface Sample {
  wallMs: number;
  cpuMs: number;
  samples: number;
}

type Variant = "ours" | "legacy" | "plain" | "plainArgs";

async function once(variant: Variant, resources: number): Promise<{ wallMs: number; cpuMs: number }> {
  const { stdout } = await run(process.execPath, ["--require", require.resolve("tsx/cjs"), PROGRAM, variant, String(resources)], {
    cwd: path.join(__dirname, ".."),
    timeout: 600_000,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as { wallMs: number; cpuMs: number };
}

/**
 * `rounds` samples of ours and of the args-only baseline; the two slow variants (0.1.0's path and a plain
 * CustomResource with every output seeded, tens of seconds each under source-map-support) `slowRounds` samples.
 */
export async function registrationTimes(resources: number, rounds: number, slowRounds: number): Promise<RegistrationTimes> {
  const samples: Record<Variant, { wallMs: number; cpuMs: number }[]> = { ours: [], legacy: [], plain: [], plainArgs: [] };
  for (let round = 0; round < rounds; round++) {
    const order: Variant[] = round % 2 ? ["plainArgs", "ours"] : ["ours", "plainArgs"];
    if (round < slowRounds) order.splice(1, 0, "legacy", "plain");
    for (const variant of order) samples[variant].push(await once(variant, resources));
  }
  const summary = (list: { wallMs: number; cpuMs: number }[]): Sample => ({
    wallMs: median(list.map((s) => s.wallMs)),
    cpuMs: median(list.map((s) => s.cpuMs)),
    samples: list.length,
  });
  return { resources, ours: summary(samples.ours), legacy: summary(samples.legacy), plain: summary(samples.plain), plainArgs: summary(samples.plainArgs) };
}
