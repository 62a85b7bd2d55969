/**
 * The Pulumi plugin protocol as the plugin speaks it: the stubs that ship inside `@pulumi/pulumi`, and the gRPC and
 * protobuf libraries loaded the way those stubs load them (from the stubs' own place), so that messages, structs and
 * the service definition all belong to one instance of each library even when npm did not hoist them. The only
 * module of the plugin that loads these libraries (a bundler replaces this resolution with its own).
 */
import { createRequire } from "node:module";
import type * as grpcJs from "@grpc/grpc-js";
import type * as anyPb from "google-protobuf/google/protobuf/any_pb";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";
import type * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import type * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as statusPb from "@pulumi/pulumi/proto/status_pb";

const fromStubs = createRequire(require.resolve("@pulumi/pulumi/proto/provider_grpc_pb"));

export const grpc = fromStubs("@grpc/grpc-js") as typeof grpcJs;
export const { Struct } = fromStubs("google-protobuf/google/protobuf/struct_pb") as typeof structPb;
export const { Empty } = fromStubs("google-protobuf/google/protobuf/empty_pb") as typeof emptyPb;
export const { Any } = fromStubs("google-protobuf/google/protobuf/any_pb") as typeof anyPb;
export const provider = fromStubs("./provider_pb") as typeof providerPb;
export const providerService = (fromStubs("./provider_grpc_pb") as typeof providerGrpc).ResourceProviderService;
export const plugin = fromStubs("./plugin_pb") as typeof pluginPb;
export const status = fromStubs("./status_pb") as typeof statusPb;
export const engine = fromStubs("./engine_pb") as typeof enginePb;
export const EngineClient = (fromStubs("./engine_grpc_pb") as typeof engineGrpc).EngineClient;

export type Struct = structPb.Struct;
