/**
 * Authorization by OAuth scope, as the specs declare it: each operation's `security` lists alternatives
 * (`[{ userAuth: ["idn:remote-client:read", "idn:remote-client:manage"] }]`), any one scope of which admits the token.
 * `sp:scopes:all` admits every operation; an operation without its own `security` needs `sp:scopes:all`, the specs'
 * document-wide default.
 */
import type { Operation } from "./openapi";

const ALL_SCOPES = "sp:scopes:all";

function acceptedScopes(operation: Operation): string[] {
  const security = operation.spec.security;
  if (!Array.isArray(security)) return [ALL_SCOPES];
  const scopes = new Set<string>([ALL_SCOPES]);
  for (const requirement of security) {
    for (const listed of Object.values(requirement as Record<string, unknown>)) {
      if (Array.isArray(listed)) for (const scope of listed) scopes.add(String(scope));
    }
  }
  return [...scopes];
}

export function authorized(operation: Operation, tokenScopes: readonly string[]): boolean {
  const accepted = acceptedScopes(operation);
  return tokenScopes.some((scope) => accepted.includes(scope));
}
