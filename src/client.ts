import { createDefaultSend } from "#transport";
import { userAgentHeader } from "#user-agent";
import type { Service } from "../generated/operations.ts";
import { withAuth } from "./auth/layer.ts";
import { createCall } from "./call.ts";
import { createNamedCalls, type NamedCalls } from "./named-calls.ts";
import { createProjectIdResolver, projectIdSources } from "./project-id.ts";
import { type ClientOptions, DEFAULT_USER_AGENT, resolveClientOptions } from "./options.ts";
import { createRawClients, type RawClient } from "./raw-client.ts";
import { createRetryBudget } from "./retry/budget.ts";
import { withRetry } from "./retry/loop.ts";
import { fromFetch } from "./transport/fetch.ts";

export type HwcloudClient = NamedCalls & {
  /** openapi-fetch's `{ data, error, response }` style per service, on the same request path. */
  raw: Record<Service, RawClient>;
};

/**
 * A client of every operation of the spec: `client.<service>.<operation>(args, init)`.
 * Options are checked here, once; each call then runs
 * `withRetry(withAuth(transport))` and reads its answer into data or a typed error.
 * A `{project_id}` nobody gave is looked up through the same path, by a call
 * that needs none.
 */
export function createClient(options: ClientOptions = {}): HwcloudClient {
  const config = resolveClientOptions(options, userAgentHeader(options.userAgent ?? DEFAULT_USER_AGENT));
  // One transport per client: its keep-alive sockets, and the proxy settings read at its first request.
  const transport = options.fetch ? fromFetch(options.fetch) : createDefaultSend({ proxy: options.proxy, ca: options.ca });
  const send = withRetry(withAuth(transport, config), createRetryBudget());
  const plainCall = createCall(config, send);
  const call = createCall(config, send, createProjectIdResolver(projectIdSources(config, plainCall)));
  return { ...createNamedCalls(call), raw: createRawClients(call) };
}
