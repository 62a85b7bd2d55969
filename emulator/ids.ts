/** Identifier, secret and timestamp helpers. */
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

/** 32 lowercase hex characters, the format of cluster and OAuth client ids. */
export function hexId(): string {
  return randomBytes(16).toString("hex");
}

/** UUID with dashes, the format of OAuth 2.0 client ids and managed client ids. */
export function uuid(): string {
  return randomUUID();
}

/** 64 hex characters, the format of generated client secrets. */
export function secret64(): string {
  return randomBytes(32).toString("hex");
}

export function base64Url(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/** ISO-8601 with millisecond precision. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Compares two secrets without leaking their common prefix length through timing. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
