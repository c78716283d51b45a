/**
 * A finding inside a JSON Schema (request body, parameter or response), named by
 * the field it concerns and judged by where the schema sits: a caller sends
 * requests, so narrowing them breaks it; it reads responses, so widening them does.
 */
import { code, type Draft, fallback } from "./change.ts";
import type { LibraryDiff } from "./compare.ts";

/** Where a schema sits, which decides whether tightening or widening it breaks callers. */
export interface SchemaPlace {
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

export function schemaChange(diff: LibraryDiff, segments: Array<string | number>, place: SchemaPlace): Draft[] {
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
    return [constraintChange(diff, subject, tightened, detail, verdict)];
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
  return constraintChange(diff, subject, tightened, detail, verdict);
}

/** A constraint tightened or loosened, with its values before and after. */
function constraintChange(diff: LibraryDiff, subject: string, tightened: boolean, detail: string, verdict: (request: boolean, response: boolean) => boolean): Draft {
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
