/**
 * Turns an answer into what the caller gets: the declared body of a 2xx, or
 * the typed error of anything else, whatever the body held.
 */
import { createHuaweiCloudError, excerptOf, type HwcloudTypedError, InvalidResponseError } from "./errors.ts";
import type { HttpResponse } from "./layers.ts";
import type { OperationDescriptor } from "./operation.ts";

export type Answer = { data: unknown; error?: undefined } | { data?: undefined; error: HwcloudTypedError };

const decoder = new TextDecoder();

export function readAnswer(operation: Pick<OperationDescriptor, "id" | "success">, response: HttpResponse, attempts: number): Answer {
  const { status, headers } = response;
  const empty = response.body === null || response.body.length === 0;
  const encoding = headers["content-encoding"];
  // Bytes in a coding nobody asked for (Node's transports ask for none) are not text; codings are case-insensitive.
  const encoded = !empty && encoding !== undefined && encoding.toLowerCase() !== "identity";
  const text = empty || encoded ? "" : decoder.decode(response.body!);
  const invalid = (reason: string, cause?: unknown): Answer => ({
    error: new InvalidResponseError(reason, {
      status,
      operation: operation.id,
      attempts,
      requestId: headers["x-request-id"],
      contentType: headers["content-type"],
      excerpt: excerptOf(text),
      cause,
    }),
  });
  if (!(status >= 200 && status <= 599)) return invalid("has a status HTTP does not define for a final answer");
  if (status > 299) {
    return {
      error: createHuaweiCloudError({
        status,
        operation: operation.id,
        attempts,
        requestId: headers["x-request-id"],
        headers,
        body: parseOrText(text),
      }),
    };
  }
  const declared = operation.success[status];
  if (declared === "empty" || (declared === undefined && empty)) return { data: undefined };
  if (encoded) return invalid(`is ${encoding}-encoded, which was not asked for`);
  if (text === "") return invalid("has no body, though the spec declares one");
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    return invalid("is not JSON", error);
  }
}

/** An error body as JSON when it is, else its text. */
export function parseOrText(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
