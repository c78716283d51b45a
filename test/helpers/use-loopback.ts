/** Loopback servers for vitest: started inside a test file, closed by its hooks. */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type Endpoints, services } from "../../src/index.ts";
import { type Handler, type LoopbackServer, type ScriptedServer, type ServerOptions, startScriptedServer, startServer } from "./loopback-server.ts";

/** Starts servers for one test; each is closed after it. */
export function useServers(): (handler: Handler, options?: ServerOptions) => Promise<LoopbackServer> {
  const servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handler, options) => {
    const server = await startServer(handler, options);
    servers.push(server);
    return server;
  };
}

export interface LoopbackCloud {
  server: ScriptedServer;
  /** Every service pointed at the one loopback server. */
  endpoints: Endpoints;
}

/**
 * A scripted loopback server for a whole test file, its log cleared and its
 * answer reset to an empty JSON 200 before each test. Fields are filled once
 * the server is up, so read them inside tests.
 */
export function useLoopbackCloud(): LoopbackCloud {
  const cloud = {} as LoopbackCloud;
  beforeAll(async () => {
    cloud.server = await startScriptedServer();
    const { origin } = cloud.server;
    cloud.endpoints = Object.fromEntries(Object.keys(services).map((service) => [service, origin])) as Endpoints;
  });
  afterAll(() => cloud.server.close());
  beforeEach(() => {
    cloud.server.received.length = 0;
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
  });
  return cloud;
}
