/**
 * Requests on an undici dispatcher through its low-level `dispatch` handler
 * API: no streams, no Headers object, no promise per chunk. A busy Node
 * client switches to it (see node.ts), and the proxy path runs on it. Only
 * the dispatcher modules it needs are loaded, and only when first needed:
 * undici's index costs about 100 ms and 20 MB to load, its Agent 25-40 ms.
 * The Agent's module path is undici's own layout, not a documented entry:
 * package.json keeps undici to one minor version, and a failed load keeps
 * the client on node:http (node.ts).
 */
import type { Dispatcher } from "undici";
import { enforcingTimeout, type HttpRequest, type HttpResponse, responseTooLarge, type Send } from "../layers.ts";
import { boundedExchange } from "./bounded-exchange.ts";
import { toConnectionError } from "./network-error.ts";
import { announcesTooLarge, answerBody, hasNoBody, joinRawHeaders } from "./node-answer.ts";

/** A transport on `dispatcher`, bounding each request by its signal and its `timeout`. */
export function createDispatchSend(dispatcher: Dispatcher): Send {
  return enforcingTimeout((request) => exchange(dispatcher, request));
}

/** undici's plain Agent (one pool per origin, keep-alive), its module loaded on first use. */
export async function loadAgent(options: { connect?: { ca?: string[] }; connections?: number }): Promise<Dispatcher> {
  // @ts-expect-error -- undici ships no types for its internal module paths; the class is the documented Agent.
  const { default: Agent } = (await import("undici/lib/dispatcher/agent.js")) as { default: typeof import("undici").Agent };
  return new Agent({ connections: options.connections ?? null, ...(options.connect ? { connect: options.connect } : {}) });
}

function exchange(dispatcher: Dispatcher, request: HttpRequest): Promise<HttpResponse> {
  return boundedExchange(request, (ending) => {
    const { url } = request;
    let abortExchange: ((reason: Error) => void) | undefined;
    let status = 0;
    let statusText = "";
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => ending.stop(responseTooLarge(request, status));
    dispatcher.dispatch(
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body: request.body,
      },
      {
        onConnect(abort) {
          abortExchange = abort;
          if (ending.ended()) abort(new Error("the call already ended"));
        },
        onHeaders(statusCode, rawHeaders, _resume, message) {
          // An informational answer (103 Early Hints): the final one follows.
          if (statusCode < 200) return true;
          status = statusCode;
          statusText = message;
          headers = joinRawHeaders(rawHeaders);
          if (hasNoBody(status, request.method)) {
            ending.answer({ status, statusText, headers, body: null });
            return true;
          }
          if (announcesTooLarge(request, headers["content-length"])) tooLarge();
          return !ending.ended();
        },
        onData(chunk) {
          size += chunk.length;
          if (size > request.maxResponseBytes) {
            tooLarge();
            return false;
          }
          chunks.push(chunk);
          return true;
        },
        onComplete() {
          ending.answer({ status, statusText, headers, body: answerBody(chunks, size) });
        },
        onError(error) {
          ending.fail(toConnectionError(error, request) ?? error);
        },
      } as Dispatcher.DispatchHandler,
    );
    return (reason) => abortExchange?.(reason);
  });
}
