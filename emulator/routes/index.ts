/** Every operation handler, keyed by operationId. The bundled spec of each version decides which ones it serves. */
import type { HandlerTable } from "./context";
import { logConfigHandlers } from "./log-config";
import { managedClientHandlers } from "./managed-clients";
import { managedClusterTypeHandlers } from "./managed-cluster-types";
import { managedClusterHandlers } from "./managed-clusters";
import { oauthClientHandlers } from "./oauth-clients";

export const HANDLERS: HandlerTable = {
  ...managedClusterHandlers,
  ...logConfigHandlers,
  ...managedClientHandlers,
  ...managedClusterTypeHandlers,
  ...oauthClientHandlers,
};
