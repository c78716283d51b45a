/**
 * The one request path every call takes, named or raw: build the request
 * from the operation's descriptor, check it, send it through the layers,
 * and read the answer into data or a typed error.
 */
import { type Answer, readAnswer } from "./answer.ts";
import type { HttpResponse } from "./layers.ts";
import type { OperationDescriptor, ReadyOperation } from "./operation.ts";
import { type CallInit, type ClientConfig, callPolicy } from "./options.ts";
import { buildRequest, type SplitInput } from "./request.ts";
import type { RetryingSend } from "./retry/loop.ts";

export type CallResult = Answer & { response: HttpResponse };

/** Finds the project ID of a call that needs one and was given none (src/project-id.ts). */
export type ProjectIdResolver = (signal: AbortSignal | undefined) => Promise<string>;

export type Call = (operation: OperationDescriptor, input: SplitInput, init: CallInit | undefined) => Promise<CallResult>;

/** A call of an operation whose validator is already imported (src/core.ts imports it). */
export type ReadyCall = (operation: ReadyOperation, input: SplitInput, init: CallInit | undefined) => Promise<CallResult>;

/** `projectIdFor` fills a `{project_id}` that neither the call nor the client's `projectId` gives. */
export function createCall(config: ClientConfig, send: RetryingSend, projectIdFor?: ProjectIdResolver): ReadyCall {
  return async (operation, input, init) => {
    if (projectIdFor && config.projectId === undefined && operation.params.project_id === "path" && input.input.path.project_id === undefined) {
      input.input.path.project_id = await projectIdFor(init?.signal);
    }
    const request = buildRequest(operation, input, config, init);
    const { response, attempts } = await send(request, callPolicy(config, operation, init));
    return Object.assign(readAnswer(operation, response, attempts), { response });
  };
}
