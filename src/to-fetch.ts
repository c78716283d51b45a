import type { Bytes } from "./bytes.ts";
import type { CallContext, Send } from "./http.ts";

/**
 * The init key that carries a call's CallContext through openapi-fetch, which
 * copies unknown init keys onto the Request it builds.
 */
export const CONTEXT_KEY = "hwcloudContext";

/**
 * What openapi-fetch builds with `new Request(url, init)` when given
 * `Request: bridgeRequest`: the parts the layers read, with a text body
 * already in bytes. Building a web Request only to read it back costs a
 * body stream and a follower AbortSignal per call.
 */
export interface BridgeRequest {
  url: string;
  method: string;
  headers: Headers;
  body: Bytes | undefined;
  signal: AbortSignal | undefined;
  [CONTEXT_KEY]?: CallContext;
}

const encoder = new TextEncoder();

/**
 * openapi-fetch's `Request` option. Text and byte bodies (all JSON calls)
 * become a BridgeRequest; any other body (FormData, Blob, streams, ...) gets
 * a real Request, which knows how to encode it. A function, not a class:
 * `new` on a function that returns an object yields that object.
 */
export function bridgeRequest(url: string, init: RequestInit & { [CONTEXT_KEY]?: CallContext }): BridgeRequest | Request {
  const { body } = init;
  const method = init.method ?? "GET";
  const bodyless = body === undefined || body === null;
  if (!bodyless && (typeof body !== "string" || method === "GET" || method === "HEAD")) return new Request(url, init);
  const headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
  // As a Request would: a text body without a content type is text/plain.
  if (typeof body === "string" && !headers.has("content-type")) headers.set("content-type", "text/plain;charset=UTF-8");
  return {
    url,
    method,
    headers,
    body: bodyless ? undefined : encoder.encode(body),
    signal: init.signal ?? undefined,
    [CONTEXT_KEY]: init[CONTEXT_KEY],
  };
}

/**
 * Turns the layer stack into the `fetch` that openapi-fetch calls, with a
 * body in bytes so the layers below can hash and re-send it.
 */
export function toFetch(send: Send): (input: BridgeRequest | Request) => Promise<Response> {
  return async (input) => {
    const context: CallContext = (input as { [CONTEXT_KEY]?: CallContext })[CONTEXT_KEY] ?? { attempts: 0 };
    const body = input instanceof Request ? await bytesOf(input) : input.body;
    return send({
      method: input.method,
      url: new URL(input.url),
      headers: input.headers,
      body,
      signal: input.signal ?? undefined,
      context,
    });
  };
}

async function bytesOf(request: Request): Promise<Uint8Array<ArrayBuffer> | undefined> {
  return request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
}
