import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSpec, type OpenApiDocument } from "../scripts/bundle.ts";
import { exitStatus } from "../scripts/spec-diff.ts";
import { renderJson, renderMarkdown, renderSummary } from "../scripts/spec-diff/render.ts";
import { buildReport, type SpecDiffReport } from "../scripts/spec-diff/report.ts";
import { keyedByClientName } from "../scripts/spec-diff/client-operations.ts";
import { specChangeSummary } from "../scripts/spec-diff/summary.ts";
import { checkVersion } from "../scripts/spec-diff/version.ts";

const run = promisify(execFile);
const FIXTURES = "test/fixtures/spec-diff";

async function fixture(name: string): Promise<{ before: OpenApiDocument; after: OpenApiDocument }> {
  const [before, after] = await Promise.all([
    bundleSpec(path.join(FIXTURES, name, "before.yaml")),
    bundleSpec(path.join(FIXTURES, name, "after.yaml")),
  ]);
  return { before, after };
}

async function reportOf(name: string): Promise<SpecDiffReport> {
  const { before, after } = await fixture(name);
  return buildReport(before, after, { base: "before", head: "after" });
}

/** The report's change lines, each under the heading of its operation. */
function changeLines(report: SpecDiffReport): string[] {
  const lines: string[] = [];
  let operation = "";
  for (const text of renderMarkdown(report).split("\n")) {
    if (text.startsWith("## ")) operation = text.slice(3).replace(/ \(.*$/, "").replaceAll("`", "");
    if (text.startsWith("- ")) lines.push(`${operation} ${text}`);
  }
  return lines;
}

function expectLines(report: SpecDiffReport, expected: string[]): void {
  expect([...changeLines(report)].sort()).toEqual([...expected].sort());
}

describe("spec:diff on fixture pairs", () => {
  it("operations added and removed, of any method and service", async () => {
    const report = await reportOf("operations");
    expectLines(report, [
      "client.iam.createPermanentAccessKey - non-breaking: operation added",
      "client.vpc.listVpcPeerings - non-breaking: operation added",
      "client.vpc.deleteVpcPeering - **breaking**: operation removed",
    ]);
    expect(report.counts).toEqual({ operationsAdded: 2, operationsRemoved: 1, changes: 3, breaking: 1 });
    expect(exitStatus(report)).toBe(1);
  });

  it("path, query and header parameters added, removed, retyped, made required or optional", async () => {
    const report = await reportOf("parameters");
    expectLines(report, [
      "client.ecs.showThing - **breaking**: route: changed from `GET /v1/{project_id}/things/{thing_id}` to `GET /v1/{project_id}/things/{id}` (`client.raw` calls name the old one)",
      "client.ecs.showThing - **breaking**: path parameter `thing_id`: removed",
      "client.ecs.showThing - **breaking**: path parameter `id`: added (required)",
      "client.ecs.showThing - **breaking**: header parameter `X-Language`: removed",
      "client.ecs.showThing - **breaking**: header parameter `X-Client-Token`: added (required)",
      "client.ecs.showThing - non-breaking: query parameter `limit`: added (optional)",
      "client.ecs.showThing - **breaking**: query parameter `fields`: made required",
      "client.ecs.showThing - non-breaking: query parameter `marker`: made optional",
      "client.ecs.showThing - **breaking**: query parameter `offset`: type changed from `integer` to `string`",
    ]);
    expect(exitStatus(report)).toBe(1);
  });

  it("body fields added, removed, retyped, made required or optional, nested in objects and arrays", async () => {
    const report = await reportOf("body-fields");
    expectLines(report, [
      "client.vpc.updateVpcPeering - **breaking**: body field `peering.region`: added (required)",
      "client.vpc.updateVpcPeering - non-breaking: body field `peering.enterprise_project_id`: added (optional)",
      "client.vpc.updateVpcPeering - **breaking**: body field `peering.legacy_flag`: removed",
      "client.vpc.updateVpcPeering - **breaking**: body field `peering.tags[].value`: removed",
      "client.vpc.updateVpcPeering - **breaking**: body field `peering.priority`: type changed from `integer` to `string`",
      "client.vpc.updateVpcPeering - non-breaking: body field `peering.weight`: type changed from `integer` to `number`",
      'client.vpc.updateVpcPeering - **breaking**: body field `peering.nickname`: type changed from `["string","null"]` to `string`',
      "client.vpc.updateVpcPeering - **breaking**: body field `peering.description`: made required",
      "client.vpc.updateVpcPeering - **breaking**: body field `peering.tags[].key`: made required",
      "client.vpc.updateVpcPeering - non-breaking: body field `peering.name`: made optional",
    ]);
    expect(exitStatus(report)).toBe(1);
  });

  it("request constraints tightened are breaking, loosened are not", async () => {
    const report = await reportOf("constraints");
    expectLines(report, [
      "client.vpc.updateTrafficMirrorSession - **breaking**: path parameter `traffic_mirror_session_id`: `maxLength` lowered from 64 to 36",
      "client.vpc.updateTrafficMirrorSession - **breaking**: body field `name`: `maxLength` lowered from 64 to 32",
      "client.vpc.updateTrafficMirrorSession - non-breaking: body field `description`: `maxLength` raised from 255 to 1024",
      "client.vpc.updateTrafficMirrorSession - non-breaking: body field `description`: `pattern` `^[^<>]*$` removed",
      "client.vpc.updateTrafficMirrorSession - **breaking**: body field `alias`: `pattern` `^[a-z]+$` added",
      "client.vpc.updateTrafficMirrorSession - **breaking**: body field `packet_length`: `minimum` raised from 1 to 64",
      "client.vpc.updateTrafficMirrorSession - non-breaking: body field `packet_length`: `maximum` raised from 1460 to 9000",
      "client.vpc.updateTrafficMirrorSession - non-breaking: body field `priority`: `minimum` 1 removed",
      "client.vpc.updateTrafficMirrorSession - **breaking**: body field `virtual_network_id`: `maximum` 16777215 added",
      "client.vpc.updateTrafficMirrorSession - non-breaking: body field `target_type`: value `gwlb` added",
      "client.vpc.updateTrafficMirrorSession - **breaking**: body field `protocol`: value `icmp` removed",
    ]);
    expect(exitStatus(report)).toBe(1);
  });

  it("the same changes read backwards swap tightened and loosened", async () => {
    const { before, after } = await fixture("constraints");
    const report = buildReport(after, before, { base: "after", head: "before" });
    const lines = changeLines(report);
    expect(lines).toContain("client.vpc.updateTrafficMirrorSession - non-breaking: body field `name`: `maxLength` raised from 32 to 64");
    expect(lines).toContain("client.vpc.updateTrafficMirrorSession - **breaking**: body field `description`: `pattern` `^[^<>]*$` added");
    expect(lines).toContain("client.vpc.updateTrafficMirrorSession - **breaking**: body field `target_type`: value `gwlb` removed");
    expect(lines).toContain("client.vpc.updateTrafficMirrorSession - non-breaking: body field `protocol`: value `icmp` added");
  });

  it("response fields: a removed, optional or widened one is breaking, an added one is not; error bodies never break", async () => {
    const report = await reportOf("responses");
    expectLines(report, [
      "client.evs.cinderUpdateSnapshot - non-breaking: response 200 field `snapshot.created_at`: added",
      "client.evs.cinderUpdateSnapshot - **breaking**: response 200 field `snapshot.updated_at`: removed",
      "client.evs.cinderUpdateSnapshot - **breaking**: response 200 field `snapshot.metadata[].value`: removed",
      "client.evs.cinderUpdateSnapshot - **breaking**: response 200 field `snapshot.size`: made optional",
      "client.evs.cinderUpdateSnapshot - non-breaking: response 200 field `snapshot.name`: made required",
      "client.evs.cinderUpdateSnapshot - non-breaking: response 200 field `snapshot.size`: `minimum` raised from 1 to 10",
      "client.evs.cinderUpdateSnapshot - **breaking**: response 200 field `snapshot.status`: value `deleting` added",
      'client.evs.cinderUpdateSnapshot - **breaking**: response 200 field `snapshot.label`: type changed from `string` to `["string","null"]`',
      "client.evs.cinderUpdateSnapshot - non-breaking: response 404 field `itemNotFound.message`: removed",
    ]);
  });

  it("success and error statuses, with 201, 202 and 204 answers", async () => {
    const report = await reportOf("statuses");
    expectLines(report, [
      "client.vpcep.updateEndpoint - **breaking**: status 200: removed (success)",
      "client.vpcep.updateEndpoint - non-breaking: status 202: added (success)",
      "client.vpcep.updateEndpoint - non-breaking: status 409: added (error)",
      "client.vpcep.updateEndpoint - non-breaking: status 404: removed (error)",
      "client.vpcep.deleteEndpoint - non-breaking: status 200: added (success)",
    ]);
  });

  it("an operation that moves path and method is one operation whose route changed", async () => {
    const report = await reportOf("route");
    expectLines(report, [
      "client.dws.updateDataSource - **breaking**: route: changed from `PUT /v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}` to `PATCH /v2/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}` (`client.raw` calls name the old one)",
      "client.dws.updateDataSource - non-breaking: operation no longer retried",
    ]);
    expect(report.counts.operationsAdded + report.counts.operationsRemoved).toBe(0);
  });

  it.each([
    ["a PUT marked x-idempotent: false", "put", undefined, false, "no longer retried"],
    ["a PUT whose x-idempotent: false is dropped", "put", false, undefined, "now retried on transient failures"],
    ["a POST marked x-idempotent: true", "post", undefined, true, "now retried on transient failures"],
  ])("reports the retry change of %s, the method's default counting", (_, method, before, after, detail) => {
    const documentWith = (idempotent: boolean | undefined) => ({
      openapi: "3.1.0",
      info: { title: "t", version: "0.1.0" },
      paths: {
        "/v1/things/{thing_id}": {
          [method]: {
            operationId: "ChangeThing",
            "x-service": "demo",
            ...(idempotent === undefined ? {} : { "x-idempotent": idempotent }),
            parameters: [{ name: "thing_id", in: "path", required: true, schema: { type: "string" } }],
            responses: { 200: { description: "ok" } },
          },
        },
      },
    });
    expectLines(buildReport(documentWith(before), documentWith(after), { base: "before", head: "after" }), [
      `client.demo.changeThing - non-breaking: operation ${detail}`,
    ]);
  });

  it("a renamed operationId renames the client method: the old one is removed", async () => {
    const report = await reportOf("service");
    expectLines(report, [
      "client.iam.keystoneShowUser - **breaking**: operation removed",
      "client.iam.showUser - non-breaking: operation added",
    ]);
  });

  it("request bodies added, removed, made required, closed to unknown fields, media types dropped", async () => {
    const report = await reportOf("request-body");
    expectLines(report, [
      "client.demo.patchThing - non-breaking: body: added (optional)",
      "client.demo.rebootThing - **breaking**: body: removed",
      "client.demo.updateThing - **breaking**: body: made required",
      "client.demo.updateThing - **breaking**: body: no longer accepts unknown fields",
      "client.demo.updateThing - **breaking**: body: media type `application/x-www-form-urlencoded` removed",
    ]);
  });

  it("a change to a shared component shows in every operation and place that uses it", async () => {
    const report = await reportOf("shared-component");
    expectLines(report, [
      "client.demo.updateA - **breaking**: body field `old`: removed",
      "client.demo.updateA - **breaking**: body field `name`: `maxLength` lowered from 64 to 10",
      "client.demo.updateA - **breaking**: response 200 field `old`: removed",
      "client.demo.updateA - non-breaking: response 200 field `name`: `maxLength` lowered from 64 to 10",
      "client.demo.updateB - **breaking**: body field `thing.old`: removed",
      "client.demo.updateB - **breaking**: body field `thing.name`: `maxLength` lowered from 64 to 10",
    ]);
  });

  it("a recursive schema is compared without looping", async () => {
    expectLines(await reportOf("recursive-schema"), ["client.demo.showTree - **breaking**: response 200 field `label`: removed"]);
  });

  it("comparisons in one process do not share what they found behind a $ref", async () => {
    const first = await reportOf("responses");
    const second = await reportOf("responses");
    expect(second.counts).toEqual(first.counts);
    expect(second.counts.breaking).toBe(5);
  });

  it("documentation-only edits (descriptions, summaries, examples, x-zh-name, externalDocs) are not client-visible", async () => {
    const report = await reportOf("documentation");
    expect(changeLines(report)).toEqual([]);
    expect(renderMarkdown(report)).toContain("No client-visible change");
  });

  it("lists operation-level changes first, then parameters, body, statuses and responses", async () => {
    const lines = changeLines(await reportOf("parameters"));
    expect(lines[0]).toContain("route: changed");
    const subjects = changeLines(await reportOf("statuses")).filter((line) => line.includes("updateEndpoint"));
    expect(subjects.every((line) => line.includes("status "))).toBe(true);
  });
});

describe("operations keyed by client name", () => {
  it("names each operation client.<x-service, else the host's service>.<lowerCamelCase operationId>, with its path-item parameters", () => {
    const keyed = keyedByClientName({
      openapi: "3.1.0",
      info: { title: "t", version: "0.1.0" },
      paths: {
        "/v3/users/{user_id}": {
          servers: [{ url: "https://iam.{region}.myhuaweicloud.com" }],
          parameters: [
            { $ref: "#/components/parameters/UserId" },
            { name: "X-Language", in: "header", schema: { type: "string" } },
          ],
          get: { operationId: "KeystoneShowUser", responses: {} },
          patch: {
            operationId: "UpdateUser",
            "x-service": "iam2",
            parameters: [{ name: "X-Language", in: "header", required: true, schema: { type: "string" } }],
            responses: {},
          },
        },
      },
      components: { parameters: { UserId: { name: "user_id", in: "path", required: true, schema: { type: "string" } } } },
    });
    expect(Object.keys(keyed.paths)).toEqual(["client.iam.keystoneShowUser", "client.iam2.updateUser"]);
    const show = keyed.paths["client.iam.keystoneShowUser"].post;
    expect(show["x-route"]).toBe("GET /v3/users/{user_id}");
    expect(show.parameters).toHaveLength(2);
    const update = keyed.paths["client.iam2.updateUser"].post;
    expect(update["x-route"]).toBe("PATCH /v3/users/{user_id}");
    // The operation's own X-Language replaces the path item's.
    expect(update.parameters).toEqual([
      { $ref: "#/components/parameters/UserId" },
      { name: "X-Language", in: "header", required: true, schema: { type: "string" } },
    ]);
  });
});

describe("the version gate", () => {
  it("asks for a minor bump while 0.x and a major one from 1.0", () => {
    expect(checkVersion("0.1.0", "0.1.1").raised).toBe(false);
    expect(checkVersion("0.1.0", "0.2.0").raised).toBe(true);
    expect(checkVersion("0.1.0", "1.0.0").raised).toBe(true);
    expect(checkVersion("1.4.0", "1.5.0")).toEqual({ before: "1.4.0", after: "1.5.0", needed: "major", raised: false });
    expect(checkVersion("1.4.0", "2.0.0-rc.1").raised).toBe(true);
    expect(checkVersion("0.3.0", "0.2.9").raised).toBe(false);
    expect(checkVersion("one", "two").raised).toBe(false);
  });

  it("exits 0 for a breaking change announced by info.version, 1 for one that is not", async () => {
    const announced = await reportOf("statuses");
    expect(announced.counts.breaking).toBeGreaterThan(0);
    expect(announced.version).toMatchObject({ before: "0.3.0", after: "0.4.0", raised: true });
    expect(exitStatus(announced)).toBe(0);
    expect(renderMarkdown(announced)).toContain("The breaking changes are announced: `info.version` 0.3.0 → 0.4.0.");

    const minorOnly = await reportOf("responses");
    expect(exitStatus(minorOnly)).toBe(1);
    expect(renderMarkdown(minorOnly)).toContain("**Not announced**: breaking changes need a major version bump (1.4.0 → 2.0.0), but `info.version` is 1.5.0.");

    const { before, after } = await fixture("responses");
    const major = buildReport(before, { ...after, info: { ...after.info, version: "2.0.0" } }, { base: "before", head: "after" });
    expect(exitStatus(major)).toBe(0);
  });

  it("exits 0 without a version bump when nothing breaks", async () => {
    const { before: fewer, after: more } = await fixture("operations");
    const withoutRemoval = { ...more, paths: { ...more.paths, "/v2.0/vpc/peerings/{peering_id}": fewer.paths["/v2.0/vpc/peerings/{peering_id}"] } };
    const report = buildReport(fewer, withoutRemoval, { base: "before", head: "after" });
    expect(report.counts).toEqual({ operationsAdded: 2, operationsRemoved: 0, changes: 2, breaking: 0 });
    expect(report.version.before).toBe(report.version.after);
    expect(exitStatus(report)).toBe(0);
    expect(renderMarkdown(report)).toContain("Nothing breaks callers of the old client.");
  });
});

describe("the report's forms", () => {
  it("--json carries the same operations, changes and verdicts as the Markdown", async () => {
    const report = await reportOf("body-fields");
    const json = JSON.parse(renderJson(report));
    expect(json.ok).toBe(false);
    expect(json.counts).toEqual(report.counts);
    const fromJson = json.operations.flatMap((operation: any) =>
      operation.changes.map((change: any) => `${operation.name} - ${change.breaking ? "**breaking**" : "non-breaking"}: ${change.subject}: ${change.detail}`),
    );
    expect(fromJson.sort()).toEqual(changeLines(report).sort());
    expect(json.operations[0].changes.find((change: any) => change.detail.startsWith("type changed"))).toMatchObject({
      kind: "type-changed",
      before: "integer",
      after: "string",
    });
  });

  it("the generate summary counts operations and breaking changes", async () => {
    expect(renderSummary(await reportOf("operations"))).toBe("spec against before: +2 operations, -1 operation, 1 breaking change: npm run spec:diff");
    expect(renderSummary(await reportOf("statuses"))).toBe("spec against before: 5 changes, 1 breaking change (version raised): npm run spec:diff");
    const { before } = await fixture("statuses");
    expect(renderSummary(buildReport(before, before, { base: "HEAD", head: "working tree" }))).toBe("spec against HEAD: no client-visible change");
  });
});

describe("npm run generate", () => {
  it("ends with the one-line summary against HEAD", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "hwcloud-spec-diff-generate-"));
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "--conditions=source", "scripts/generate.ts", "--out", out]);
      const lines = stdout.trim().split("\n");
      expect(lines[0]).toMatch(/^generated .*openapi\.json/);
      // The worktree's spec may differ from HEAD while someone edits it; the line's form does not.
      expect(lines.at(-1)).toMatch(/^spec against HEAD: (no client-visible change|.+: npm run spec:diff)$/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe("on the project's own spec", () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "hwcloud-spec-diff-"));
    await cp("openapi", path.join(work, "openapi"), { recursive: true });
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("finds no change between the spec and itself, as one document or as two bundles of it", async () => {
    const [spec, again] = await Promise.all([bundleSpec("openapi/openapi.yaml"), bundleSpec("openapi/openapi.yaml")]);
    expect(again).not.toBe(spec);
    for (const after of [spec, again]) {
      const report = buildReport(spec, after, { base: "HEAD", head: "working tree" });
      expect(report.counts.changes).toBe(0);
      expect(exitStatus(report)).toBe(0);
    }
  });

  it("follows a change in a shared component file to the operation that uses it", async () => {
    const file = path.join(work, "openapi", "components", "schemas", "UpdateVpcPeeringOption.yaml");
    const text = await readFile(file, "utf8");
    expect(text).toContain("    maxLength: 64\n");
    await writeFile(file, text.replace("    maxLength: 64\n", "    maxLength: 32\n"));
    const report = buildReport(await bundleSpec("openapi/openapi.yaml"), await bundleSpec(path.join(work, "openapi", "openapi.yaml")), {
      base: "HEAD",
      head: "working tree",
    });
    expectLines(report, ["client.vpc.updateVpcPeering - **breaking**: body field `peering.name`: `maxLength` lowered from 64 to 32"]);
  });
});

describe("npm run spec:diff against git history", () => {
  let repo: string;
  const git = (...args: string[]) => run("git", ["-c", "user.name=spec-diff test", "-c", "user.email=test@localhost", ...args], { cwd: repo });
  const specDiff = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "--conditions=source", "scripts/spec-diff.ts", "--spec", path.join(repo, "openapi", "openapi.yaml"), ...args]).then(
      ({ stdout }) => ({ status: 0, stdout, stderr: "" }),
      (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  const spec = () => path.join(repo, "openapi", "openapi.yaml");

  beforeAll(async () => {
    repo = await mkdtemp(path.join(tmpdir(), "hwcloud-spec-diff-repo-"));
    await git("init", "-q");
    await writeFile(path.join(repo, "README.md"), "before the spec\n");
    await git("add", ".");
    await git("commit", "-qm", "no spec yet");
    await run("mkdir", ["-p", path.join(repo, "openapi")]);
    await cp(path.join(FIXTURES, "constraints", "before.yaml"), spec());
    await git("add", ".");
    await git("commit", "-qm", "spec");
    await cp(path.join(FIXTURES, "constraints", "after.yaml"), spec());
  });

  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it("prints the Markdown report against HEAD and exits 1 for an unannounced breaking change", async () => {
    const { status, stdout } = await specDiff();
    expect(status).toBe(1);
    expect(stdout).toContain("# Spec changes: HEAD → working tree");
    expect(stdout).toContain("## `client.vpc.updateTrafficMirrorSession`");
    expect(stdout).toContain("- **breaking**: body field `name`: `maxLength` lowered from 64 to 32");
  });

  it("exits 0 with --json once info.version is raised, and --base picks the ref", async () => {
    await writeFile(spec(), (await readFile(spec(), "utf8")).replace("version: 0.1.0", "version: 0.2.0"));
    await git("commit", "-qam", "breaking, announced");
    const head = await specDiff("--json");
    expect(head.status).toBe(0);
    expect(JSON.parse(head.stdout).counts.changes).toBe(0);
    const previous = await specDiff("--base", "HEAD~1", "--json");
    expect(previous.status).toBe(0);
    expect(JSON.parse(previous.stdout)).toMatchObject({ ok: true, version: { before: "0.1.0", after: "0.2.0", raised: true }, counts: { breaking: 6 } });
  });

  it("counts every operation as added against a commit that had no spec", async () => {
    const root = (await git("rev-list", "--max-parents=0", "HEAD")).stdout.trim();
    const { status, stdout } = await specDiff("--base", root);
    expect(status).toBe(0);
    expect(stdout).toContain(`# Spec changes: ${root} (no spec) → working tree`);
    expect(stdout).toContain("- non-breaking: operation added");
  });

  it("exits 2 naming the ref when there is no such commit", async () => {
    const { status, stderr } = await specDiff("--base", "no-such-ref");
    expect(status).toBe(2);
    expect(stderr).toContain("no-such-ref is not a commit of this repository");
  });

  it("the generate summary and the report agree on a split spec with $refs: an unchanged spec has no change", async () => {
    await cp(path.resolve("openapi"), path.join(repo, "split"), { recursive: true });
    await git("add", ".");
    await git("commit", "-qm", "the project's own split spec");
    const split = path.join(repo, "split", "openapi.yaml");
    expect(await specChangeSummary(split)).toBe("spec against HEAD: no client-visible change");
    const { status, stdout } = await specDiff("--spec", split);
    expect(status).toBe(0);
    expect(stdout).toContain("No client-visible change");
  });

  it("the generate summary compares with HEAD, and is silent outside git", async () => {
    await cp(path.join(FIXTURES, "operations", "after.yaml"), spec());
    await git("add", ".");
    await git("commit", "-qm", "other spec");
    await cp(path.join(FIXTURES, "operations", "before.yaml"), spec());
    expect(await specChangeSummary(spec())).toBe("spec against HEAD: +1 operation, -2 operations, 2 breaking changes: npm run spec:diff");
    // Given the working tree's bundle (as npm run generate gives it), the summary says the same.
    const current = bundleSpec(spec(), { dereference: true });
    expect(await specChangeSummary(spec(), "HEAD", current)).toBe(
      "spec against HEAD: +1 operation, -2 operations, 2 breaking changes: npm run spec:diff",
    );
    // And it is that bundle which is compared, not the file bundled again: HEAD's own spec shows no change.
    const asAtHead = bundleSpec(path.join(FIXTURES, "operations", "after.yaml"), { dereference: true });
    expect(await specChangeSummary(spec(), "HEAD", asAtHead)).toBe("spec against HEAD: no client-visible change");
    const outside = await mkdtemp(path.join(tmpdir(), "hwcloud-spec-diff-nogit-"));
    try {
      await cp(path.join(FIXTURES, "operations", "before.yaml"), path.join(outside, "openapi.yaml"));
      expect(await specChangeSummary(path.join(outside, "openapi.yaml"))).toBeUndefined();
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
