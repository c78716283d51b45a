/**
 * The attempt timeout without a signal: when the caller gives no signal and
 * every layer below the retry layer is marked `enforcesTimeout`, the retry
 * layer hands down `request.timeout` instead of an AbortSignal, and the
 * transport fails the request at its end.
 */
import { describe, expect, it } from "vitest";
import { withSigning } from "../src/auth/aksk.ts";
import { withSkewCorrection } from "../src/auth/skew-correction.ts";
import { createSkewedClock } from "../src/auth/clock-skew.ts";
import { withToken } from "../src/auth/token.ts";
import { TimeoutError } from "../src/errors.ts";
import { enforcingTimeout, type HttpRequest, type HttpResponse, passingTimeout, type Send } from "../src/layers.ts";
import { withRetry } from "../src/retry/loop.ts";
import { DEFAULT_RETRY, type RetryPolicy } from "../src/retry/policy.ts";
import { createNodeSend } from "../src/transport/node.ts";
import type { Handler } from "./helpers/loopback-server.ts";
import { useServers } from "./helpers/use-loopback.ts";

const ok: HttpResponse = { status: 200, statusText: "OK", headers: {}, body: null };
const keys = { ak: "HPUAEXAMPLEAKID0001", sk: "example-secret-key-0001" };

function request(url = "http://127.0.0.1:9/v1/thing"): HttpRequest {
  return { method: "GET", url: new URL(url), headers: {}, operation: "GetThing", maxResponseBytes: 1024 };
}

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY, maxAttempts: 1, attemptTimeoutMs: 200, idempotent: true, random: () => 0.5, sleep: async () => undefined, ...overrides };
}

/** A bottom layer that records what it got and answers 200. */
function recording(marked: boolean): { send: Send; seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  const send = async (request: HttpRequest) => {
    seen.push(request);
    return ok;
  };
  return { send: marked ? enforcingTimeout(send) : send, seen };
}

describe("marks", () => {
  const marked = enforcingTimeout(async () => ok);
  const unmarked: Send = async () => ok;

  it("a layer that waits for nothing of its own is marked as the layer under it is", () => {
    expect(passingTimeout(async () => ok, marked).enforcesTimeout).toBe(true);
    expect(passingTimeout(async () => ok, unmarked).enforcesTimeout).toBeUndefined();
    expect(withToken(marked, "token").enforcesTimeout).toBe(true);
    expect(withSigning(marked, keys).enforcesTimeout).toBe(true);
    expect(withSkewCorrection(marked, createSkewedClock()).enforcesTimeout).toBe(true);
    expect(withToken(unmarked, "token").enforcesTimeout).toBeUndefined();
  });

  it("a token function or a credential provider may wait, so its layer needs the attempt's signal", () => {
    expect(withToken(marked, () => "token").enforcesTimeout).toBeUndefined();
    expect(withSigning(marked, async () => keys).enforcesTimeout).toBeUndefined();
  });

  it("the Node transport is marked", () => {
    expect(createNodeSend().enforcesTimeout).toBe(true);
  });
});

describe("the retry layer over marked layers", () => {
  it("hands down the attempt's end and no signal when the caller gave none", async () => {
    const { send, seen } = recording(true);
    const before = performance.now();
    await withRetry(send)(request(), policy());
    expect(seen[0]?.signal).toBeUndefined();
    expect(seen[0]?.timeout?.endsAt).toBeGreaterThanOrEqual(before + 200);
    expect(seen[0]?.timeout?.endsAt).toBeLessThanOrEqual(performance.now() + 200);
    const error = seen[0]!.timeout!.error();
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe("GetThing attempt 1 timed out after 200 ms");
  });

  it("hands down a signal, as before, when the caller gave one or a layer is unmarked", async () => {
    const marked = recording(true);
    await withRetry(marked.send)({ ...request(), signal: new AbortController().signal }, policy());
    expect(marked.seen[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(marked.seen[0]?.timeout).toBeUndefined();
    const unmarked = recording(false);
    await withRetry(unmarked.send)(request(), policy());
    expect(unmarked.seen[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(unmarked.seen[0]?.timeout).toBeUndefined();
  });
});

describe("the Node transport under request.timeout", () => {
  const start = useServers();

  /** Serves `handler`; `closed` settles when the first request's socket closes. */
  async function serve(handler: Handler): Promise<{ url: string; closed: Promise<void> }> {
    const server = await start(handler);
    return { url: `${server.origin}/v1/thing`, closed: server.waitForRequest(1).then((received) => received.socketClosed) };
  }

  it("fails a request whose answer never comes with the timeout's error at its end, and closes the socket", async () => {
    const { url, closed } = await serve(() => undefined);
    const started = performance.now();
    const error = await createNodeSend()({ ...request(url), timeout: { endsAt: started + 100, error: () => new TimeoutError("late", { operation: "GetThing" }) } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("late");
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    await closed;
  });

  it("cuts a body that drips at the timeout's end", async () => {
    const { url, closed } = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => response.write(" "), 10);
      response.on("close", () => clearInterval(timer));
    });
    const error = await createNodeSend()({ ...request(url), timeout: { endsAt: performance.now() + 100, error: () => new TimeoutError("late", { operation: "GetThing" }) } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    await closed;
  });

  it("sends nothing when the attempt's time is already up", async () => {
    const seen: string[] = [];
    const { url } = await serve((incoming, response) => {
      seen.push(incoming.url);
      response.end();
    });
    const error = await createNodeSend()({ ...request(url), timeout: { endsAt: performance.now() - 1, error: () => new TimeoutError("late", { operation: "GetThing" }) } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(seen).toEqual([]);
  });

  it("answers in time as without a timeout, and its timer never fires afterwards", async () => {
    const { url } = await serve((_, response) => response.end("{}"));
    let fired = 0;
    const response = await createNodeSend()({
      ...request(url),
      timeout: { endsAt: performance.now() + 100, error: () => (fired++, new TimeoutError("late", { operation: "GetThing" })) },
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fired).toBe(0);
  });
});
