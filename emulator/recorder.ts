/** Keeps every API and token request with its outcome, for tests to inspect. */
import type { RecordedRequest } from "./types";

export class Recorder {
  private seq = 0;
  private readonly list: RecordedRequest[] = [];

  nextSeq(): number {
    return ++this.seq;
  }

  add(r: RecordedRequest): void {
    this.list.push(r);
  }

  /** In completion order (`seq` gives arrival order). */
  all(): readonly RecordedRequest[] {
    return this.list;
  }

  clear(): void {
    this.list.length = 0;
  }

  /** Non-GET requests to API routes (not the token endpoint). */
  writes(): RecordedRequest[] {
    return this.list.filter((r) => r.method !== "GET" && r.method !== "HEAD" && r.path !== "/oauth/token");
  }

  /** Requests with this method ("*" for any) whose path contains the string or matches the RegExp. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    const m = method.toUpperCase();
    return this.list.filter(
      (r) => (m === "*" || r.method === m) && (typeof path === "string" ? r.path.includes(path) : path.test(r.path)),
    );
  }
}
