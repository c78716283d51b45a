/**
 * A Response-compatible answer over a body already read into bytes.
 *
 * Why: under Node 20 a web `Response` with a body builds a ReadableStream,
 * and reading it back goes through that stream; on a small JSON answer this
 * costs about as much as the HTTP exchange itself (see BENCHMARKS.md). Here
 * text(), json(), arrayBuffer() and bytes() decode the bytes directly. The
 * members that need a real stream (body, blob(), formData()) build the web
 * Response on first use and from then on everything is answered by it, so
 * a caller sees the same states and errors a Response would give.
 *
 * It is not `instanceof Response`: whoever hands an answer to user code
 * turns it into a real one with `asWebResponse`.
 */

interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
}

const AS_WEB = Symbol("asWebResponse");

type BytesResponse = Response & { [AS_WEB]: () => Response };

const decoder = new TextDecoder();
const EMPTY = new Uint8Array(0);

/** One way of reading a body: from the web Response once there is one, else from the bytes. */
interface Reader<T> {
  fromWeb: (response: Response) => Promise<T>;
  fromBytes: (body: Uint8Array<ArrayBuffer>) => T;
}

const asText: Reader<string> = { fromWeb: (web) => web.text(), fromBytes: (body) => decoder.decode(body) };
const asJson: Reader<unknown> = { fromWeb: (web) => web.json(), fromBytes: (body) => JSON.parse(decoder.decode(body)) };
// Copies: the caller may write to what it gets, and clones share the bytes.
const asArrayBuffer: Reader<ArrayBuffer> = { fromWeb: (web) => web.arrayBuffer(), fromBytes: (body) => body.slice().buffer };
const asBytes: Reader<Uint8Array<ArrayBuffer>> = { fromWeb: (web) => web.bytes(), fromBytes: (body) => body.slice() };

/** `bytes` null means no body at all (204, 304, HEAD), as `new Response(null)`. */
export function bytesResponse(bytes: Uint8Array<ArrayBuffer> | null, answer: Answer): Response {
  // A status a Response refuses fails here, as the Response constructor would.
  if (!(answer.status >= 200 && answer.status <= 599)) return new Response(bytes, answer);
  let consumed = false;
  let web: Response | undefined;

  const toWeb = (): Response => {
    if (web === undefined) {
      web = new Response(bytes, answer);
      // Already read here: the web body must be unusable too. Cancelling marks it so at once.
      if (consumed) void web.body?.cancel();
    }
    return web;
  };

  const read = async <T>(reader: Reader<T>): Promise<T> => {
    if (web !== undefined) return reader.fromWeb(web);
    if (bytes === null) return reader.fromBytes(EMPTY);
    if (consumed) throw new TypeError("Body is unusable: Body has already been read");
    consumed = true;
    return reader.fromBytes(bytes);
  };

  const response: BytesResponse = {
    status: answer.status,
    statusText: answer.statusText,
    ok: answer.status >= 200 && answer.status <= 299,
    headers: answer.headers,
    type: "default",
    url: "",
    redirected: false,
    get body() {
      return bytes === null ? null : toWeb().body;
    },
    get bodyUsed() {
      return web === undefined ? consumed : web.bodyUsed;
    },
    text: () => read(asText),
    json: () => read(asJson),
    arrayBuffer: () => read(asArrayBuffer),
    bytes: () => read(asBytes),
    blob: () => toWeb().blob(),
    formData: () => toWeb().formData(),
    clone: () => {
      if (web !== undefined) return web.clone();
      if (consumed) throw new TypeError("Response.clone: Body has already been consumed.");
      return bytesResponse(bytes, { ...answer, headers: new Headers(answer.headers) });
    },
    [AS_WEB]: toWeb,
  };
  return response;
}

/** A real web Response for an answer: a bytesResponse's own (same body state), anything else as it is. */
export function asWebResponse(response: Response): Response {
  return (response as Partial<BytesResponse>)[AS_WEB]?.() ?? response;
}
