/**
 * `hwcloud-typed/core`: the client without its table of operations. An app
 * creates a core and calls the operations it imports from
 * `hwcloud-typed/operations`, so a bundle carries those operations (and their
 * validators) and no others:
 *
 *   const core = createCore({ credentials, projectId });
 *   const peering = await call(core, UpdateVpcPeering, { peering_id, body });
 *
 * The request path is the client's own: `createCall` over
 * `withRetry(withAuth(transport))`.
 */
import { defaultSend } from "#transport";
import { userAgentHeader } from "#user-agent";
import type { OperationArgs, OperationCallArgs, OperationResult } from "../generated/methods.ts";
import type { operations as SpecOperations } from "../generated/schema.ts";
import { withAuth } from "./auth/layer.ts";
import { type Call, createCall } from "./call.ts";
import type { OperationDescriptor } from "./operation.ts";
import { type CallInit, type ClientOptions, DEFAULT_USER_AGENT, resolveClientOptions } from "./options.ts";
import { splitArgs } from "./request.ts";
import { createRetryBudget } from "./retry/budget.ts";
import { withRetry } from "./retry/loop.ts";
import { fromFetch } from "./transport/fetch.ts";

declare const hasProjectId: unique symbol;

/** A configured request path; `HasProjectId` lets calls leave `project_id` out. */
export interface Core<HasProjectId extends boolean = boolean> {
  readonly call: Call;
  /** Types only: whether the options gave a project id. */
  readonly [hasProjectId]?: HasProjectId;
}

/** An operation descriptor of `hwcloud-typed/operations`, e.g. `UpdateVpcPeering`. */
export type Operation<Id extends keyof SpecOperations = keyof SpecOperations> = OperationDescriptor & { readonly id: Id };

/** Checks the options once, as `createClient` does, and builds the layers every call goes through. */
export function createCore<const O extends ClientOptions>(options: O): Core<O extends { projectId: string } ? true : false> {
  const config = resolveClientOptions(options, userAgentHeader(options.userAgent ?? DEFAULT_USER_AGENT));
  const transport = options.fetch ? fromFetch(options.fetch) : defaultSend;
  return { call: createCall(config, withRetry(withAuth(transport, config), createRetryBudget())) };
}

/**
 * One call of `operation`, with the arguments of its named method
 * (`client.vpc.updateVpcPeering(args, init)`): resolves to the answer's data,
 * or throws its typed error.
 */
export async function call<Id extends keyof SpecOperations, HasProjectId extends boolean>(
  core: Core<HasProjectId>,
  operation: Operation<Id>,
  ...[args, init]: OperationCallArgs<OperationArgs<Id, HasProjectId>, CallInit>
): Promise<OperationResult<Id>> {
  const answer = await core.call(operation, splitArgs(operation, args as Record<string, unknown> | undefined), init);
  if (answer.error) throw answer.error;
  return answer.data as OperationResult<Id>;
}
