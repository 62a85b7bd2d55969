import type { IscEmulator, RecordedRequest } from "../../emulator";

/** API requests only (token requests left out). */
export function apiCalls(emulator: IscEmulator): RecordedRequest[] {
  return emulator.requests.filter((r) => r.path !== "/oauth/token");
}

/** "METHOD path" of each API request, for compact assertions on what went over the wire. */
export function lines(emulator: IscEmulator): string[] {
  return apiCalls(emulator).map((r) => `${r.method} ${r.path}`);
}
