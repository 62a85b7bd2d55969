/** The API's value types, as both entry points (`pulumi-sailpoint-isc` and `pulumi-sailpoint-isc/native`) export them. */
export type {
  AccessType,
  ClientType,
  ClusterHealthStatus,
  ClusterStatus,
  ClusterType,
  LogLevel,
  ManagedClientStatusCode,
  ManagedClientType,
} from "../provider/api/types";
