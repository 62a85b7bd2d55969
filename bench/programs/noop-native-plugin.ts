/**
 * Benchmark baseline for the native door: a resource plugin that does nothing, on the same protocol stubs as
 * `pulumi-resource-sailpoint` (those inside `@pulumi/pulumi`, with the gRPC and protobuf libraries they load). It
 * serves the package `sailpoint` too, so the very same program runs against it (bench/native-door.ts points the
 * project's `plugins.providers` at this file, transpiled and named `pulumi-resource-sailpoint`).
 *
 * Check answers the inputs as sent, Diff "no change"; Create answers the properties our plugin returned for one
 * cluster (the JSON file BENCH_OUTPUTS, taken from our stack), with the inputs sent on top; Read answers the
 * properties and inputs the state holds. No ISC request, no validation, no secret handling: what is left is the
 * protocol's own cost for bags of our size.
 */
import { createRequire } from "node:module";
import * as fs from "node:fs";
import type * as grpcJs from "@grpc/grpc-js";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";
import type * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import type * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";

const fromStubs = createRequire(require.resolve("@pulumi/pulumi/proto/provider_grpc_pb"));
const grpc = fromStubs("@grpc/grpc-js") as typeof grpcJs;
const { Struct } = fromStubs("google-protobuf/google/protobuf/struct_pb") as typeof structPb;
const { Empty } = fromStubs("google-protobuf/google/protobuf/empty_pb") as typeof emptyPb;
const pb = fromStubs("./provider_pb") as typeof providerPb;
const plugin = fromStubs("./plugin_pb") as typeof pluginPb;
const { ResourceProviderService } = fromStubs("./provider_grpc_pb") as typeof providerGrpc;

type Handler = (call: grpcJs.ServerUnaryCall<never, unknown>, callback: grpcJs.sendUnaryData<unknown>) => void;
type Bag = Record<string, unknown>;

let sampleOutputs: Bag | undefined;
function outputsOf(inputs: Bag): Bag {
  sampleOutputs ??= (JSON.parse(fs.readFileSync(String(process.env.BENCH_OUTPUTS), "utf8")) as { outputs: Bag }).outputs;
  return { ...sampleOutputs, ...inputs };
}

function answer<Req>(work: (request: Req) => unknown): Handler {
  return (call, callback) => {
    try {
      callback(null, work(call.request as Req));
    } catch (error) {
      callback({ code: grpc.status.INTERNAL, details: String(error) }, null);
    }
  };
}

const noChange = () => new pb.DiffResponse().setChanges(pb.DiffResponse.DiffChanges.DIFF_NONE);

const handlers: Record<string, Handler> = {
  getPluginInfo: answer(() => new plugin.PluginInfo().setVersion("0.0.0-bench")),
  checkConfig: answer((req: providerPb.CheckRequest) => new pb.CheckResponse().setInputs(req.getNews())),
  diffConfig: answer(noChange),
  configure: answer(() => new pb.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false).setAcceptresources(false)),
  check: answer((req: providerPb.CheckRequest) => new pb.CheckResponse().setInputs(req.getNews())),
  diff: answer(noChange),
  create: answer((req: providerPb.CreateRequest) => {
    const inputs = (req.getProperties()?.toJavaScript() ?? {}) as Bag;
    return new pb.CreateResponse().setId(`noop-${String(inputs.name)}`).setProperties(Struct.fromJavaScript(outputsOf(inputs) as never));
  }),
  read: answer((req: providerPb.ReadRequest) => {
    const response = new pb.ReadResponse().setId(req.getId()).setProperties(req.getProperties());
    const inputs = req.getInputs();
    return inputs ? response.setInputs(inputs) : response;
  }),
  delete: answer(() => new Empty()),
  cancel: answer(() => new Empty()),
};

const server = new grpc.Server({ "grpc.max_receive_message_length": 1024 * 1024 * 400 });
server.addService(ResourceProviderService, handlers as never);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    process.stderr.write(`noop plugin: ${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
