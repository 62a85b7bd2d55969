/** Statistics and process measurements for the benchmark. */
import * as fs from "node:fs";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function kib(bytes: number): number {
  return Math.round((bytes / 1024) * 100) / 100;
}

/** VmHWM (peak resident set) of a process, in MiB, from /proc; undefined where /proc is not available. */
export function peakRssMiB(pid: number | undefined): number | undefined {
  return procStatusMiB(pid, "VmHWM");
}

/** VmRSS (resident set now) of a process, in MiB, from /proc; undefined where /proc is not available. */
export function rssMiB(pid: number | undefined): number | undefined {
  return procStatusMiB(pid, "VmRSS");
}

function procStatusMiB(pid: number | undefined, field: string): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
}

/** A copy in random order (Fisher–Yates). */
export function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
