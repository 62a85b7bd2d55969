import { redact } from "../http/redact";

/**
 * Thrown when the object exists on the service but a later step failed. The dynamic-provider host turns it into
 * ErrorResourceInitFailed, so the engine records the id and these properties and retries with an update on the next
 * `up`: nothing is orphaned. `properties` must include the received inputs' `__provider`.
 */
export class PartialFailure extends Error {
  override readonly name = "PartialFailure";
  readonly reasons: string[];

  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    cause: unknown,
    what: string,
  ) {
    const reason = redact(cause instanceof Error ? cause.message : String(cause));
    super(`${what} (id ${id}) but a later step failed: ${reason}`);
    // The engine shows the reasons, not the message: say there too that the object exists and is in the state.
    this.reasons = [this.message];
  }
}
