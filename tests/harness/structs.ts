/**
 * Protobuf values as both engine-side harnesses (tests/harness/host.ts for the dynamic provider host,
 * tests/native/plugin-host.ts for the native plugin) send and read them: bags as Structs, and the partial-failure
 * payload (`ErrorResourceInitFailed`) a failed Create or Update carries in its gRPC status details.
 */
import type { ServiceError } from "@grpc/grpc-js";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { structProto } from "./pulumi-deps";
import { jsonClone, type Bag } from "./wire";

export interface InitFailure {
  id: string;
  properties: Bag;
  reasons: string[];
}

export function toStruct(bag: Bag): import("google-protobuf/google/protobuf/struct_pb").Struct {
  return structProto.Struct.fromJavaScript(jsonClone(bag) as never);
}

export function fromStruct(struct: { toJavaScript(): unknown } | undefined): Bag {
  return (struct?.toJavaScript() ?? {}) as Bag;
}

/** The object a failed call made anyway (its id, properties and reasons), when the status details carry one. */
export function decodeInitFailure(error: ServiceError): InitFailure | undefined {
  const [bin] = error.metadata?.get("grpc-status-details-bin") ?? [];
  if (!bin) return undefined;
  const status = Status.deserializeBinary(typeof bin === "string" ? Buffer.from(bin, "base64") : new Uint8Array(bin));
  const any = status.getDetailsList().find((d) => d.getTypeName() === "pulumirpc.ErrorResourceInitFailed");
  if (!any) return undefined;
  const failure = providerProto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
  return { id: failure.getId(), properties: fromStruct(failure.getProperties()), reasons: failure.getReasonsList() };
}
