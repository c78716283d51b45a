import { describe, expect, it } from "vitest";
import { ConnectionError } from "../../src/errors.ts";
import { fromFetch } from "../../src/transport/fetch.ts";
import { within } from "./loopback-server.ts";
import { describeTransportContract, requestTo, useServer } from "./transport-contract.ts";

describe("fetch transport", () => {
  describeTransportContract(() => fromFetch(globalThis.fetch));

  const serve = useServer();

  it("hands the URL, method, headers, body and signal to the fetch it wraps", async () => {
    const calls: [URL | RequestInfo, RequestInit | undefined][] = [];
    const send = fromFetch(async (input, init) => {
      calls.push([input, init]);
      return new Response("ok");
    });
    const request = requestTo("https://vpc.example.test/v1/p?x=1", {
      method: "PUT",
      headers: new Headers({ "x-one": "1" }),
      body: new Uint8Array([7, 8, 9]),
      signal: new AbortController().signal,
    });
    expect(await (await send(request)).text()).toBe("ok");
    const [input, init] = calls[0]!;
    expect(String(input)).toBe("https://vpc.example.test/v1/p?x=1");
    expect(init?.method).toBe("PUT");
    expect(new Headers(init?.headers).get("x-one")).toBe("1");
    expect(init?.body).toEqual(new Uint8Array([7, 8, 9]));
    expect(init?.signal).toBe(request.signal);
  });

  it("turns any rejection of the wrapped fetch into a ConnectionError with that cause", async () => {
    const failure = new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }) });
    const send = fromFetch(() => Promise.reject(failure));
    const error = await send(requestTo("https://vpc.nowhere.test/v1")).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(failure);
    expect((error as ConnectionError).message).toContain("vpc.nowhere.test");
    expect((error as ConnectionError).message).toContain("ENOTFOUND");
    expect((error as ConnectionError).operation).toBe("UpdateVpcPeering");
  });

  it("passes a ConnectionError from the wrapped fetch through unchanged", async () => {
    const failure = new ConnectionError("already typed");
    const send = fromFetch(() => Promise.reject(failure));
    await expect(send(requestTo("https://vpc.example.test/"))).rejects.toBe(failure);
  });

  // fetch answers as soon as the head arrives; what happens to the body after that shows when it is read.
  it("answers at the head, and an abort mid-body fails the body read and closes the socket", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-length": "1000" });
      response.write("partial");
    });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const response = await fromFetch(globalThis.fetch)(requestTo(server.origin, { signal: controller.signal }));
    const received = server.received[0]!;
    controller.abort(reason);
    // Node 20's fetch fails the read with its own AbortError, not the signal's reason.
    await expect(response.arrayBuffer()).rejects.toThrow();
    await within(received.socketClosed, 5000, "the socket closing");
  });

  it("answers at the head, and a reset mid-body fails the body read, not the call", async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { "content-length": "1000" });
      response.write("partial", () => setTimeout(() => request.socket.destroy(), 20));
    });
    const response = await fromFetch(globalThis.fetch)(requestTo(server.origin));
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });
});
