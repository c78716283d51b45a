/** When undici's Agent cannot be loaded, a busy Node client stays on node:http rather than failing its calls. */
import { describe, expect, it, vi } from "vitest";
import { createNodeSend } from "../../src/transport/node.ts";
import { useServers } from "../helpers/use-loopback.ts";
import { requestTo } from "./transport-contract.ts";

vi.mock("../../src/transport/undici.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/transport/undici.ts")>()),
  loadAgent: () => Promise.reject(new Error("Cannot find module 'undici/lib/dispatcher/agent.js'")),
}));

describe("Node transport, undici missing", () => {
  const serve = useServers();

  it.each([
    ["after `undiciAfter` requests", 2],
    ["from the first request (`undiciAfter: 0`)", 0],
  ])("keeps sending on node:http %s", async (_, undiciAfter) => {
    const server = await serve((request, response) => response.end(request.url));
    const send = createNodeSend({ undiciAfter });
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(new TextDecoder().decode((await send(requestTo(`${server.origin}/n/${i}`))).body!));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(answers).toEqual(["/n/0", "/n/1", "/n/2", "/n/3", "/n/4"]);
    expect(server.connections()).toBe(1);
  });
});
