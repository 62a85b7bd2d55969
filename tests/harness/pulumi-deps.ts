/**
 * gRPC and protobuf modules resolved from @pulumi/pulumi's own directory, so they are the very copies its generated
 * stubs (proto/*_pb.js) use.
 */
import { createRequire } from "node:module";
import * as path from "node:path";

export const PULUMI_DIR = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = createRequire(path.join(PULUMI_DIR, "package.json"));

export const grpc = fromPulumi("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
export const structProto = fromPulumi("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
export const requireFromString = fromPulumi("require-from-string") as (code: string) => { handler(): Record<string, unknown> };
