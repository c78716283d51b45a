/** The first request through a proxy waits for undici to load; that wait is bounded like the exchange. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { TimeoutError } from "../../src/errors.ts";
import { rejectionOf } from "../helpers/thrown.ts";
import { requestTo } from "./transport-contract.ts";

const LOAD_MS = 500;

// undici as if it took half a second to load.
vi.mock("undici", async (importOriginal) => {
  await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
  return importOriginal();
});

/** A proxy transport of a fresh module graph, so undici's (slow) load happens again. */
async function proxySend() {
  const { createProxySend } = await import("../../src/transport/proxy.ts");
  return createProxySend({ proxy: "http://127.0.0.1:9" });
}

describe("proxy transport, while undici loads", () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it("ends the first request at its timeout, not when loading ends", async () => {
    const send = await proxySend();
    const started = performance.now();
    const error = await rejectionOf(
      send(requestTo("http://vpc.example.test/", { timeout: { endsAt: performance.now() + 50, error: () => new TimeoutError("attempt timed out") } })),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(LOAD_MS - 100);
  });

  it("ends it when the caller aborts", async () => {
    const send = await proxySend();
    const started = performance.now();
    const controller = new AbortController();
    const pending = rejectionOf(send(requestTo("http://vpc.example.test/", { signal: controller.signal })));
    setTimeout(() => controller.abort(new Error("caller gave up")), 20);
    expect(await pending).toMatchObject({ message: "caller gave up" });
    expect(performance.now() - started).toBeLessThan(LOAD_MS - 100);
  });
});
