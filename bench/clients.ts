/**
 * The clients the benchmark times, each doing the same GET / PATCH / POST of a ManagedCluster against the emulator:
 * through the dynamic-provider host (our provider, a node:http provider, an SDK provider) and in the benchmark's own
 * process (our API layer, a bare got call, plain node:http, the SDK as published and with its interceptor leak undone).
 */
import got from "got";
import type { IscEmulator } from "../emulator";
import { IscApi } from "../provider/api";
import type { JsonPatchOperation, ManagedClusterRequest } from "../provider/api/types";
import { mapConfig, resolveSettings } from "../provider/config";
import { IscClient } from "../provider/http/client";
import { urnFor, type ProviderHost } from "../tests/harness/host";
import { PROVIDER_KEY, type Bag } from "../tests/harness/wire";
import { baselineTexts } from "./baseline-providers";
import { fetchToken, rawClient } from "./raw-client";
import { sdkAxios, type SdkClustersApi, type SdkModule } from "./sdk";

export const CLIENTS = ["host", "hostRaw", "hostSdk", "api", "got", "raw", "sdk", "sdkNoLeak"] as const;
export type Client = (typeof CLIENTS)[number];
export type Op = "GET" | "PATCH" | "POST";
export const OPS: Op[] = ["GET", "PATCH", "POST"];
export type Operations = Record<Op, Partial<Record<Client, (n: number) => Promise<unknown>>>>;

export interface ClientSetup {
  operations: Operations;
  /** Our cluster as the host last returned it (outputs) and as checked (inputs), for the rows that reuse them. */
  ours: () => { urn: string; id: string; outputs: Bag; inputs: Bag };
  /** Outputs of every cluster our provider created through the host (realistic diff inputs). */
  createdOutputs: Bag[];
}

const DECLARED: Bag = { name: "bench", description: "created by the benchmark", configuration: { gmtOffset: "-5", "ccg.debug": "false" } };
const patchOps = (value: string): JsonPatchOperation[] => [{ op: "replace", path: "/description", value }];
const postBody = (n: number, who: string): ManagedClusterRequest => ({
  name: `bench-${who}-${n}`,
  type: "idn",
  description: "created by the benchmark",
  configuration: { gmtOffset: "-5", "ccg.debug": "false" },
});

/** One dynamic provider in the host, identified by its `__provider` text (ours when undefined). */
async function hostClient(host: ProviderHost, who: string, inputs: Bag, text: string | undefined) {
  const tag = (bag: Bag): Bag => (text === undefined ? bag : { ...bag, [PROVIDER_KEY]: text });
  const urn = urnFor("ManagedCluster", `bench-${who}`);
  const made = await host.create(urn, tag({ ...inputs, name: `bench-${who}` }));
  const state = { urn, id: made.id, outputs: made.properties, inputs: tag({ ...inputs, name: `bench-${who}` }) };
  const created: Bag[] = [made.properties];
  const ops = {
    GET: () => host.read(urn, state.id, tag(state.outputs), state.inputs),
    PATCH: async (n: number) => {
      state.outputs = (await host.update(urn, state.id, tag(state.outputs), { ...state.inputs, description: `${who} ${n}` })).properties;
    },
    POST: async (n: number) => {
      const c = await host.create(urnFor("ManagedCluster", `post-${who}-${n}`), { ...state.inputs, name: `bench-${who}-${n}` });
      created.push(c.properties);
    },
  };
  return { ops, state, created };
}

export async function setUpClients(emulator: IscEmulator, host: ProviderHost, apiVersion: string, sdk: SdkModule | undefined): Promise<ClientSetup> {
  const urn = urnFor("ManagedCluster", "bench-host");
  const checked = await host.check(urn, {}, DECLARED);
  if (checked.failures.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const texts = await baselineTexts();
  const ours = await hostClient(host, "host", checked.inputs, undefined);
  const hostRaw = await hostClient(host, "hostRaw", checked.inputs, texts.raw);
  const hostSdk = sdk ? await hostClient(host, "hostSdk", checked.inputs, texts.sdk) : undefined;

  const settings = mapConfig({
    "sailpoint:baseUrl": emulator.url,
    "sailpoint:clientId": emulator.credentials.clientId,
    "sailpoint:clientSecret": emulator.credentials.clientSecret,
    "sailpoint:apiVersion": apiVersion,
    "sailpoint:rateLimit": "100000/1000",
  });
  const resolved = resolveSettings(settings, {});
  const api = new IscApi(new IscClient(resolved), `${resolved.baseUrl}\n${resolved.clientId}`).managedClusters;
  const token = await fetchToken(emulator);
  const raw = rawClient(emulator.url, token);
  // got with nothing of ours: what our HTTP layer (token cache, limiter, hooks, error mapping) costs on top of it.
  const bareGot = got.extend({ prefixUrl: emulator.url, responseType: "json", headers: { authorization: `Bearer ${token}` } });
  const sdkConfiguration = sdk
    ? new sdk.Configuration({
        baseurl: emulator.url,
        clientId: emulator.credentials.clientId,
        clientSecret: emulator.credentials.clientSecret,
        tokenUrl: `${emulator.url}/oauth/token`,
      })
    : undefined;
  const sdkApi = sdk && sdkConfiguration ? new sdk.ManagedClustersV2024Api(sdkConfiguration) : undefined;
  // The SDK as it would be without its leak: its own axios, with the interceptors each call adds removed afterwards.
  const noLeakAxios = sdk ? sdkAxios() : undefined;
  const noLeakApi = sdk && sdkConfiguration ? new sdk.ManagedClustersV2024Api(sdkConfiguration, undefined, noLeakAxios) : undefined;
  const noLeak = (call: (api: SdkClustersApi) => Promise<unknown>) => async () => {
    try {
      return await call(noLeakApi!);
    } finally {
      noLeakAxios!.interceptors.request.clear();
      noLeakAxios!.interceptors.response.clear();
    }
  };
  const id = ours.state.id;
  const path = `/${apiVersion}/managed-clusters`;

  const operations: Operations = {
    GET: {
      host: ours.ops.GET,
      hostRaw: hostRaw.ops.GET,
      ...(hostSdk ? { hostSdk: hostSdk.ops.GET } : {}),
      api: () => api.get(id),
      got: () => bareGot(`${apiVersion}/managed-clusters/${id}`),
      raw: () => raw("GET", `${path}/${id}`),
      ...(sdkApi ? { sdk: () => sdkApi.getManagedCluster({ id }), sdkNoLeak: noLeak((a) => a.getManagedCluster({ id })) } : {}),
    },
    PATCH: {
      host: ours.ops.PATCH,
      hostRaw: hostRaw.ops.PATCH,
      ...(hostSdk ? { hostSdk: hostSdk.ops.PATCH } : {}),
      api: (n) => api.patch(id, patchOps(`api ${n}`)),
      got: (n) => bareGot.patch(`${apiVersion}/managed-clusters/${id}`, { body: JSON.stringify(patchOps(`got ${n}`)), headers: { "content-type": "application/json-patch+json" } }),
      raw: (n) => raw("PATCH", `${path}/${id}`, patchOps(`raw ${n}`), "application/json-patch+json"),
      ...(sdkApi
        ? {
            sdk: (n: number) => sdkApi.updateManagedCluster({ id, jsonPatchOperationV2024: patchOps(`sdk ${n}`) }),
            sdkNoLeak: (n: number) => noLeak((a) => a.updateManagedCluster({ id, jsonPatchOperationV2024: patchOps(`fixed ${n}`) }))(),
          }
        : {}),
    },
    POST: {
      host: ours.ops.POST,
      hostRaw: hostRaw.ops.POST,
      ...(hostSdk ? { hostSdk: hostSdk.ops.POST } : {}),
      api: (n) => api.create(postBody(n, "api")),
      got: (n) => bareGot.post(`${apiVersion}/managed-clusters`, { json: postBody(n, "got") }),
      raw: (n) => raw("POST", path, postBody(n, "raw")),
      ...(sdkApi
        ? {
            sdk: (n: number) => sdkApi.createManagedCluster({ managedClusterRequestV2024: postBody(n, "sdk") }),
            sdkNoLeak: (n: number) => noLeak((a) => a.createManagedCluster({ managedClusterRequestV2024: postBody(n, "fixed") }))(),
          }
        : {}),
    },
  };
  return { operations, ours: () => ours.state, createdOutputs: ours.created };
}

/** Each operation sends exactly one API request, whoever sends it (checked, so the comparison is like for like). */
export async function checkOneRequestEach(emulator: IscEmulator, operations: Operations, apiVersion: string): Promise<void> {
  for (const op of OPS) {
    for (const [client, run] of Object.entries(operations[op])) {
      await run(-1); // the first call may fetch a token
      emulator.clearRequests();
      await run(-2);
      const sent = emulator.requests.map((r) => `${r.method} ${r.path}`);
      if (sent.length !== 1 || !sent[0].startsWith(`${op} /${apiVersion}/managed-clusters`)) {
        throw new Error(`${client} ${op} sent ${JSON.stringify(sent)}, expected one ${op}`);
      }
    }
  }
}
