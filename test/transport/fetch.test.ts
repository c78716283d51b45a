import { describe, expect, it } from "vitest";
import { ConnectionError, InvalidResponseError, ValidationError } from "../../src/errors.ts";
import { createClient } from "../../src/index.ts";
import { fromFetch } from "../../src/transport/fetch.ts";
import { rejectionOf } from "../helpers/thrown.ts";
import { useServers } from "../helpers/use-loopback.ts";
import { describeTransportContract, requestTo } from "./transport-contract.ts";

describe("fetch transport", () => {
  describeTransportContract({ name: "fetch", createSend: () => fromFetch(globalThis.fetch), clientOptions: { fetch: globalThis.fetch } });

  it("hands the URL, method, headers, body and signal to the fetch it wraps, and asks it not to follow redirects", async () => {
    const calls: [URL | RequestInfo, RequestInit | undefined][] = [];
    const send = fromFetch(async (input, init) => {
      calls.push([input, init]);
      return new Response("ok");
    });
    const signal = new AbortController().signal;
    const request = requestTo("https://vpc.example.test/v1/p?x=1", { method: "PUT", headers: { "x-one": "1" }, body: new Uint8Array([7, 8, 9]), signal });
    expect(new TextDecoder().decode((await send(request)).body!)).toBe("ok");
    const [input, init] = calls[0]!;
    expect(String(input)).toBe("https://vpc.example.test/v1/p?x=1");
    expect(init).toMatchObject({ method: "PUT", headers: { "x-one": "1" }, body: new Uint8Array([7, 8, 9]), signal, redirect: "manual" });
  });

  it("refuses a Host other than the URL's before fetching: fetch sends the URL's own, so a signature over another would be refused", async () => {
    let fetched = 0;
    const send = fromFetch(async () => (fetched++, new Response("ok")));
    const error = await rejectionOf(send(requestTo("https://vpc.example.test/", { headers: { host: "vpc.internal.test" } })));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "header.Host", rule: "not" });
    expect(fetched).toBe(0);
    await send(requestTo("https://vpc.example.test/", { headers: { host: "vpc.example.test" } }));
    expect(fetched).toBe(1);
  });

  it("drops content-encoding from the answer, since fetch hands up the body already decoded", async () => {
    const send = fromFetch(async () => new Response('{"a":1}', { headers: { "content-encoding": "gzip", "content-type": "application/json" } }));
    const response = await send(requestTo("https://vpc.example.test/"));
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.headers["content-type"]).toBe("application/json");
  });

  describe("an answer in a coding the runtime's fetch does not decode", () => {
    const loopback = useServers();
    const ZSTD_FRAME = [0x28, 0xb5, 0x2f, 0xfd];

    it.each([
      ["compress", [0x1f, 0x9d, 0x90, 0x7b, 0x22]],
      ["zstd", [...ZSTD_FRAME, 0x04, 0x00, 0x01, 0x02]],
      ["gzip, compress", [0x1f, 0x9d, 0x90, 0x7b, 0x22]],
    ])("%s: keeps content-encoding, so the client reports the coding rather than JSON garbage", async (coding, bytes) => {
      const server = await loopback((_, response) =>
        response.writeHead(200, { "content-type": "application/json", "content-encoding": coding, "x-request-id": "req-z" }).end(Buffer.from(bytes)),
      );
      const client = createClient({ credentials: { token: "t" }, endpoints: { vpc: server.origin }, fetch: globalThis.fetch, retry: { maxAttempts: 1 } });
      const error = await rejectionOf(client.vpc.updateVpcPeering({ peering_id: "p1", body: { peering: { name: "n" } } }), InvalidResponseError);
      expect(error).toMatchObject({ status: 200, requestId: "req-z", excerpt: "" });
      // Decoded by a runtime that knows zstd, these bytes are corrupt; left alone, they are an encoding nobody asked for.
      expect(error.message).toMatch(new RegExp(`is ${coding}-encoded, which was not asked for|could not be decoded from its ${coding} encoding`));
    });

    it("drops content-encoding only for codings fetch decoded", async () => {
      const answer = (coding: string, body: Uint8Array<ArrayBuffer> | string) => fromFetch(async () => new Response(body, { headers: { "content-encoding": coding } }));
      const headersOf = async (coding: string, body: Uint8Array<ArrayBuffer> | string) => (await answer(coding, body)(requestTo("https://vpc.example.test/"))).headers;
      for (const coding of ["gzip", "x-gzip", "deflate", "br", "GZIP", "gzip, br", "zstd"]) expect((await headersOf(coding, '{"a":1}'))["content-encoding"]).toBeUndefined();
      expect((await headersOf("zstd", new Uint8Array([...ZSTD_FRAME, 1])))["content-encoding"]).toBe("zstd");
      expect((await headersOf("compress", '{"a":1}'))["content-encoding"]).toBe("compress");
      expect((await headersOf("gzip, exi", '{"a":1}'))["content-encoding"]).toBe("gzip, exi");
    });
  });

  it("turns a browser's opaque redirect, which hides its status and Location, into a ConnectionError not worth retrying", async () => {
    const opaque = Object.defineProperties(new Response(null), { type: { value: "opaqueredirect" }, status: { value: 0 } });
    const error = await rejectionOf(fromFetch(async () => opaque)(requestTo("https://vpc.example.test/")));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ retryable: false, operation: "UpdateVpcPeering" });
    expect((error as Error).message).toContain("redirect");
  });

  it("turns a body fetch cannot decode into an InvalidResponseError, not a network failure", async () => {
    const corrupt = new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { "content-encoding": "br", "content-type": "application/json", "x-request-id": "req-9" } });
    const failing = new ReadableStream({ pull: (controller) => controller.error(new TypeError("terminated", { cause: Object.assign(new Error("Decompression failed"), { code: "ERR__ERROR_FORMAT_PADDING_2" }) })) });
    const send = fromFetch(async () => new Response(failing, { status: corrupt.status, headers: corrupt.headers }));
    const error = await rejectionOf(send(requestTo("https://vpc.example.test/")));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-9", contentType: "application/json", excerpt: "" });
    expect((error as Error).message).toContain("br encoding");
  });

  it.each([
    ["Deno", new TypeError("Invalid gzip header")],
    ["Bun", Object.assign(new TypeError('ZlibError fetching "https://vpc.example.test/"'), { code: "ZlibError" })],
  ])("turns %s's failure to decode a gzip body into an InvalidResponseError, not a network failure worth retrying", async (_, failure) => {
    const failing = new ReadableStream({ pull: (controller) => controller.error(failure) });
    const send = fromFetch(async () => new Response(failing, { status: 200, headers: { "content-encoding": "gzip", "content-type": "application/json" } }));
    const error = await rejectionOf(send(requestTo("https://vpc.example.test/")));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("gzip encoding");
  });

  it("takes a bare TypeError while reading a body that came unencoded for the network cut it", async () => {
    const failing = new ReadableStream({ pull: (controller) => controller.error(new TypeError("unexpected end of file")) });
    const send = fromFetch(async () => new Response(failing, { status: 200, headers: { "content-type": "application/json" } }));
    expect(await rejectionOf(send(requestTo("https://vpc.example.test/")))).toMatchObject({ name: "ConnectionError", requestSent: true, retryable: true });
  });

  it("turns a network TypeError of the wrapped fetch into a ConnectionError whose cause is the error naming the failure", async () => {
    const failure = new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }) });
    const error = await rejectionOf(fromFetch(() => Promise.reject(failure))(requestTo("https://vpc.nowhere.test/v1")));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: false, operation: "UpdateVpcPeering" });
    expect((error as Error).cause).toBe(failure.cause);
    expect((error as Error).message).toContain("vpc.nowhere.test");
    expect((error as Error).message).toContain("ENOTFOUND");
  });

  it("passes a ConnectionError from the wrapped fetch through unchanged, and any other error untouched", async () => {
    const typed = new ConnectionError("already typed");
    await expect(fromFetch(() => Promise.reject(typed))(requestTo("https://vpc.example.test/"))).rejects.toBe(typed);
    const bug = new RangeError("a bug in the user's fetch");
    await expect(fromFetch(() => Promise.reject(bug))(requestTo("https://vpc.example.test/"))).rejects.toBe(bug);
  });
});
