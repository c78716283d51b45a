/**
 * Checks what startMockCloud, setFaults and fault functions are given, so a
 * mistake in a test's setup fails that test with a ValidationError naming the
 * field, rather than a fault rule that never fires (an operation misspelt), an
 * endless 503 (a setting misspelt), tokens that never match (one string for a
 * list), a dropped connection (a status no HTTP answer can carry), or a socket
 * file (a port given as text).
 */
import { operations } from "../../generated/operations.ts";
import { ValidationError, type ValidationIssue } from "../errors.ts";
import { INVALID_HEADER_CHARACTER, INVALID_HEADER_MESSAGE } from "../header-value.ts";

/** Checks one value at `field`; undefined when it is fine. */
type Check = (value: unknown, field: string) => ValidationIssue | undefined;

function number(min: number, max: number, whole: boolean, message: string): Check {
  return (value, field) => {
    if (typeof value !== "number" || !Number.isFinite(value) || (whole && !Number.isInteger(value))) return { field, rule: "type", message };
    if (value < min) return { field, rule: "minimum", message };
    if (value > max) return { field, rule: "maximum", message };
    return undefined;
  };
}

const finite = number(-Infinity, Infinity, false, "must be a finite number");
const count = number(0, Number.MAX_SAFE_INTEGER, true, "must be a whole number of at least 0");
/** A log limit may also be Infinity, for no limit. */
const limit: Check = (value, field) => {
  const issue = value === Infinity ? undefined : count(value, field);
  return issue && { ...issue, message: "must be a whole number of at least 0, or Infinity" };
};

const fn: Check = (value, field) => (typeof value === "function" ? undefined : { field, rule: "type", message: "must be a function" });
const flag: Check = (value, field) => (typeof value === "boolean" ? undefined : { field, rule: "type", message: "must be true or false" });

/** Text a header can carry: the mock compares it with what a request sends. */
const headerText: Check = (value, field) => {
  if (typeof value !== "string" || value === "") return { field, rule: "type", message: "must be a non-empty string" };
  return INVALID_HEADER_CHARACTER.test(value) ? { field, rule: "pattern", message: INVALID_HEADER_MESSAGE } : undefined;
};
const text: Check = (value, field) => (typeof value === "string" && value !== "" ? undefined : { field, rule: "type", message: "must be a non-empty string" });

function list(item: Check, what: string): Check {
  return (value, field) => {
    if (!Array.isArray(value)) return { field, rule: "type", message: `must be a list of ${what}` };
    for (const [index, element] of value.entries()) {
      const issue = item(element, `${field}[${index}]`);
      if (issue) return issue;
    }
    return undefined;
  };
}

/** An object of the given members, `required` among them; an unknown member is refused rather than ignored. */
function object(members: Record<string, Check>, what: string, required: readonly string[] = []): Check {
  return (value, field) => {
    if (!isObject(value)) return { field, rule: "type", message: "must be an object" };
    for (const name of required) {
      if (value[name] === undefined) return { field: join(field, name), rule: "required", message: "must be given" };
    }
    for (const [name, member] of Object.entries(value)) {
      // Undefined is a member left out, as everywhere in the package.
      if (member === undefined) continue;
      const check = Object.hasOwn(members, name) ? members[name]! : undefined;
      const issue = check ? check(member, join(field, name)) : { field: join(field, name), rule: "additionalProperties", message: `is not ${what}` };
      if (issue) return issue;
    }
    return undefined;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function join(field: string, name: string): string {
  return field === "" ? name : `${field}.${name}`;
}

const OPERATION_IDS = Object.keys(operations);
const OPERATION_MESSAGE = `must be an operation of the spec (${OPERATION_IDS.join(", ")}), or a non-empty list of them`;

const operation: Check = (value, field) => {
  const ids = Array.isArray(value) ? value : [value];
  const known = ids.length > 0 && ids.every((id) => typeof id === "string" && Object.hasOwn(operations, id));
  return known ? undefined : { field, rule: "enum", message: OPERATION_MESSAGE };
};

const retryAfter: Check = (value, field) => {
  const issue = typeof value === "string" ? headerText(value, field) : count(value, field);
  return issue && { ...issue, message: "must be a whole number of seconds of at least 0, or an HTTP date" };
};

/** What one fault does, as a rule or a fault function gives it. */
const EFFECT: Record<string, Check> = {
  status: number(400, 599, true, "must be an HTTP error status, a whole number from 400 to 599"),
  retryAfter,
  reset: flag,
  delayMs: number(0, Number.MAX_SAFE_INTEGER, false, "must be a number of at least 0"),
};

const RULE: Record<string, Check> = { ...EFFECT, operation, times: count, rate: number(0, 1, false, "must be a number from 0 to 1"), seed: finite };

const faults: Check = (value, field) => (typeof value === "function" ? undefined : list(object(RULE, "a fault rule setting"), "fault rules, or a function")(value, field));

const OPTIONS: Record<string, Check> = {
  port: number(0, 65_535, true, "must be a whole number from 0 to 65535"),
  host: text,
  credentials: object(
    {
      tokens: list(headerText, "tokens"),
      keys: list(object({ ak: headerText, sk: text, securityToken: headerText }, "a key setting", ["ak", "sk"]), "{ ak, sk } pairs"),
    },
    "a mock credentials setting",
  ),
  faults,
  seed: finite,
  now: fn,
  clockSkewMs: finite,
  maxLoggedRequests: limit,
  maxLoggedBodyBytes: limit,
};

function assert(where: string, issue: ValidationIssue | undefined): void {
  if (issue) throw new ValidationError(where, [issue]);
}

export function checkMockOptions(options: unknown): void {
  if (!isObject(options)) assert("startMockCloud", { field: "options", rule: "type", message: "must be an object" });
  assert("startMockCloud", object(OPTIONS, "a mock cloud option")(options, ""));
}

export function checkFaults(value: unknown): void {
  if (value !== undefined) assert("setFaults", faults(value, "faults"));
}

/** What a fault function returned: an effect, or nothing for no fault. */
export function checkFaultEffect(effect: unknown): void {
  if (effect === undefined) return;
  if (!isObject(effect)) assert("fault function", { field: "effect", rule: "type", message: "must be an object or undefined" });
  assert("fault function", object(EFFECT, "a fault effect")(effect, ""));
}
