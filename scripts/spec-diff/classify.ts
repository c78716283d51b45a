/**
 * api-smart-diff's findings, mapped to what a caller of the old client meets:
 * each finding becomes a change to an operation's parameters, body, response or
 * route, named as the client names it and judged breaking or not by our rules
 * (the library's own verdicts follow the server's view: it calls a removed
 * response field non-breaking, which breaks every caller that reads it).
 */
import type { OpenApiDocument } from "../bundle.ts";
import { KEYED_METHOD } from "./client-operations.ts";
import { type Change, code, type Draft, fallback } from "./change.ts";
import type { Comparison, LibraryDiff } from "./compare.ts";
import { schemaChange } from "./schema-changes.ts";

export function classify(comparison: Comparison): Change[] {
  const changes = comparison.diffs.flatMap((diff) => classifyDiff(diff, comparison));
  return orderWithinOperation(dropImplied(dedupe(changes)));
}

function classifyDiff(diff: LibraryDiff, comparison: Comparison): Change[] {
  const key = String(diff.path[1]);
  const before = comparison.before.paths?.[key]?.[KEYED_METHOD];
  const after = comparison.after.paths?.[key]?.[KEYED_METHOD];
  const operation = (after ?? before) as Record<string, any> | undefined;
  if (!operation) return [];
  const rest = diff.path.slice(3);
  const drafts =
    diff.path.length <= 3 ? operationLevel(diff) : operationPart(diff, rest, { before: comparison.before, after: comparison.after, operation: before });
  return drafts.map((draft) => ({ operation: key.replace(/ \(.*\)$/, ""), route: String(operation["x-route"]), ...draft }));
}

function operationLevel(diff: LibraryDiff): Draft[] {
  if (diff.action === "add") return [{ kind: "operation-added", subject: "operation", detail: "added", breaking: false }];
  if (diff.action === "remove") return [{ kind: "operation-removed", subject: "operation", detail: "removed", breaking: true }];
  return [];
}

interface Documents {
  before: OpenApiDocument;
  after: OpenApiDocument;
  /** The operation in the `before` document, whose indices the diff paths use. */
  operation: Record<string, any> | undefined;
}

function operationPart(diff: LibraryDiff, rest: Array<string | number>, documents: Documents): Draft[] {
  switch (rest[0]) {
    case "x-route":
      return [{
        kind: "route-changed",
        subject: "route",
        detail: `changed from ${code(diff.before)} to ${code(diff.after)} (\`client.raw\` calls name the old one)`,
        breaking: true,
        before: diff.before,
        after: diff.after,
      }];
    case "x-idempotent": {
      const retried = diff.action !== "remove" && diff.after === true;
      if (retried === (diff.before === true)) return [];
      return [{ kind: "retry-changed", subject: "operation", detail: retried ? "now retried on transient failures" : "no longer retried", breaking: false }];
    }
    case "deprecated":
      return diff.after === true ? [{ kind: "deprecated", subject: "operation", detail: "deprecated", breaking: false }] : [];
    case "parameters":
      return parameterChange(diff, rest.slice(1), documents);
    case "requestBody":
      return requestBodyChange(diff, rest.slice(1), documents);
    case "responses":
      return responseChange(diff, rest.slice(1));
    default:
      return fallback(diff, "operation", rest, true);
  }
}

function parameterSubject(parameter: any): string {
  return `${parameter?.in ?? "unknown"} parameter \`${parameter?.name ?? "?"}\``;
}

function parameterChange(diff: LibraryDiff, rest: Array<string | number>, documents: Documents): Draft[] {
  if (rest.length === 1) {
    const added: any = diff.action === "add" || diff.action === "replace" ? diff.after : undefined;
    const removed: any = diff.action === "remove" || diff.action === "replace" ? diff.before : undefined;
    return [
      ...(removed ? [{ kind: "parameter-removed" as const, subject: parameterSubject(removed), detail: "removed", breaking: true }] : []),
      ...(added
        ? [{
            kind: "parameter-added" as const,
            subject: parameterSubject(added),
            detail: added.required ? "added (required)" : "added (optional)",
            breaking: added.required === true,
          }]
        : []),
    ];
  }
  const parameter = documents.operation?.parameters?.[rest[0] as number];
  const subject = parameterSubject(parameter);
  const [part, ...below] = rest.slice(1);
  switch (part) {
    case "required":
      return diff.action !== "remove" && diff.after === true
        ? [{ kind: "made-required", subject, detail: "made required", breaking: true }]
        : [{ kind: "made-optional", subject, detail: "made optional", breaking: false }];
    case "name":
    case "in":
      return [{
        kind: "parameter-renamed",
        subject,
        detail: part === "name" ? `renamed to ${code(diff.after)}` : `moved to the ${diff.after} parameters`,
        breaking: true,
        before: diff.before,
        after: diff.after,
      }];
    case "schema":
      return schemaChange(diff, below, { side: "request", base: subject, canBreak: true });
    case "style":
    case "explode":
    case "allowReserved":
      return [{ kind: "other", subject, detail: `serialization (\`${part}\`) changed; the client follows it`, breaking: false }];
    default:
      return fallback(diff, subject, rest.slice(1), true);
  }
}

function requestBodyChange(diff: LibraryDiff, rest: Array<string | number>, documents: Documents): Draft[] {
  if (rest.length === 0) {
    if (diff.after !== undefined && diff.before === undefined) {
      const required = (diff.after as { required?: unknown } | undefined)?.required === true;
      return [{ kind: "body-added", subject: "body", detail: required ? "added (required)" : "added (optional)", breaking: required }];
    }
    if (diff.after === undefined) return [{ kind: "body-removed", subject: "body", detail: "removed", breaking: true }];
    return fallback(diff, "body", rest, true);
  }
  if (rest[0] === "required") {
    return diff.action !== "remove" && diff.after === true
      ? [{ kind: "made-required", subject: "body", detail: "made required", breaking: true }]
      : [{ kind: "made-optional", subject: "body", detail: "made optional", breaking: false }];
  }
  if (rest[0] === "content" && rest.length === 2) return mediaTypeChange(diff, "body", String(rest[1]), true);
  if (rest[0] === "content" && rest[2] === "schema") {
    return schemaChange(diff, rest.slice(3), { side: "request", base: "body", canBreak: true });
  }
  return fallback(diff, "body", rest, true);
}

function responseChange(diff: LibraryDiff, rest: Array<string | number>): Draft[] {
  const status = String(rest[0]);
  const success = /^2/.test(status);
  const subject = `response ${status}`;
  if (rest.length === 1) {
    const which = success ? "success" : "error";
    if (diff.action === "add") return [{ kind: "status-added", subject: `status ${status}`, detail: `added (${which})`, breaking: false }];
    if (diff.action === "remove") return [{ kind: "status-removed", subject: `status ${status}`, detail: `removed (${which})`, breaking: success }];
    return [];
  }
  if (rest[1] === "content" && rest.length === 3) return mediaTypeChange(diff, subject, String(rest[2]), success);
  if (rest[1] === "content" && rest[3] === "schema") {
    return schemaChange(diff, rest.slice(4), { side: "response", base: subject, canBreak: success });
  }
  // Named calls resolve to the body; headers reach only `client.raw` callers, through a plain Response.
  if (rest[1] === "headers") return [];
  return fallback(diff, subject, rest.slice(1), success);
}

function mediaTypeChange(diff: LibraryDiff, subject: string, mediaType: string, canBreak: boolean): Draft[] {
  if (diff.action === "add") return [{ kind: "media-type-added", subject, detail: `media type \`${mediaType}\` added`, breaking: false }];
  if (diff.action === "remove") return [{ kind: "media-type-removed", subject, detail: `media type \`${mediaType}\` removed`, breaking: canBreak }];
  return [];
}

function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.operation}\n${change.subject}\n${change.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The library reports a new required field as "property added" plus "required
 * entry added"; callers need one line: `added (required)`. A removed field's
 * "no longer required" says nothing beyond its removal.
 */
function dropImplied(changes: Change[]): Change[] {
  const key = (change: Change) => `${change.operation}\n${change.subject}`;
  const added = new Set(changes.filter((change) => change.kind === "field-added").map(key));
  const removed = new Set(changes.filter((change) => change.kind === "field-removed").map(key));
  const requiredAdded = new Map(changes.filter((change) => change.kind === "made-required").map((change) => [key(change), change]));
  return changes
    .filter((change) => !(change.kind === "made-required" && added.has(key(change))))
    .filter((change) => !(change.kind === "made-optional" && removed.has(key(change))))
    .map((change) => {
      const required = change.kind === "field-added" ? requiredAdded.get(key(change)) : undefined;
      return required ? { ...change, detail: "added (required)", breaking: required.breaking } : change;
    });
}

const SUBJECT_ORDER: Array<[RegExp, number]> = [
  [/^operation$/, 0],
  [/^route$/, 1],
  [/^\w+ parameter /, 2],
  [/^body/, 3],
  [/^status /, 4],
  [/^response /, 5],
];

function subjectRank(subject: string): number {
  return SUBJECT_ORDER.find(([pattern]) => pattern.test(subject))?.[1] ?? SUBJECT_ORDER.length;
}

/** Operation-level lines first, then parameters, body, statuses and responses, each group in the library's order. */
function orderWithinOperation(changes: Change[]): Change[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => subjectRank(a.change.subject) - subjectRank(b.change.subject) || a.index - b.index)
    .map(({ change }) => change);
}
