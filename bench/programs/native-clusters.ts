/**
 * Benchmark program for the native door: BENCH_RESOURCES managed clusters of `pulumi-sailpoint-isc/native`, the same
 * names and inputs as clusters.ts (see bench/native-door.ts). The project's `plugins.providers` path decides which
 * plugin serves them: ours, or the no-op plugin (noop-native-plugin.ts).
 */
import { ManagedCluster } from "pulumi-sailpoint-isc/native";

const count = Number(process.env.BENCH_RESOURCES);
for (let i = 0; i < count; i++) {
  new ManagedCluster(`cluster-${i}`, { name: `cluster-${i}`, description: "unchanged", configuration: { gmtOffset: "-5" } });
}
