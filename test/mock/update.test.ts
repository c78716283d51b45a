/**
 * The generic update rules: coercion to the response schema's types, times
 * in the format of the value they replace, and fresh ids in the old id's form.
 */
import { describe, expect, it } from "vitest";
import { coerce, formatTimeLike, freshIdLike, quirks, wrapperKey } from "../../src/mock/update.ts";
import { operationIds } from "./support.ts";

const at = new Date("2024-05-06T07:08:09.123Z");

describe("formatTimeLike", () => {
  it.each([
    ["2023-03-23T10:56:54Z", "2024-05-06T07:08:09Z"],
    ["2020-03-23T10:56:54", "2024-05-06T07:08:09"],
    ["2013-02-25T03:56:53.081642", "2024-05-06T07:08:09.123000"],
    ["2013-02-25T03:56:53.1Z", "2024-05-06T07:08:09.1Z"],
    [undefined, "2024-05-06T07:08:09.123Z"],
    ["yesterday", "2024-05-06T07:08:09.123Z"],
  ])("copies the shape of %s", (template, expected) => {
    expect(formatTimeLike(template, at)).toBe(expected);
  });
});

describe("coerce", () => {
  it("turns the request's string booleans and numbers into the schema's types", () => {
    expect(coerce("true", { type: "boolean" })).toBe(true);
    expect(coerce("false", { type: "boolean" })).toBe(false);
    expect(coerce("12", { type: "integer" })).toBe(12);
    expect(coerce("1.5", { type: "number" })).toBe(1.5);
    expect(coerce(7, { type: "string" })).toBe("7");
  });

  it("leaves values it cannot convert faithfully as they are", () => {
    expect(coerce("yes", { type: "boolean" })).toBe("yes");
    expect(coerce("1.5", { type: "integer" })).toBe("1.5");
    expect(coerce("", { type: "integer" })).toBe("");
    expect(coerce(["a"], { type: "array" })).toEqual(["a"]);
    expect(coerce("x", {})).toBe("x");
  });
});

describe("freshIdLike", () => {
  it("keeps the form of the id it replaces and never repeats", () => {
    const hex = freshIdLike("2c9081c88418ed420184197c8bc80001");
    expect(hex).toMatch(/^[0-9a-f]{32}$/);
    expect(freshIdLike("22b76469-08e3-4937-8c1d-7aad34892be1")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(freshIdLike(undefined)).not.toBe(freshIdLike(undefined));
    expect(freshIdLike(hex)).not.toBe(hex);
  });
});

describe("wrapperKey", () => {
  it("is the member wrapping the resource in both request and 200 body, when there is one", () => {
    expect(Object.fromEntries(operationIds.map((id) => [id, wrapperKey(id)]))).toEqual({
      UpdateVpcPeering: "peering",
      UpdateTrafficMirrorSession: "traffic_mirror_session",
      CinderUpdateSnapshot: "snapshot",
      UpdateDataSource: undefined,
      UpdateEndpointRoutetable: undefined,
    });
  });
});

describe("quirks", () => {
  it("name only operations of the spec", () => {
    for (const id of Object.keys(quirks)) expect(operationIds).toContain(id);
  });
});
