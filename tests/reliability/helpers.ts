/**
 * Shared pieces of the reliability and security tests: starting an emulator plus a configured provider host, running
 * an operation until it converges (bounded), classifying what the emulator's seeded chaos did, and scanning text for
 * leaked secrets.
 */
import { IscEmulator, type ChaosOptions, type EmulatorOptions, type RecordedRequest } from "../../emulator";
import { seededRandom } from "../../emulator/faults";
import { ProviderHost, sailpointConfig, type ConfigValue } from "../harness/host";
import { LifecycleDriver, LifecycleError, type OperationResult, type StateEntry } from "../harness/lifecycle";

export type Bag = Record<string, unknown>;

export const TOKEN_PATH = "/oauth/token";

export interface Env {
  emulator: IscEmulator;
  host: ProviderHost;
  driver: LifecycleDriver;
}

/** An emulator and a fresh provider host configured for it (short request timeout unless overridden). */
export async function startEnv(options: { emulator?: EmulatorOptions; config?: Record<string, ConfigValue> } = {}): Promise<Env> {
  const emulator = await IscEmulator.start(options.emulator);
  const host = await ProviderHost.start();
  await host.configure(sailpointConfig(emulator, { "sailpoint:requestTimeoutSeconds": "1", ...options.config }));
  return { emulator, host, driver: new LifecycleDriver(host, { timeoutMs: 150_000 }) };
}

export async function stopEnv(env: Env | undefined): Promise<void> {
  if (!env) return;
  await env.host.stop();
  await env.emulator.stop();
}

/** API requests only (token requests left out). */
export function apiRequests(emulator: IscEmulator): RecordedRequest[] {
  return emulator.requests.filter((r) => r.path !== TOKEN_PATH);
}

export function tokenRequests(emulator: IscEmulator): RecordedRequest[] {
  return emulator.requests.filter((r) => r.path === TOKEN_PATH);
}

export interface Convergence {
  /** Runs made, the successful one included. */
  runs: number;
  /** The errors of each failed run. */
  failures: string[][];
  /** Milliseconds each run took. */
  durations: number[];
  result: OperationResult;
}

/** Repeats an operation until it reports no error, at most `maxRuns` times; then fails listing every run's errors. */
export async function untilConverged(operation: () => Promise<OperationResult>, maxRuns: number): Promise<Convergence> {
  const failures: string[][] = [];
  const durations: number[] = [];
  for (let run = 1; ; run++) {
    const startedAt = Date.now();
    try {
      const result = await operation();
      durations.push(Date.now() - startedAt);
      return { runs: run, failures, durations, result };
    } catch (error) {
      durations.push(Date.now() - startedAt);
      if (!(error instanceof LifecycleError)) throw error;
      failures.push(error.result.errors);
      if (run >= maxRuns) {
        throw new Error(`did not converge in ${maxRuns} runs; errors per run:\n${failures.map((f, i) => `run ${i + 1}:\n  ${f.join("\n  ")}`).join("\n")}`);
      }
    }
  }
}

export type ChaosKind = "rateLimited" | "serverError" | "resetBefore" | "resetAfter" | "slow" | "malformedJson" | "none";

/**
 * What the emulator's chaos did to each API request, replayed from its seed: the injector draws two numbers per API
 * request, in arrival (`seq`) order, and picks a fault from cumulative probabilities (emulator/faults.ts). Only valid
 * when the recorder was not cleared since chaos started and no explicit fault or method/path filter was in play.
 */
export function replayChaos(requests: readonly RecordedRequest[], opts: ChaosOptions): Array<{ request: RecordedRequest; kind: ChaosKind }> {
  const random = seededRandom(opts.seed ?? 1);
  const order: [ChaosKind, number | undefined][] = [
    ["rateLimited", opts.rateLimited],
    ["serverError", opts.serverError],
    ["resetBefore", opts.resetBefore],
    ["resetAfter", opts.resetAfter],
    ["slow", opts.slow],
    ["malformedJson", opts.malformedJson],
  ];
  const api = requests.filter((r) => r.path !== TOKEN_PATH).sort((a, b) => a.seq - b.seq);
  return api.map((request) => {
    const roll = random();
    random();
    let edge = 0;
    const hit = order.find(([, p]) => roll < (edge += p ?? 0));
    return { request, kind: hit ? hit[0] : "none" };
  });
}

export function countKinds(replayed: Array<{ kind: ChaosKind }>): Record<ChaosKind, number> {
  const counts: Record<ChaosKind, number> = { rateLimited: 0, serverError: 0, resetBefore: 0, resetAfter: 0, slow: 0, malformedJson: 0, none: 0 };
  for (const { kind } of replayed) counts[kind] += 1;
  return counts;
}

/** Every bearer token the emulator issued (from recorded token responses) or was shown (Authorization headers). */
export function issuedTokens(requests: readonly RecordedRequest[]): Set<string> {
  const tokens = new Set<string>();
  for (const r of requests) {
    const body = r.responseBody as { access_token?: unknown } | undefined;
    if (r.path === TOKEN_PATH && typeof body?.access_token === "string") tokens.add(body.access_token);
    const auth = r.headers.authorization;
    if (auth?.startsWith("Bearer ")) tokens.add(auth.slice("Bearer ".length));
  }
  return tokens;
}

/** `label: hit` for each sensitive value found in each text (an empty list means nothing leaked). */
export function leaks(texts: Array<{ label: string; text: string }>, sensitive: Array<{ label: string; value: string }>): string[] {
  const found: string[] = [];
  for (const { label, text } of texts) {
    for (const s of sensitive) if (s.value && text.includes(s.value)) found.push(`${label} contains ${s.label}`);
  }
  return found;
}

/** Texts to scan from a driver state: every `__provider`, and every stored value except the registered secret outputs. */
export function stateTexts(state: ReadonlyMap<string, Readonly<StateEntry>>): Array<{ label: string; text: string }> {
  const texts: Array<{ label: string; text: string }> = [];
  for (const [urn, entry] of state) {
    const secretKeys = new Set([...entry.additionalSecretOutputs, ...entry.secretInputs]);
    for (const [where, bag] of [["inputs", entry.inputs], ["outputs", entry.outputs]] as const) {
      for (const [key, value] of Object.entries(bag)) {
        if (where === "outputs" && secretKeys.has(key)) continue;
        texts.push({ label: `${urn} ${where}.${key}`, text: typeof value === "string" ? value : JSON.stringify(value) });
      }
    }
  }
  return texts;
}

/** Highest number of requests whose arrival times fall in any window of `windowMs` (half-open, as a sliding limiter counts). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** The names that occur more than once. */
export function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const n of names) (seen.has(n) ? twice : seen).add(n);
  return [...twice].sort();
}
