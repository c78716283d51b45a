import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../src/errors.ts";
import { createUndiciSend, defaultSend } from "../../src/transport/undici.ts";
import { within } from "./loopback-server.ts";
import { describeTransportContract, requestTo, useServer } from "./transport-contract.ts";

describe("undici transport", () => {
  describeTransportContract(() => createUndiciSend());

  const serve = useServer();

  it("is what #transport resolves to under Node", async () => {
    const resolved = await import("#transport");
    expect(resolved.defaultSend).toBe(defaultSend);
  });

  it("is what Node itself resolves #transport to: the source under the source condition, the build otherwise", () => {
    const resolve = (...flags: string[]) =>
      execFileSync(process.execPath, [...flags, "--input-type=module", "-e", 'process.stdout.write(import.meta.resolve("#transport"))'], {
        encoding: "utf8",
      });
    expect(resolve("--conditions=hwcloud-typed:source")).toMatch(/\/src\/transport\/undici\.ts$/);
    expect(resolve()).toMatch(/\/dist\/src\/transport\/undici\.js$/);
  });

  it("rejects with the signal's reason when aborted mid-body, and closes the socket", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-length": "1000" });
      response.write("partial");
    });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const call = createUndiciSend()(requestTo(server.origin, { signal: controller.signal }));
    const received = await within(server.nextRequest(), 5000, "the request reaching the server");
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await within(received.socketClosed, 5000, "the socket closing");
  });

  it("turns a connection reset mid-body into a ConnectionError", async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { "content-length": "1000" });
      response.write("partial", () => setTimeout(() => request.socket.destroy(), 20));
    });
    const error = await createUndiciSend()(requestTo(server.origin)).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeDefined();
    expect((error as ConnectionError).message).toContain(server.host);
  });

  it("turns a body shorter than its content-length into a ConnectionError", async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { "content-length": "1000" });
      response.end("short", () => request.socket.end());
    });
    await expect(createUndiciSend()(requestTo(server.origin))).rejects.toBeInstanceOf(ConnectionError);
  });

  it("reports its own headers timeout as a TimeoutError, a kind of ConnectionError", async () => {
    const server = await serve(() => {});
    const send = createUndiciSend({ headersTimeout: 100 });
    const error = await send(requestTo(server.origin)).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as TimeoutError).message).toContain(server.host);
    expect((error as TimeoutError).operation).toBe("UpdateVpcPeering");
  });

  it("reports its own body timeout as a TimeoutError", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write("slow");
    });
    const send = createUndiciSend({ bodyTimeout: 100 });
    await expect(send(requestTo(server.origin))).rejects.toBeInstanceOf(TimeoutError);
  });

  it("passes a caller mistake through instead of calling it a connection failure", async () => {
    const server = await serve((_, response) => response.end());
    const error = await createUndiciSend()(requestTo(server.origin, { method: "CONNECT" })).catch((failure: unknown) => failure);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error as { code?: string }).code).toBe("UND_ERR_INVALID_ARG");
    expect(server.received).toHaveLength(0);
  });

  it("keeps separate connection pools for separate instances", async () => {
    const server = await serve((_, response) => response.end());
    await (await createUndiciSend()(requestTo(server.origin))).text();
    await (await createUndiciSend()(requestTo(server.origin))).text();
    expect(server.connections()).toBe(2);
  });
});
