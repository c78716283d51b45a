import { describe, expect, it } from "vitest";
import type { Send } from "../../src/layers.ts";
import { createDispatchSend, loadAgent } from "../../src/transport/undici.ts";
import { useServers } from "../helpers/use-loopback.ts";
import { selfSignedCertificate } from "./tls-certificate.ts";
import { describeTransportContract, requestTo } from "./transport-contract.ts";

/** A dispatch transport on a fresh Agent, loaded on its first request as node.ts loads it. */
function dispatchSend(options: Parameters<typeof loadAgent>[0] = {}): Send {
  const send = loadAgent(options).then(createDispatchSend);
  return Object.assign(async (request: Parameters<Send>[0]) => (await send)(request), { enforcesTimeout: true });
}

describe("undici dispatch transport", () => {
  describeTransportContract({ name: "undici", createSend: () => dispatchSend(), clientOptions: {} });

  const serve = useServers();

  it("trusts a certificate given as `connect.ca`", async () => {
    const certificate = selfSignedCertificate();
    const server = await serve((_, response) => response.end("trusted"), { tls: certificate });
    const response = await dispatchSend({ connect: { ca: [certificate.cert] } })(requestTo(server.origin));
    expect(new TextDecoder().decode(response.body!)).toBe("trusted");
  });

  it("opens no more than `connections` connections to one origin", async () => {
    const server = await serve((_, response) => setTimeout(() => response.end("ok"), 20));
    const send = dispatchSend({ connections: 2 });
    await Promise.all(Array.from({ length: 6 }, () => send(requestTo(server.origin))));
    expect(server.received).toHaveLength(6);
    expect(server.connections()).toBe(2);
  });

  it("sends the URL's Host, or the request's own instead when it names one", async () => {
    const server = await serve((_, response) => response.end());
    const send = dispatchSend();
    await send(requestTo(server.origin));
    await send(requestTo(server.origin, { headers: { host: "vpc.example.com" } }));
    expect(server.received.map((received) => received.headers.host)).toEqual([new URL(server.origin).host, "vpc.example.com"]);
  });
});
