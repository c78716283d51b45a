import { describe, expect, it } from "vitest";
import { createNodeSend } from "../../src/transport/node.ts";
import { within } from "../helpers/loopback-server.ts";
import { useServers } from "../helpers/use-loopback.ts";
import { selfSignedCertificate } from "./tls-certificate.ts";
import { describeTransportContract, requestTo } from "./transport-contract.ts";

describe("Node transport", () => {
  describeTransportContract({ name: "node", createSend: () => createNodeSend(), clientOptions: {} });

  const serve = useServers();

  it("trusts a certificate given as `ca`, besides the runtime's roots", async () => {
    const certificate = selfSignedCertificate();
    const server = await serve((_, response) => response.end("trusted"), { tls: certificate });
    const response = await createNodeSend({ ca: certificate.cert })(requestTo(server.origin));
    expect(new TextDecoder().decode(response.body!)).toBe("trusted");
  });

  it("opens no more than maxSockets connections to one origin", async () => {
    const server = await serve((_, response) => setTimeout(() => response.end("ok"), 20));
    const send = createNodeSend({ maxSockets: 2 });
    await Promise.all(Array.from({ length: 6 }, () => send(requestTo(server.origin))));
    expect(server.received).toHaveLength(6);
    expect(server.connections()).toBe(2);
  });

  it("sends the URL's Host, or the request's own instead when it names one", async () => {
    const server = await serve((_, response) => response.end());
    const send = createNodeSend();
    await send(requestTo(server.origin));
    // Node's server keeps the first of repeated Host headers: a second one, after the URL's, would not show.
    await send(requestTo(server.origin, { headers: { host: "vpc.example.com" } }));
    expect(server.received.map((received) => received.headers.host)).toEqual([new URL(server.origin).host, "vpc.example.com"]);
  });

  it("closes an idle socket by the server's Keep-Alive timeout less a second, before the server does", async () => {
    const server = await serve((_, response) => response.end("ok"), { keepAliveTimeout: 2000 });
    await createNodeSend()(requestTo(server.origin));
    const answeredAt = Date.now();
    await within(server.received[0]!.socketClosed, 1900, "the socket closing before the server's 2 s");
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(900);
  });

  it("lets an exchange stay quiet for longer than an idle socket is kept (4 s): the answer still arrives", async () => {
    const server = await serve((_, response) => setTimeout(() => response.end("late"), 4300));
    const response = await createNodeSend()(requestTo(server.origin, { timeout: { endsAt: performance.now() + 10_000, error: () => new Error("timed out") } }));
    expect(new TextDecoder().decode(response.body!)).toBe("late");
  }, 10_000);

  it("asks for no content encoding, so an encoded answer is one nobody asked for", async () => {
    const server = await serve((_, response) => response.end());
    await createNodeSend()(requestTo(server.origin));
    expect(server.received[0]?.headers["accept-encoding"]).toBeUndefined();
  });
});

describe("Node transport, once busy", () => {
  const serve = useServers();

  it("moves to undici's dispatcher after `undiciAfter` requests, off node:http's socket, answering alike", async () => {
    const server = await serve((request, response) => response.end(`${request.method} ${request.url}`));
    const send = createNodeSend({ undiciAfter: 3 });
    const sent = async (i: number) => new TextDecoder().decode((await send(requestTo(`${server.origin}/n/${i}`))).body!);
    const answers = [await sent(0), await sent(1), await sent(2)];
    await new Promise((resolve) => setTimeout(resolve, 200));
    answers.push(await sent(3), await sent(4), await sent(5));
    expect(answers).toEqual([0, 1, 2, 3, 4, 5].map((i) => `GET /n/${i}`));
    const ports = server.received.map((request) => request.socket.remotePort);
    expect(new Set(ports.slice(0, 3)).size).toBe(1);
    for (const port of ports.slice(3)) expect(port).not.toBe(ports[0]);
  });

  it("keeps node:http when `undiciAfter` is Infinity", async () => {
    const server = await serve((_, response) => response.end("ok"));
    const send = createNodeSend({ undiciAfter: Infinity });
    for (let i = 0; i < 5; i++) await send(requestTo(server.origin));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await send(requestTo(server.origin));
    expect(server.connections()).toBe(1);
  });
});
