/** Clusters' log configurations: each lasts `durationMinutes` (default 240) or until `expiration`, then is gone. */
import { iso } from "./ids";
import type { Clock, LogConfig } from "./types";

/** What a log configuration is set from (the PUT body, already validated, or a test's drift). */
export interface LogConfigInput {
  clientId?: string;
  rootLevel: string;
  logLevels?: Record<string, string>;
  durationMinutes?: number;
  /** Absolute end; ISO string or epoch ms. */
  expiration?: string | number;
}

export const DEFAULT_LOG_DURATION_MINUTES = 240;

export class LogConfigs {
  private readonly byCluster = new Map<string, { config: LogConfig; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  /** Sets a cluster's configuration. No validation: tests may set anything. */
  set(clusterId: string, input: LogConfigInput): LogConfig {
    let expiresAt: number;
    let durationMinutes: number | undefined;
    if (input.expiration !== undefined) {
      expiresAt = typeof input.expiration === "number" ? input.expiration : Date.parse(input.expiration);
      if (Number.isNaN(expiresAt)) throw new Error(`invalid expiration ${String(input.expiration)}`);
    } else {
      durationMinutes = input.durationMinutes ?? DEFAULT_LOG_DURATION_MINUTES;
      expiresAt = this.clock.now() + durationMinutes * 60_000;
    }
    const config: LogConfig = {
      ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
      rootLevel: input.rootLevel,
      ...(input.logLevels !== undefined ? { logLevels: structuredClone(input.logLevels) } : {}),
      ...(durationMinutes !== undefined ? { durationMinutes } : {}),
      expiration: iso(expiresAt),
    };
    this.byCluster.set(clusterId, { config, expiresAt });
    return structuredClone(config);
  }

  /** The active configuration; undefined when none was set or it has expired (an expired one is dropped). */
  get(clusterId: string): LogConfig | undefined {
    const stored = this.byCluster.get(clusterId);
    if (!stored) return undefined;
    if (this.clock.now() >= stored.expiresAt) {
      this.byCluster.delete(clusterId);
      return undefined;
    }
    return structuredClone(stored.config);
  }

  delete(clusterId: string): void {
    this.byCluster.delete(clusterId);
  }

  clear(): void {
    this.byCluster.clear();
  }
}
