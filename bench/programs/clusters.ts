/** Benchmark program: BENCH_RESOURCES managed clusters (see bench/cli-preview.ts). */
import { ManagedCluster } from "pulumi-sailpoint-isc";

const count = Number(process.env.BENCH_RESOURCES);
for (let i = 0; i < count; i++) {
  new ManagedCluster(`cluster-${i}`, { name: `cluster-${i}`, description: "unchanged", configuration: { gmtOffset: "-5" } });
}
