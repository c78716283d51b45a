/**
 * The client-level fault cases of issue 12 (test/faults.test.ts) once the
 * Node transport has moved to undici's dispatcher: the same calls, the same
 * misbehaving servers, with every client's transport on undici from its
 * first request (`undiciAfter: 0`), since a real client moves after 64.
 * Retry safety rests on how each transport's failures are classified, so
 * this is where a difference between the two would show.
 */
import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { createNodeSend, type NodeTransportOptions } from "../src/transport/node.ts";
import { clientOver, describeClientFaults, peering, type TransportUnderTest } from "./transport/transport-contract.ts";

vi.mock("../src/transport/node.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/transport/node.ts")>();
  const onUndici = (options: NodeTransportOptions = {}) => original.createNodeSend({ ...options, undiciAfter: 0 });
  return { ...original, createNodeSend: onUndici, createDefaultSend: onUndici };
});

const node: TransportUnderTest = { name: "Node on undici", createSend: () => createNodeSend(), clientOptions: {} };

describe("faults over the Node transport once on undici", () => describeClientFaults(node));

describe("the transport under these cases", () => {
  it("is undici's from the first request: it writes `connection: keep-alive` in lower case, where node:http writes `Connection`", async () => {
    const body = '{"peering":{"id":"p-1"}}';
    let head = "";
    const server = createServer((socket) => {
      socket.once("data", (chunk) => {
        head = chunk.toString("latin1");
        socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await clientOver(node, `http://127.0.0.1:${(server.address() as AddressInfo).port}`).vpc.updateVpcPeering(peering);
    } finally {
      server.close();
    }
    expect(head).toMatch(/\r\nconnection: keep-alive\r\n/);
  });
});
