/**
 * The engine's Log RPC: the one way besides a gRPC error for the plugin to tell the user something, since the engine
 * hides a resource plugin's stdout and stderr. Messages pass through the core's redaction.
 */
import { redact } from "../provider/http/redact";
import { EngineClient, engine, grpc } from "./protocol";

export type Severity = "debug" | "info" | "warning" | "error";

let client: InstanceType<typeof EngineClient> | undefined;

/** Connects to the engine at `address` (the plugin's first argument). */
export function connectEngine(address: string): void {
  client = new EngineClient(address, grpc.credentials.createInsecure());
}

const SEVERITIES: Record<Severity, number> = {
  debug: engine.LogSeverity.DEBUG,
  info: engine.LogSeverity.INFO,
  warning: engine.LogSeverity.WARNING,
  error: engine.LogSeverity.ERROR,
};

/** Sends one message to the engine (for the resource `urn`, if given); resolves once delivered or failed. */
export function engineLog(severity: Severity, message: string, urn = ""): Promise<void> {
  const engineClient = client;
  if (!engineClient) return Promise.resolve();
  const request = new engine.LogRequest();
  request.setSeverity(SEVERITIES[severity] as never);
  request.setMessage(redact(message));
  request.setUrn(urn);
  return new Promise((resolve) => engineClient.log(request, () => resolve()));
}

export function closeEngine(): void {
  client?.close();
  client = undefined;
}
