/**
 * `hwcloud-typed/core`: the client without its table of operations. An app
 * creates a core and calls the operations it imports from
 * `hwcloud-typed/operations`, so a bundle carries those operations'
 * descriptors and no others. Each validator is imported at its operation's
 * first call, the IAM project-id lookup only when no project ID is given
 * (see BENCHMARKS.md, Bundle):
 *
 *   const core = createCore({ credentials, projectId });
 *   const peering = await call(core, UpdateVpcPeering, { peering_id, body });
 *
 * The request path is the client's own: `createCall` over
 * `withRetry(withAuth(transport))`.
 */
import { createDefaultSend } from "#transport";
import { userAgentHeader } from "#user-agent";
import type { OperationArgs, OperationCallArgs, OperationResult } from "../generated/methods.ts";
import type { operations as SpecOperations } from "../generated/schema.ts";
import { withAuth } from "./auth/layer.ts";
import { type Call, createCall, type ProjectIdResolver, type ReadyCall } from "./call.ts";
import { loadCode, sharedLoad } from "./load-code.ts";
import type { OperationDescriptor, ReadyOperation } from "./operation.ts";
import { type CallInit, type ClientConfig, type ClientOptions, DEFAULT_USER_AGENT, resolveClientOptions } from "./options.ts";
import { splitArgs } from "./request.ts";
import { withValidator } from "./validate.ts";
import { createRetryBudget } from "./retry/budget.ts";
import { withRetry } from "./retry/loop.ts";
import { fromFetch } from "./transport/fetch.ts";

/** A configured request path: options checked, layers built, one transport. */
export interface Core {
  readonly call: Call;
}

/** An operation descriptor of `hwcloud-typed/operations`, e.g. `UpdateVpcPeering`. */
export type Operation<Id extends keyof SpecOperations = keyof SpecOperations> = OperationDescriptor & { readonly id: Id };

/**
 * Checks the options once and builds the layers every call goes through;
 * `createClient` is this core with a method per operation. A `{project_id}`
 * nobody gave is looked up through the same path, by a call that needs none.
 */
export function createCore(options: ClientOptions = {}): Core {
  const config = resolveClientOptions(options, userAgentHeader(options.userAgent ?? DEFAULT_USER_AGENT));
  // One transport per client: its keep-alive sockets, and the proxy settings read at its first request.
  const transport = options.fetch ? fromFetch(options.fetch) : createDefaultSend({ proxy: options.proxy, ca: options.ca });
  const send = withRetry(withAuth(transport, config), createRetryBudget());
  const plainCall = importingValidators(createCall(config, send));
  const projectIdFor = config.projectId === undefined ? lazyProjectIdResolver(config, plainCall) : undefined;
  return { call: importingValidators(createCall(config, send, projectIdFor)) };
}

/**
 * Imports an operation's validator at its first call, once per core
 * (concurrent first calls share the import; a failed one is tried again):
 * later calls find the ready descriptor and go straight on, with no wait added.
 */
function importingValidators(call: ReadyCall): Call {
  const ready = new WeakMap<OperationDescriptor, ReadyOperation>();
  const loads = new WeakMap<OperationDescriptor, () => Promise<ReadyOperation>>();
  const loadFor = (operation: OperationDescriptor) => {
    let load = loads.get(operation);
    if (load === undefined) {
      load = sharedLoad(() => withValidator(operation).then((loaded) => (ready.set(operation, loaded), loaded)));
      loads.set(operation, load);
    }
    return load();
  };
  return (operation, input, init) => {
    const prepared = ready.get(operation);
    return prepared ? call(prepared, input, init) : loadFor(operation).then((loaded) => call(loaded, input, init));
  };
}

/**
 * The IAM lookup (src/project-id.ts, with KeystoneListProjects and its
 * validator) is imported by the first call that needs it: an app that gives
 * its project ID never loads that code.
 */
function lazyProjectIdResolver(config: ClientConfig, plainCall: Call): ProjectIdResolver {
  const resolver = sharedLoad(() =>
    loadCode("the project ID lookup", () => import("./project-id.ts")).then((projectId) =>
      projectId.createProjectIdResolver(projectId.projectIdSources(config, plainCall)),
    ),
  );
  return async (signal) => (await resolver())(signal);
}

/**
 * One call of `operation`, with the arguments of its named method
 * (`client.vpc.updateVpcPeering(args, init)`): resolves to the answer's data,
 * or throws its typed error.
 */
export async function call<Id extends keyof SpecOperations>(
  core: Core,
  operation: Operation<Id>,
  ...[args, init]: OperationCallArgs<OperationArgs<Id>, CallInit>
): Promise<OperationResult<Id>> {
  const answer = await core.call(operation, splitArgs(operation, args as Record<string, unknown> | undefined), init);
  if (answer.error) throw answer.error;
  return answer.data as OperationResult<Id>;
}
