/**
 * Issue 12, "safe under faults": one test per case, named by the issue's
 * "must show" number. Everything goes through the public createClient
 * against loopback servers these tests start. The cases that depend on the
 * transport (1, 2, 4, 5, 6) run over both the Node transport and
 * `createClient({ fetch })`; item 10 (the mock cloud) lives in test/mock.
 */
import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AbortError, createClient, TimeoutError, ValidationError } from "../src/index.ts";
import { createNodeSend } from "../src/transport/node.ts";
import { fromFetch } from "../src/transport/fetch.ts";
import { within } from "./helpers/loopback-server.ts";
import { rejectionOf } from "./helpers/thrown.ts";
import { useServers } from "./helpers/use-loopback.ts";
import {
  clientOver,
  describeClientFaults,
  peering,
  TOKEN,
  type TransportUnderTest,
} from "./transport/transport-contract.ts";

const transports: TransportUnderTest[] = [
  { name: "Node", createSend: () => createNodeSend(), clientOptions: {} },
  { name: "fetch", createSend: () => fromFetch(globalThis.fetch), clientOptions: { fetch: globalThis.fetch } },
];
const node = transports[0]!;

/** A fetch that never answers and never looks at its signal. */
const deafFetch: typeof fetch = () => new Promise<Response>(() => {});

/** A fetch that answers `status` at once, with no body. */
const answering = (status: number): typeof fetch => async () => new Response(null, { status });

/** The call's rejection, failing fast (not at the test timeout) if the call hangs. */
const endingOf = (call: Promise<unknown>) => rejectionOf(within(call, 3000, "the call ending"));

/** Resolves once `condition` holds, checking every few milliseconds. */
async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The MaxListenersExceededWarnings the process emits while a test runs. */
function useListenerWarnings(): Error[] {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === "MaxListenersExceededWarning") warnings.push(warning);
  };
  beforeEach(() => {
    warnings.length = 0;
    // First in line: the suite's setup throws on any warning, which would stop the others hearing it.
    process.prependListener("warning", onWarning);
  });
  afterEach(() => {
    process.off("warning", onWarning);
  });
  return warnings;
}

/** Warnings are emitted on a later tick than the listener that caused them. */
const warningsFlushed = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("issue 12: safe under faults", () => {
  for (const transport of transports) {
    describe(`over the ${transport.name} transport`, () => describeClientFaults(transport));
  }

  const serve = useServers();

  describe("3. every call ends", () => {
    const neverSettles = (signals: AbortSignal[]) => (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>(() => {});
    };

    it("a token function that never settles is cut at each attempt's timeout, and is handed a signal that fires", async () => {
      const server = await serve((_, response) => response.end("{}"));
      const signals: AbortSignal[] = [];
      const client = clientOver(node, server.origin, { credentials: { token: neverSettles(signals) }, timeout: 100, retry: { maxAttempts: 2 } });
      const started = Date.now();
      const error = await endingOf(client.vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ attempts: 2 });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(signals).toHaveLength(2);
      expect(signals.every((signal) => signal.aborted)).toBe(true);
      expect(server.received).toHaveLength(0);
    });

    it("a token function that never settles is cut at the call's deadline", async () => {
      const signals: AbortSignal[] = [];
      const client = clientOver(node, "http://127.0.0.1:9", { credentials: { token: neverSettles(signals) }, retry: { deadlineMs: 150 } });
      const error = await endingOf(client.vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as Error).message).toContain("150 ms deadline");
      expect(signals[0]?.aborted).toBe(true);
    });

    it("a token function that never settles is cut when the caller aborts", async () => {
      const signals: AbortSignal[] = [];
      const client = clientOver(node, "http://127.0.0.1:9", { credentials: { token: neverSettles(signals) } });
      const controller = new AbortController();
      const call = client.vpc.updateVpcPeering(peering, { signal: controller.signal });
      await until(() => signals.length === 1, "the token function being asked");
      controller.abort(new Error("caller gave up"));
      const error = await endingOf(call);
      expect(error).toBeInstanceOf(AbortError);
      expect((error as AbortError).cause).toEqual(new Error("caller gave up"));
      expect(signals[0]?.aborted).toBe(true);
    });

    it("a fetch that ignores its signal is cut at each attempt's timeout", async () => {
      const client = clientOver(node, "http://127.0.0.1:9", { fetch: deafFetch, timeout: 100, retry: { maxAttempts: 2 } });
      const started = Date.now();
      const error = await endingOf(client.vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ attempts: 2 });
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it("a fetch that ignores its signal is cut at the call's deadline", async () => {
      const client = clientOver(node, "http://127.0.0.1:9", { fetch: deafFetch, retry: { deadlineMs: 150 } });
      const error = await endingOf(client.vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as Error).message).toContain("150 ms deadline");
    });

    it("a fetch that ignores its signal is cut when the caller aborts", async () => {
      const client = clientOver(node, "http://127.0.0.1:9", { fetch: deafFetch });
      const error = await endingOf(client.vpc.updateVpcPeering(peering, { signal: AbortSignal.timeout(100) }));
      expect(error).toBeInstanceOf(AbortError);
    });
  });

  describe("4. every failure is typed: a body that cannot be serialized", () => {
    const circular: Record<string, unknown> = { peering: { name: "loop" } };
    circular.self = circular;

    it.each([
      ["a circular body", circular],
      ["a BigInt in the body", { peering: { name: "big", size: 10n } }],
    ])("%s is a ValidationError naming `body`, even with validate: false, and nothing is sent", async (_, body) => {
      const server = await serve((__, response) => response.end("{}"));
      const client = clientOver(node, server.origin, { validate: false });
      const error = await rejectionOf(client.vpc.updateVpcPeering({ peering_id: "p-1", body } as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "body", rule: "json" });
      expect(server.received).toHaveLength(0);
    });
  });

  describe("7. endpoint URLs with user info", () => {
    it.each(["http://admin:hunter2-pw@127.0.0.1:8080", "https://admin@vpc.example.test", "https://:hunter2-pw@vpc.example.test"])(
      "%s is refused by createClient with a ValidationError that quotes no part of it",
      (url) => {
        let thrown: unknown;
        try {
          createClient({ credentials: { token: TOKEN }, endpoints: { vpc: url } });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ValidationError);
        expect(thrown).toMatchObject({ field: "endpoints.vpc" });
        const shown = `${String(thrown)} ${inspect(thrown, { depth: 10 })} ${JSON.stringify(thrown)}`;
        for (const part of ["hunter2-pw", "admin", "vpc.example.test", "127.0.0.1:8080"]) expect(shown).not.toContain(part);
      },
    );
  });

  describe("8. one AbortSignal shared by 1,000 calls", () => {
    const warnings = useListenerWarnings();

    it("1,000 calls in flight: one listener on the caller's signal, no warning, and all end in AbortError on abort, leaving none", async () => {
      let started = 0;
      const listening: typeof fetch = (_, init) =>
        new Promise((__, reject) => {
          started++;
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
        });
      const client = clientOver(node, "http://127.0.0.1:9", { fetch: listening });
      const controller = new AbortController();
      const calls = Array.from({ length: 1000 }, () => client.vpc.updateVpcPeering(peering, { signal: controller.signal }).catch((error: unknown) => error));
      await until(() => started === 1000, "1,000 attempts starting");
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort();
      const errors = await Promise.all(calls);
      expect(errors.every((error) => error instanceof AbortError)).toBe(true);
      await warningsFlushed();
      expect(warnings).toEqual([]);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    });

    it("1,000 calls of 20 clients waiting between attempts: one listener on the caller's signal, no warning, and all end in AbortError on abort, leaving none", async () => {
      const waiting = new Set<string>();
      // A client's retry budget pays for 100 retries; twenty clients pay for the thousand.
      const clients = Array.from({ length: 20 }, () =>
        clientOver(node, "http://127.0.0.1:9", {
          fetch: answering(503),
          retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 10, onRetry: (event) => void waiting.add(event.requestId) },
        }),
      );
      const controller = new AbortController();
      const calls = clients.flatMap((client) =>
        Array.from({ length: 50 }, () => client.vpc.updateVpcPeering(peering, { signal: controller.signal }).catch((error: unknown) => error)),
      );
      await until(() => waiting.size === 1000, "1,000 calls waiting to retry");
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      const abortedAt = Date.now();
      controller.abort();
      const errors = await Promise.all(calls);
      expect(Date.now() - abortedAt).toBeLessThan(1000);
      expect(errors.every((error) => error instanceof AbortError)).toBe(true);
      await warningsFlushed();
      expect(warnings).toEqual([]);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    });

    it("calls that end without an abort leave no listener on the signal", async () => {
      const server = await serve((_, response) => response.end('{"peering":{}}'));
      const controller = new AbortController();
      const client = clientOver(node, server.origin);
      await Promise.all(Array.from({ length: 50 }, () => client.vpc.updateVpcPeering(peering, { signal: controller.signal })));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      expect(controller.signal.aborted).toBe(false);
    });
  });

  describe("9. empty path values are refused before I/O, even with validate: false", () => {
    it.each(["", ".", ".."])("peering_id %j is a ValidationError naming path.peering_id, and nothing is sent", async (value) => {
      const server = await serve((_, response) => response.end("{}"));
      const client = clientOver(node, server.origin, { validate: false });
      const error = await rejectionOf(client.vpc.updateVpcPeering({ ...peering, peering_id: value }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "path.peering_id" });
      expect(server.received).toHaveLength(0);
    });
  });
});
