/**
 * Errors as the engine takes them: a gRPC status with the message (redacted), and for an object made but not
 * finished (the core's PartialFailure) the `ErrorResourceInitFailed` detail, with which the engine keeps the object in
 * the state and updates it on the next run.
 */
import type * as grpcJs from "@grpc/grpc-js";
import { ConfigError } from "../provider/config";
import { PartialFailure } from "../provider/engine/partial";
import { redact } from "../provider/http/redact";
import { Any, Struct, grpc, provider, status } from "./protocol";

type Bag = Record<string, unknown>;

function messageOf(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}

/** A gRPC error for `error`; `properties` turns a partial failure's properties into what the state records. */
export function toServiceError(error: unknown, properties?: (bag: Bag) => Bag): Partial<grpcJs.ServiceError> {
  const message = messageOf(error);
  const code = error instanceof ConfigError ? grpc.status.FAILED_PRECONDITION : grpc.status.UNKNOWN;
  if (!(error instanceof PartialFailure)) return { code, details: message, message };
  const detail = new provider.ErrorResourceInitFailed();
  detail.setId(error.id);
  detail.setProperties(Struct.fromJavaScript((properties ? properties(error.properties) : error.properties) as never));
  detail.setReasonsList(error.reasons.map(redact));
  const packed = new Any();
  packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const rich = new status.Status();
  rich.setCode(code);
  rich.setMessage(message);
  rich.addDetails(packed);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(rich.serializeBinary()));
  return { code, details: message, message, metadata };
}

/** An UNIMPLEMENTED answer (the engine then falls back to its default behaviour). */
export function unimplemented(method: string): Partial<grpcJs.ServiceError> {
  return { code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by the sailpoint provider` };
}
