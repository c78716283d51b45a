/**
 * The runtime fault test: one call per misbehaving loopback server that
 * run.ts started, all at once, each summed up as the error it ended in. Like
 * smoke.ts it imports only the installed package and web APIs, so every
 * runtime runs the same code; run.ts compares the outcomes with Node's.
 */
import { createClient } from "hwcloud-typed";

export interface FaultScenario {
  name: string;
  origin: string;
  timeout?: number;
  maxResponseBytes?: number;
  maxAttempts?: number;
  /** Abort the call's signal after this many milliseconds. */
  abortAfterMs?: number;
}

export interface FaultsConfig {
  scenarios: FaultScenario[];
  ak: string;
  sk: string;
  securityToken: string;
}

/** What a call ended in: `error` is the error's name, absent when the call succeeded. */
export interface FaultOutcome {
  name: string;
  error?: string;
  status?: number;
  requestSent?: boolean;
  retryable?: boolean;
  attempts?: number;
  ms: number;
  /** The secret key, the security token or a signature appears in the error's message, its enumerable fields or its cause's message. */
  leaked: boolean;
}

export function runFaults(config: FaultsConfig): Promise<FaultOutcome[]> {
  return Promise.all(config.scenarios.map((scenario) => outcomeOf(scenario, config)));
}

async function outcomeOf(scenario: FaultScenario, config: FaultsConfig): Promise<FaultOutcome> {
  const client = createClient({
    credentials: { ak: config.ak, sk: config.sk, securityToken: config.securityToken },
    endpoints: { vpc: scenario.origin },
    projectId: "0605767a3300d5762fb0c0186d1e5c63",
    timeout: scenario.timeout ?? 5000,
    maxResponseBytes: scenario.maxResponseBytes,
    retry: { maxAttempts: scenario.maxAttempts ?? 1, baseDelayMs: 10 },
  });
  const signal = scenario.abortAfterMs === undefined ? undefined : AbortSignal.timeout(scenario.abortAfterMs);
  const started = performance.now();
  try {
    await client.vpc.updateVpcPeering({ peering_id: "a1b2c3", body: { peering: { name: "faults" } } }, { signal });
    return { name: scenario.name, ms: Math.round(performance.now() - started), leaked: false };
  } catch (caught) {
    const ms = Math.round(performance.now() - started);
    const error = caught as Error & Partial<Omit<FaultOutcome, "name" | "ms" | "leaked">>;
    const text = `${error.message} ${safeJson(error)} ${(error.cause as Error | undefined)?.message ?? ""}`;
    return {
      name: scenario.name,
      error: error.name,
      status: error.status,
      requestSent: error.requestSent,
      retryable: error.retryable,
      attempts: error.attempts,
      ms,
      leaked: [config.sk, config.securityToken, "Signature="].some((secret) => text.includes(secret)),
    };
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
