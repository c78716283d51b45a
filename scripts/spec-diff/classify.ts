/**
 * api-smart-diff's findings, mapped to what a caller of the old client meets:
 * each finding becomes a change to an operation's parameters, body, response or
 * route, named as the client names it and judged breaking or not by our rules
 * (the library's own verdicts follow the server's view: it calls a removed
 * response field non-breaking, which breaks every caller that reads it).
 */
import type { OpenApiDocument } from "../bundle.ts";
import { KEYED_METHOD, resolveRef } from "./client-operations.ts";
import type { Comparison, LibraryDiff } from "./compare.ts";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "route-changed"
  | "retry-changed"
  | "deprecated"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-renamed"
  | "body-added"
  | "body-removed"
  | "media-type-added"
  | "media-type-removed"
  | "status-added"
  | "status-removed"
  | "field-added"
  | "field-removed"
  | "made-required"
  | "made-optional"
  | "type-changed"
  | "constraint-tightened"
  | "constraint-loosened"
  | "enum-value-added"
  | "enum-value-removed"
  | "other";

export interface Change {
  /** `client.vpc.updateVpcPeering` */
  operation: string;
  /** `PUT /v2.0/vpc/peerings/{peering_id}`: the route after the change (before it, for a removed operation). */
  route: string;
  kind: ChangeKind;
  /** What changed, as a caller sees it: `body field \`peering.name\``, `query parameter \`limit\``, `response 200 field \`peering.id\``. */
  subject: string;
  /** How it changed: `maxLength lowered from 64 to 32`. */
  detail: string;
  /** Breaks a caller written against the old client. */
  breaking: boolean;
  before?: unknown;
  after?: unknown;
}

type Draft = Omit<Change, "operation" | "route">;

/** Where a schema sits, which decides whether tightening or widening it breaks callers. */
interface SchemaPlace {
  side: "request" | "response";
  /** `body`, `query parameter \`limit\``, `response 200`. */
  base: string;
  /** False for error answers: the client turns any of them into a typed error, whatever their body. */
  canBreak: boolean;
}

const UPPER_BOUNDS = new Set(["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum", "x-max-bytes"]);
const LOWER_BOUNDS = new Set(["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum"]);
const OTHER_CONSTRAINTS = new Set(["pattern", "format", "multipleOf", "uniqueItems", "contentMediaType", "contentEncoding"]);
const COMBINATORS = new Set(["allOf", "anyOf", "oneOf"]);

const code = (value: unknown) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

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
    const added = diff.action === "add" || diff.action === "replace" ? resolveRef(documents.after, diff.after) : undefined;
    const removed = diff.action === "remove" || diff.action === "replace" ? resolveRef(documents.before, diff.before) : undefined;
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
  const parameter = resolveRef(documents.before, documents.operation?.parameters?.[rest[0] as number]);
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
      const required = resolveRef(documents.after, diff.after)?.required === true;
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
  if (rest[1] === "headers") return [];
  return fallback(diff, subject, rest.slice(1), success);
}

function mediaTypeChange(diff: LibraryDiff, subject: string, mediaType: string, canBreak: boolean): Draft[] {
  if (diff.action === "add") return [{ kind: "media-type-added", subject, detail: `media type \`${mediaType}\` added`, breaking: false }];
  if (diff.action === "remove") return [{ kind: "media-type-removed", subject, detail: `media type \`${mediaType}\` removed`, breaking: canBreak }];
  return [];
}

/** `properties.peering.properties.name.maxLength` -> field `peering.name`, keyword path `maxLength`. */
function splitSchemaPath(segments: Array<string | number>): { field: string; keyword: Array<string | number> } {
  const field: string[] = [];
  let index = 0;
  while (index < segments.length) {
    const segment = segments[index];
    const next = segments[index + 1];
    if (segment === "properties" && next !== undefined) {
      field.push(String(next));
      index += 2;
    } else if (segment === "items" && next !== undefined) {
      field.push("[]");
      index += 1;
    } else if (segment === "additionalProperties" && next !== undefined) {
      field.push("*");
      index += 1;
    } else if (COMBINATORS.has(String(segment)) && typeof next === "number" && index + 2 < segments.length) {
      // A member of allOf/anyOf/oneOf describes the same value: its fields are the value's fields.
      index += 2;
    } else {
      break;
    }
  }
  return { field: field.join(".").replace(/\.\[\]/g, "[]"), keyword: segments.slice(index) };
}

function fieldSubject(place: SchemaPlace, field: string): string {
  return field ? `${place.base} field \`${field}\`` : place.base;
}

function schemaChange(diff: LibraryDiff, segments: Array<string | number>, place: SchemaPlace): Draft[] {
  const { field, keyword } = splitSchemaPath(segments);
  const subject = fieldSubject(place, field);
  const request = place.side === "request";
  const verdict = (breaksRequest: boolean, breaksResponse: boolean) => place.canBreak && (request ? breaksRequest : breaksResponse);
  const [word, index] = keyword;

  if (word === undefined) {
    if (diff.action === "add") return [{ kind: "field-added", subject, detail: request ? "added (optional)" : "added", breaking: false }];
    if (diff.action === "remove") return [{ kind: "field-removed", subject, detail: "removed", breaking: verdict(true, true) }];
    return fallback(diff, subject, keyword, place.canBreak);
  }
  if (word === "required") return requiredChange(diff, keyword, place, field);
  if (word === "type") return typeChange(diff, index !== undefined, subject, verdict);
  if (word === "enum" || word === "const") return enumChange(diff, String(word), index !== undefined, subject, verdict);
  if (word === "nullable") {
    const widened = diff.after === true;
    return [{ kind: "type-changed", subject, detail: widened ? "made nullable" : "no longer nullable", breaking: verdict(!widened, widened) }];
  }
  if (UPPER_BOUNDS.has(String(word)) || LOWER_BOUNDS.has(String(word))) {
    return [boundChange(diff, String(word), subject, verdict)];
  }
  if (OTHER_CONSTRAINTS.has(String(word))) {
    const tightened = diff.action !== "remove";
    const detail =
      diff.action === "add"
        ? `\`${word}\` ${code(diff.after)} added`
        : diff.action === "remove"
          ? `\`${word}\` ${code(diff.before)} removed`
          : `\`${word}\` changed from ${code(diff.before)} to ${code(diff.after)}`;
    return [{
      kind: tightened ? "constraint-tightened" : "constraint-loosened",
      subject,
      detail,
      breaking: verdict(tightened, false),
      before: diff.before,
      after: diff.after,
    }];
  }
  if (word === "additionalProperties" && keyword.length === 1) {
    const closed = diff.action !== "remove" && diff.after === false;
    if (closed === (diff.before === false)) return [];
    return [{
      kind: closed ? "constraint-tightened" : "constraint-loosened",
      subject,
      detail: closed ? "no longer accepts unknown fields" : "accepts unknown fields",
      breaking: verdict(closed, false),
    }];
  }
  return fallback(diff, subject, keyword, place.canBreak);
}

/** `required: [a]` -> `[a, b]`: field `b` made required; for a request it must now be sent, for a response it is now always there. */
function requiredChange(diff: LibraryDiff, keyword: Array<string | number>, place: SchemaPlace, parent: string): Draft[] {
  const names = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
  const wholeList = keyword.length === 1;
  const added = diff.action === "remove" ? [] : names(diff.after);
  const removed = diff.action === "add" ? [] : names(diff.before);
  const subjectOf = (name: string) => fieldSubject(place, parent ? `${parent}.${name}` : name);
  const request = place.side === "request";
  return [
    ...removed
      .filter((name) => !(wholeList && added.includes(name)))
      .map((name): Draft => ({ kind: "made-optional", subject: subjectOf(name), detail: "made optional", breaking: place.canBreak && !request })),
    ...added
      .filter((name) => !(wholeList && removed.includes(name)))
      .map((name): Draft => ({ kind: "made-required", subject: subjectOf(name), detail: "made required", breaking: place.canBreak && request })),
  ];
}

function typeNames(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
}

/** Every value of type `a` is also one of `b` (an integer is a number). */
function covers(wider: string[], narrower: string[]): boolean {
  return narrower.every((type) => wider.includes(type) || (type === "integer" && wider.includes("number")));
}

function typeChange(diff: LibraryDiff, oneOfList: boolean, subject: string, verdict: (request: boolean, response: boolean) => boolean): Draft[] {
  let widened: boolean;
  let narrowed: boolean;
  let detail: string;
  if (oneOfList) {
    // An entry of a `type: [...]` list.
    widened = diff.action === "add";
    narrowed = diff.action === "remove";
    detail = widened ? `type ${code(diff.after)} added` : narrowed ? `type ${code(diff.before)} removed` : `type ${code(diff.before)} replaced by ${code(diff.after)}`;
  } else {
    const before = typeNames(diff.before);
    const after = typeNames(diff.after);
    // No `type` accepts any type.
    widened = after.length === 0 || (before.length > 0 && covers(after, before));
    narrowed = before.length === 0 || (after.length > 0 && covers(before, after));
    detail =
      before.length === 0 ? `type ${code(diff.after)} added` : after.length === 0 ? `type ${code(diff.before)} removed` : `type changed from ${code(diff.before)} to ${code(diff.after)}`;
  }
  return [{
    kind: "type-changed",
    subject,
    detail,
    breaking: verdict(!widened, !narrowed),
    before: diff.before,
    after: diff.after,
  }];
}

function enumChange(
  diff: LibraryDiff,
  word: string,
  oneValue: boolean,
  subject: string,
  verdict: (request: boolean, response: boolean) => boolean,
): Draft[] {
  if (oneValue || word === "const") {
    const drafts: Draft[] = [];
    if (diff.action === "remove" || diff.action === "replace") {
      drafts.push({ kind: "enum-value-removed", subject, detail: `value ${code(diff.before)} removed`, breaking: verdict(true, false), before: diff.before });
    }
    if (diff.action === "add" || diff.action === "replace") {
      // A response value the old client never saw breaks callers that handle every value.
      drafts.push({ kind: "enum-value-added", subject, detail: `value ${code(diff.after)} added`, breaking: verdict(false, true), after: diff.after });
    }
    return drafts;
  }
  if (diff.action === "add") {
    return [{ kind: "constraint-tightened", subject, detail: `limited to ${code(diff.after)}`, breaking: verdict(true, false), after: diff.after }];
  }
  if (diff.action === "remove") {
    return [{ kind: "constraint-loosened", subject, detail: `no longer limited to ${code(diff.before)}`, breaking: verdict(false, true), before: diff.before }];
  }
  return [{ kind: "other", subject, detail: `\`enum\` changed from ${code(diff.before)} to ${code(diff.after)}`, breaking: verdict(true, true) }];
}

function boundChange(diff: LibraryDiff, word: string, subject: string, verdict: (request: boolean, response: boolean) => boolean): Draft {
  const upper = UPPER_BOUNDS.has(word);
  const before = Number(diff.before);
  const after = Number(diff.after);
  let tightened: boolean;
  let detail: string;
  if (diff.action === "add") {
    tightened = true;
    detail = `\`${word}\` ${diff.after} added`;
  } else if (diff.action === "remove") {
    tightened = false;
    detail = `\`${word}\` ${diff.before} removed`;
  } else {
    tightened = upper ? after < before : after > before;
    detail = `\`${word}\` ${after > before ? "raised" : "lowered"} from ${diff.before} to ${diff.after}`;
  }
  return {
    kind: tightened ? "constraint-tightened" : "constraint-loosened",
    subject,
    detail,
    // The client validates requests before sending them; answers are typed, not checked.
    breaking: verdict(tightened, false),
    before: diff.before,
    after: diff.after,
  };
}

/** A finding our rules do not name: shown with the library's verdict, unless it is documentation only. */
function fallback(diff: LibraryDiff, subject: string, rest: Array<string | number>, canBreak: boolean): Draft[] {
  if (diff.type === "annotation" || diff.type === "deprecated") return [];
  const where = rest.length > 0 ? `\`${rest.join(".")}\` ` : "";
  const verb = { add: "added", remove: "removed", replace: "changed", rename: "renamed" }[diff.action];
  return [{ kind: "other", subject, detail: `${where}${verb}`, breaking: canBreak && diff.type === "breaking", before: diff.before, after: diff.after }];
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
