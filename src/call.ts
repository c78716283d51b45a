/**
 * The one request path every call takes, named or raw: build the request
 * from the operation's descriptor, check it, send it through the layers,
 * and read the answer into data or a typed error.
 */
import { anySignal, follow, startTimer } from "./abort.ts";
import { type Answer, readAnswer } from "./answer.ts";
import { AbortError, TimeoutError } from "./errors.ts";
import type { HttpResponse } from "./layers.ts";
import type { OperationDescriptor, ReadyOperation } from "./operation.ts";
import { type CallInit, type ClientConfig, callPolicy } from "./options.ts";
import { buildRequest, type SplitInput } from "./request.ts";
import type { RetryingSend } from "./retry/loop.ts";
import type { RetryPolicy } from "./retry/policy.ts";

export type CallResult = Answer & { response: HttpResponse };

/** Finds the project ID of a call that needs one and was given none (src/project-id.ts). */
export type ProjectIdResolver = (signal: AbortSignal | undefined) => Promise<string>;

export type Call = (operation: OperationDescriptor, input: SplitInput, init: CallInit | undefined) => Promise<CallResult>;

/** A call of an operation whose validator is already imported (src/core.ts imports it). */
export type ReadyCall = (operation: ReadyOperation, input: SplitInput, init: CallInit | undefined) => Promise<CallResult>;

/** `projectIdFor` fills a `{project_id}` that neither the call nor the client's `projectId` gives. */
export function createCall(config: ClientConfig, send: RetryingSend, projectIdFor?: ProjectIdResolver): ReadyCall {
  return async (operation, input, init) => {
    let policy = callPolicy(config, operation, init);
    if (projectIdFor && config.projectId === undefined && operation.params.project_id === "path" && input.input.path.project_id === undefined) {
      policy = await fillProjectId(projectIdFor, operation.id, input, init?.signal, policy);
    }
    const request = buildRequest(operation, input, config, init);
    const { response, attempts } = await send(request, policy);
    return Object.assign(readAnswer(operation, response, attempts), { response });
  };
}

/**
 * Fills the call's `{project_id}`, waiting for the lookup no longer than the
 * call's signal and deadline allow (the lookup itself goes on for other
 * calls), and returns the call's policy with the deadline that is left.
 */
async function fillProjectId(
  projectIdFor: ProjectIdResolver,
  operation: string,
  input: SplitInput,
  signal: AbortSignal | undefined,
  policy: RetryPolicy,
): Promise<RetryPolicy> {
  const aborted = () => new AbortError(`${operation} aborted`, { operation, attempts: 0, cause: signal?.reason });
  if (signal?.aborted) throw aborted();
  const { deadlineMs } = policy;
  const startedAt = deadlineMs === undefined ? 0 : Date.now();
  const deadline = startTimer(deadlineMs, () =>
    // The call's own request was never sent: only the lookup was under way.
    new TimeoutError(`${operation} exceeded its ${deadlineMs} ms deadline looking up its project ID`, { operation, attempts: 0, requestSent: false }),
  );
  const caller = signal ? follow(signal) : undefined;
  const bound = caller && deadline ? anySignal(caller.signal, deadline.signal) : (caller?.signal ?? deadline?.signal);
  try {
    input.input.path.project_id = await projectIdFor(bound);
  } catch (error) {
    if (signal?.aborted) throw aborted();
    throw deadline?.signal.aborted ? deadline.signal.reason : error;
  } finally {
    deadline?.clear();
    caller?.release();
  }
  // At least 1 ms: no deadline at all is what 0 would mean to the retry loop.
  return deadlineMs === undefined ? policy : { ...policy, deadlineMs: Math.max(1, deadlineMs - (Date.now() - startedAt)) };
}
