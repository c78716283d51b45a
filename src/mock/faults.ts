import type { OperationId } from "../../generated/operations.ts";
import { checkFaultEffect } from "./options.ts";

/** What an injected fault does to one request. */
export interface FaultEffect {
  /** Answer with this status and a Huawei-shaped error body instead of serving the request. */
  status?: number;
  /** Retry-After header of that answer: seconds, or an HTTP date. */
  retryAfter?: number | string;
  /** Drop the connection without answering, as a crashed proxy would. */
  reset?: boolean;
  /** Wait this long first; with neither `status` nor `reset`, the request is then served normally. */
  delayMs?: number;
}

/**
 * One fault rule. Rules are tried in order; the first that matches and fires
 * decides. A rule with no effect given answers 503.
 */
export interface FaultRule extends FaultEffect {
  /** Only requests of these operations; every operation when absent. */
  operation?: OperationId | readonly OperationId[];
  /** Fires for this many requests, then is spent; without limit when absent. */
  times?: number;
  /** Chance in [0, 1] that a matching request is hit, drawn from a seeded PRNG; 1 when absent. */
  rate?: number;
  /** Seed of this rule's PRNG; derived from the mock's `seed` when absent. */
  seed?: number;
}

/** A request as fault rules and functions see it. */
export interface FaultRequest {
  operation: OperationId;
  method: string;
  /** Path and query as received. */
  path: string;
  /** 0-based count of the requests that reached fault injection before this one. */
  index: number;
}

export type FaultFunction = (request: FaultRequest) => FaultEffect | undefined;

export type Faults = readonly FaultRule[] | FaultFunction;

/** Picks the fault of each request, if any; holds the rules' counters and PRNGs. */
export type FaultInjector = (request: Omit<FaultRequest, "index">) => FaultEffect | undefined;

export const DEFAULT_SEED = 1;

const DEFAULT_STATUS = 503;

export function createFaultInjector(faults: Faults | undefined, seed: number = DEFAULT_SEED): FaultInjector {
  if (typeof faults === "function") {
    let index = 0;
    return (request) => {
      const effect = faults({ ...request, index: index++ });
      // Checked on every request, as it is made then: a bad one is the mock's 500 naming the field, not a dropped connection.
      checkFaultEffect(effect);
      return effect;
    };
  }
  const rules = (faults ?? []).map((rule, position) => ({
    rule,
    fired: 0,
    // Distinct streams per rule, so adding a rule does not shift another's draws.
    random: mulberry32(rule.seed ?? seed + Math.imul(position + 1, 0x9e3779b9)),
  }));
  return (request) => {
    for (const state of rules) {
      const { rule } = state;
      if (!appliesTo(rule, request.operation)) continue;
      if (rule.times !== undefined && state.fired >= rule.times) continue;
      if (rule.rate !== undefined && state.random() >= rule.rate) continue;
      state.fired++;
      return effectOf(rule);
    }
    return undefined;
  };
}

function appliesTo(rule: FaultRule, operation: OperationId): boolean {
  if (rule.operation === undefined) return true;
  return typeof rule.operation === "string" ? rule.operation === operation : rule.operation.includes(operation);
}

function effectOf(rule: FaultRule): FaultEffect {
  const effect: FaultEffect = {};
  if (rule.status !== undefined) effect.status = rule.status;
  if (rule.retryAfter !== undefined) effect.retryAfter = rule.retryAfter;
  if (rule.reset) effect.reset = true;
  if (rule.delayMs !== undefined) effect.delayMs = rule.delayMs;
  if (effect.status === undefined && !effect.reset && effect.delayMs === undefined) effect.status = DEFAULT_STATUS;
  return effect;
}

/** A small seeded PRNG (Mulberry32) returning numbers in [0, 1): the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
