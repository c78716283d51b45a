/**
 * Adding an operation is a spec-only change: a copy of the project whose
 * spec grew by operations of every shape (GET with query and header
 * parameters, POST answered 201 and 202, DELETE answered 204, PATCH with an
 * optional body, HEAD with three path parameters, JSON declared with a
 * charset, formats, new services, one with integer ids) is regenerated with `npm run generate`, and
 * then type-checks a usage file, calls every new operation against the mock
 * cloud, and renders them in the docs, with nothing edited outside openapi/.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { appendFile, cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { lint, loadConfig } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.join(import.meta.dirname, "fixtures", "growth");
let work: string;

async function npm(script: string): Promise<string> {
  const { stdout } = await run("npm", ["run", "-s", script], { cwd: work, env: { ...process.env, CI: "true" } });
  return stdout;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "hwcloud-growth-"));
  for (const entry of ["openapi", "src", "scripts", "package.json", "tsconfig.json", "redocly.yaml"]) {
    await cp(path.join(root, entry), path.join(work, entry), { recursive: true });
  }
  await symlink(path.join(root, "node_modules"), path.join(work, "node_modules"), "dir");

  // The spec-only change: path files, their $refs, the new service and its tag.
  const paths = path.join(work, "openapi", "paths");
  for (const file of [
    "peerings-collection.yaml",
    "volume-action.yaml",
    "ecs-server.yaml",
    "ecs-servers.yaml",
    "iam-project.yaml",
    "iam-group-role.yaml",
    "modelarts-job-version.yaml",
  ]) {
    await cp(path.join(fixtures, "paths", file), path.join(paths, file));
  }
  await appendFile(path.join(paths, "v2.0_vpc_peerings_{peering_id}.yaml"), await readFile(path.join(fixtures, "paths", "peering-more.yaml"), "utf8"));
  const rootFile = path.join(work, "openapi", "openapi.yaml");
  let spec = await readFile(rootFile, "utf8");
  spec = spec.replace(/enum: \[vpc, evs, dws, vpcep(.*)\]/, "enum: [vpc, evs, dws, vpcep$1, ecs, modelarts]");
  spec = spec.replace("tags:\n", "tags:\n  - name: ECS\n    description: Elastic Cloud Server.\n");
  spec = spec.replace(/(tags:\n[\s\S]*?)(  - name: VPC\n)/, "$1  - name: ModelArts\n    description: AI development platform.\n$2");
  spec = spec.replace(
    "paths:\n",
    [
      "paths:",
      "  /v2.0/vpc/peerings:",
      "    $ref: paths/peerings-collection.yaml",
      "  /v2/{project_id}/cloudvolumes/{volume_id}/action:",
      "    $ref: paths/volume-action.yaml",
      // Before /cloudservers/detail, which must still reach ListServersDetails.
      "  /v1/{project_id}/cloudservers/{server_id}:",
      "    $ref: paths/ecs-server.yaml",
      "  /v1/{project_id}/cloudservers/detail:",
      "    $ref: paths/ecs-servers.yaml",
      "  /v3/projects/{project_id}:",
      "    $ref: paths/iam-project.yaml",
      "  /v3/projects/{project_id}/groups/{group_id}/roles/{role_id}:",
      "    $ref: paths/iam-group-role.yaml",
      "  /v1/{project_id}/training-jobs/{job_id}/versions/{version_id}:",
      "    $ref: paths/modelarts-job-version.yaml",
      "",
    ].join("\n"),
  );
  await writeFile(rootFile, spec);
  await cp(path.join(fixtures, "client"), work, { recursive: true });

  await npm("generate");
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a spec grown by operations of every shape", () => {
  it("lints with the project's own rules reading the new service from the spec", async () => {
    const config = await loadConfig({ configPath: path.join(work, "redocly.yaml") });
    const problems = await lint({ ref: path.join(work, "openapi", "openapi.yaml"), config });
    expect(problems.filter((problem) => problem.ruleId.startsWith("hwcloud/"))).toEqual([]);
  });

  it("generates a table entry per operation, with the method's idempotency and success statuses", async () => {
    const table = await readFile(path.join(work, "generated", "operations.ts"), "utf8");
    const entry = (id: string) => new RegExp(`export const ${id} = \\{([\\s\\S]*?)\\} as const;`).exec(table)?.[1] ?? "";
    expect(entry("ListVpcPeerings")).toMatch(/method: "GET",[\s\S]*idempotent: true,[\s\S]*params: \{"limit":"query","marker":"query","id":"query"/);
    expect(entry("ShowVpcPeering")).toContain('params: {"peering_id":"path","X-Language":"header"}');
    expect(entry("CreateVpcPeering")).toMatch(/method: "POST",[\s\S]*idempotent: false,[\s\S]*success: \{"201":"json"\}/);
    expect(entry("DeleteVpcPeering")).toMatch(/idempotent: true,[\s\S]*body: "none",[\s\S]*success: \{"204":"empty"\}/);
    expect(entry("ResizeVolume")).toMatch(/success: \{"202":"json"\}/);
    expect(entry("KeystoneUpdateProject")).toMatch(/method: "PATCH",[\s\S]*idempotent: false,[\s\S]*body: "optional"/);
    expect(entry("ListServersDetails")).toMatch(
      /method: "GET",[\s\S]*params: \{"project_id":"path","limit":"query","name":"query","status":"query","changes-since":"query"\}/,
    );
    expect(entry("UpdateServer")).toMatch(/method: "PUT",[\s\S]*body: "required",[\s\S]*success: \{"200":"json"\}/);
    expect(entry("KeystoneCheckProjectPermissionForGroup")).toMatch(
      /method: "HEAD",[\s\S]*idempotent: true,[\s\S]*params: \{"project_id":"path","group_id":"path","role_id":"path"\},[\s\S]*success: \{"204":"empty"\}/,
    );
    expect(table).toContain('"ecs": "https://ecs.{region}.myhuaweicloud.com"');
    expect(table).toContain('"modelarts": "https://modelarts.{region}.myhuaweicloud.com"');
  });

  it("type-checks the new methods: arguments by spec name, results typed, wrong arguments refused", async () => {
    await writeFile(
      path.join(work, "tsconfig.usage.json"),
      JSON.stringify({ extends: "./tsconfig.json", include: ["src", "generated", "usage.ts"] }),
    );
    const result = await run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.usage.json"], {
      cwd: work,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe("");
  }, 120_000);

  describe("called against the mock cloud", () => {
    let results: any;
    beforeAll(async () => {
      const { stdout } = await run(process.execPath, ["--import", "tsx", ...conditions(), "run.ts"], { cwd: work });
      results = JSON.parse(stdout);
    }, 60_000);

    it("answers each with its declared status and body, and accepts every signature and token", () => {
      expect(results.requests.map((request: any) => `${request.method} ${request.status} ${request.scheme}`)).toEqual([
        "GET 200 aksk",
        "GET 200 aksk",
        "POST 201 aksk",
        "DELETE 204 aksk",
        "POST 202 aksk",
        "GET 200 token",
        "PATCH 200 aksk",
        "GET 200 aksk",
        "DELETE 204 aksk",
        "PUT 200 aksk",
        "GET 200 aksk",
        "PUT 200 aksk",
        "HEAD 204 aksk",
        "HEAD 204 aksk",
        "GET 200 aksk",
      ]);
      expect(results.delete).toBeUndefined();
      expect(results.rawDelete).toBe(204);
      expect(results.resize.job_id).toMatch(/^[0-9a-f]{32}$/);
      expect(results.servers.servers[0].name).toBe("ecs-growth");
      expect(results.rawServers).toEqual(results.servers);
      expect(results.create.peering).toBeDefined();
      expect(results.seed).toBe("still-works");
    });

    it("routes a literal segment before a parameter: /cloudservers/detail is the list, /cloudservers/{server_id} the server", () => {
      expect(results.servers.servers[0].name).toBe("ecs-growth");
      expect(results.server.server.name).toBe("ecs-shown");
    });

    it("sends and reads JSON declared as application/json;charset=UTF-8, as Huawei's pages write it", () => {
      expect(results.updateServer).toEqual({ server: { id: "095f8b3b-4a26-4c6c-9f5a-39d4e0b6a1f2", name: "renamed", description: "" } });
      expect(results.requests[11].body).toEqual({ server: { name: "renamed" } });
    });

    it("calls a HEAD operation with three path parameters, named and raw", () => {
      expect(results.check).toBeUndefined();
      expect(results.rawCheck).toBe(204);
      expect(results.requests[12].path).toBe(`/v3/projects/${results.projectId}/groups/07609fb9358010e21f7bc003751c7c32/roles/b32d99a7778d4fd9aa5bc616c3dc4e5f`);
    });

    it("serves a new service whose path ids are integers, seeded and validated as integers", () => {
      expect(results.version).toEqual({ job_id: 10, version_id: 1, create_time: "2024-01-02T03:04:05Z" });
      expect(results.versionId).toBe(1);
      expect(results.requests[14].path).toBe(`/v1/${results.projectId}/training-jobs/10/versions/1`);
    });

    it("checks formats of parameters (int32, date-time) before sending, naming the field", () => {
      expect(results.badSince).toEqual(["query.changes-since format"]);
      expect(results.badLimit).toEqual(["query.limit maximum", "query.limit format"]);
    });

    it("serializes query parameters as openapi-fetch does (arrays exploded) and sends header parameters", () => {
      expect(results.requests[0].path).toBe("/v2.0/vpc/peerings?limit=10&id=a%20b&id=c&status=ACTIVE");
      expect(results.requests[1].language).toBe("en-us");
      expect(results.requests[5].path).toBe(`/v1/${results.projectId}/cloudservers/detail?name=growth&status=ACTIVE`);
    });

    it("validates query parameters before sending, naming the field and the rule", () => {
      expect(results.invalid).toEqual(["query.limit minimum"]);
    });
  });

  it("renders every new operation in the docs with a TypeScript sample, also without examples", async () => {
    await npm("docs");
    const html = await readFile(path.join(work, "docs", "index.html"), "utf8");
    for (const call of [
      "client.vpc.listVpcPeerings()",
      "client.vpc.showVpcPeering({",
      "client.vpc.createVpcPeering({",
      "client.vpc.deleteVpcPeering({",
      "client.evs.resizeVolume({",
      "client.ecs.listServersDetails({",
      "client.iam.keystoneUpdateProject({",
      "client.ecs.updateServer({",
      "client.iam.keystoneCheckProjectPermissionForGroup({",
      "client.modelarts.showTrainingJobVersion({",
    ]) {
      expect(html).toContain(JSON.stringify(call).slice(1, -1));
    }
    expect(html).toContain("new_size");
  }, 120_000);
});

/** The custom conditions the project's npm scripts run with, so the copy resolves its own sources. */
function conditions(): string[] {
  const scripts = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>;
  return [...(scripts.generate ?? "").matchAll(/--conditions[= ]([^\s]+)/g)].map((match) => `--conditions=${match[1]}`);
}
