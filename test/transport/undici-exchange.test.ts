/**
 * The undici transport drives undici's dispatch() itself rather than
 * request(); these are the parts of request()'s behaviour it has to keep.
 */
import { describe, expect, it } from "vitest";
import { createUndiciSend } from "../../src/transport/undici.ts";
import { requestTo, useServer } from "./transport-contract.ts";

/** An AbortSignal that counts the abort listeners added to it and still attached. */
function countedSignal() {
  const controller = new AbortController();
  const { signal } = controller;
  let attached = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    if (type === "abort") attached++;
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListener, options?: EventListenerOptions) => {
    if (type === "abort") attached--;
    remove(type, listener, options);
  }) as typeof signal.removeEventListener;
  return { controller, signal, attached: () => attached };
}

describe("undici transport exchange", () => {
  const serve = useServer();

  it("lets go of the caller's signal once the answer is in", async () => {
    const server = await serve((_, response) => response.end("{}"));
    const counted = countedSignal();
    const send = createUndiciSend();
    for (let i = 0; i < 3; i++) await (await send(requestTo(server.origin, { signal: counted.signal }))).text();
    expect(counted.attached()).toBe(0);
  });

  it("lets go of the caller's signal when the exchange fails", async () => {
    const server = await serve((request) => request.socket.destroy());
    const counted = countedSignal();
    await expect(createUndiciSend()(requestTo(server.origin, { signal: counted.signal }))).rejects.toBeDefined();
    expect(counted.attached()).toBe(0);
  });

  it("aborts before the answer starts, with the signal's reason", async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const call = createUndiciSend()(requestTo(server.origin, { signal: controller.signal }));
    await server.nextRequest();
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  it("skips informational answers and returns the final one", async () => {
    const server = await serve((_, response) => {
      response.writeEarlyHints({ link: "</style.css>; rel=preload" });
      response.writeHead(201, "Made", { "x-final": "yes" });
      response.end("done");
    });
    const answer = await createUndiciSend()(requestTo(server.origin));
    expect([answer.status, answer.statusText, answer.headers.get("x-final")]).toEqual([201, "Made", "yes"]);
    expect(await answer.text()).toBe("done");
  });

  it("gathers a body sent in many chunks into one", async () => {
    const parts = Array.from({ length: 50 }, (_, i) => `part-${i};`);
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      for (const part of parts) response.write(part);
      response.end();
    });
    const answer = await createUndiciSend()(requestTo(server.origin));
    expect(await answer.text()).toBe(parts.join(""));
  });
});
