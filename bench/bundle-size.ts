/**
 * Bundle size of a small app that creates a client and makes one
 * UpdateVpcPeering call, and of one that makes the same call through
 * `hwcloud-typed/core` with the one operation it imports: esbuild, bundled
 * with code splitting and minified, each file gzipped on its own (as a
 * server sends each). For the browser, the `#crypto` and `#transport`
 * imports resolve to their Web variants by condition. The app imports the
 * package by its name, through its `exports`, as a user's does.
 *
 * The client imports some of its code when a call first needs it (each
 * operation's validator; the IAM project-id lookup and the default
 * credential chain only without a projectId or credentials). Counted is
 * what the app loads for its one call: the entry file, every file it
 * imports statically, and the dynamically imported files of UpdateVpcPeering's
 * validator (the apps pass credentials and a project ID), with their static
 * imports. The files it never loads are listed, not counted.
 */
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { operations } from "../generated/operations.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

const OURS_APP = `
import { createClient } from "hwcloud-typed";
const client = createClient({ credentials: { ak: "AK", sk: "SK" }, projectId: "0bcc05efb100f2a92f53c011f262dfa0" });
console.log(await client.vpc.updateVpcPeering({ peering_id: "22b76469", body: { peering: { name: "bench" } } }));
`;

const CORE_APP = `
import { call, createCore } from "hwcloud-typed/core";
import { UpdateVpcPeering } from "hwcloud-typed/operations";
const core = createCore({ credentials: { ak: "AK", sk: "SK" }, projectId: "0bcc05efb100f2a92f53c011f262dfa0" });
console.log(await call(core, UpdateVpcPeering, { peering_id: "22b76469", body: { peering: { name: "bench" } } }));
`;

/**
 * The scale under both apps: Huawei's signature on the Web Crypto back-end and
 * the runtime's fetch, with none of the client around them (no argument
 * checks, validation, retries, timeouts, typed errors or endpoints); and the
 * same with UpdateVpcPeering's validator, imported as the client imports it.
 * Not a contender: what any signed call costs before the client's own work.
 */
const SIGNED_FETCH_APP = `
import { sign } from "./src/auth/signer.ts";
const url = "https://vpc.cn-north-4.myhuaweicloud.com/v2.0/vpc/peerings/22b76469";
const body = JSON.stringify({ peering: { name: "bench" } });
const headers = { "content-type": "application/json", "x-project-id": "0bcc05efb100f2a92f53c011f262dfa0" };
const added = await sign({ method: "PUT", url, headers, body }, { ak: "AK", sk: "SK" }, new Date());
console.log(await (await fetch(url, { method: "PUT", headers: { ...headers, ...added }, body })).json());
`;

const SIGNED_FETCH_VALIDATED_APP = `
const { UpdateVpcPeering: validate } = await import("./generated/validators/UpdateVpcPeering.ts");
if (!validate({ path: { peering_id: "22b76469" }, query: {}, header: {}, body: { peering: { name: "bench" } } })) throw new Error(JSON.stringify(validate.errors));
${SIGNED_FETCH_APP}`;

const OFFICIAL_APP = `
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { VpcClient, UpdateVpcPeeringOption, UpdateVpcPeeringRequest, UpdateVpcPeeringRequestBody } from "@huaweicloud/huaweicloud-sdk-vpc/v2/public-api";
const credentials = new BasicCredentials().withAk("AK").withSk("SK").withProjectId("0bcc05efb100f2a92f53c011f262dfa0");
const client = VpcClient.newBuilder().withCredential(credentials).withEndpoint("https://vpc.cn-north-4.myhuaweicloud.com").build();
const body = new UpdateVpcPeeringRequestBody().withPeering(new UpdateVpcPeeringOption().withName("bench"));
console.log(await client.updateVpcPeering(new UpdateVpcPeeringRequest().withPeeringId("22b76469").withBody(body)));
`;

export type Platform = "node" | "browser";

export interface BundleSize {
  /** Summed over the files the app loads. */
  minifiedBytes: number;
  gzipBytes: number;
  /** Minified bytes per package in node_modules, and per top folder of our own (src/, generated/). */
  byPackage: Map<string, number>;
  /** Set when the app does not bundle for the platform as is; the size is then with these left unresolved. */
  unresolved?: string[];
  /** Minified bytes from generated/validators in the files loaded, and in all the build wrote. */
  validatorBytes: number;
  allValidatorBytes: number;
  /** The operations whose validator module is in the files loaded. */
  validatorsLoaded: string[];
  /** Operations other than UpdateVpcPeering whose descriptor (its path template) is in the files loaded. */
  otherOperations: string[];
  /** Files the app loads for its call, of all the build wrote. */
  files: { loaded: number; total: number };
  /** The modules that start the files the app never loads (code imported only when needed), e.g. `src/project-id.ts`. */
  notLoaded: string[];
}

/** The dynamically imported module one UpdateVpcPeering call with credentials and a project ID given loads. */
const LOADED_BY_THE_CALL = /generated\/validators\/UpdateVpcPeering\.ts$/;

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

async function bundle(app: string, platform: Platform, external: string[] = []) {
  return build({
    stdin: { contents: app, resolveDir: root, loader: "ts", sourcefile: "app.ts" },
    bundle: true,
    splitting: true,
    outdir: "bundle-out",
    absWorkingDir: root,
    minify: true,
    write: false,
    metafile: true,
    platform,
    format: "esm",
    target: "es2022",
    conditions: ["hwcloud-typed:source"],
    external,
    logLevel: "silent",
  });
}

async function measure(app: string, platform: Platform): Promise<BundleSize> {
  let result;
  let unresolved: string[] | undefined;
  try {
    result = await bundle(app, platform);
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors ?? [];
    const missing = errors.map((e) => /Could not resolve "([^"]+)"/.exec(e.text)?.[1]).filter((name) => name !== undefined);
    if (missing.length === 0 || missing.length !== errors.length) throw error;
    unresolved = [...new Set(missing)].sort();
    result = await bundle(app, platform, NODE_BUILTINS);
  }
  const outputs = result.metafile.outputs;
  const loaded = loadedFiles(outputs);
  const files = result.outputFiles.filter((file) => loaded.has(relative(file.path)));
  const text = files.map((file) => file.text).join("\n");
  return {
    minifiedBytes: files.reduce((sum, file) => sum + file.contents.byteLength, 0),
    gzipBytes: files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0),
    byPackage: packageShares(outputs, loaded),
    ...(unresolved ? { unresolved } : {}),
    validatorBytes: sumBytes(validatorInputs([...loaded].map((name) => outputs[name]!))),
    allValidatorBytes: sumBytes(validatorInputs(Object.values(outputs))),
    validatorsLoaded: validatorInputs([...loaded].map((name) => outputs[name]!)).map(([path]) => VALIDATOR.exec(path)![1]!).sort(),
    otherOperations: Object.values(operations)
      .filter((operation) => operation.id !== "UpdateVpcPeering" && text.includes(JSON.stringify(operation.path)))
      .map((operation) => operation.id),
    files: { loaded: loaded.size, total: Object.keys(outputs).length },
    notLoaded: Object.entries(outputs)
      .filter(([name, output]) => !loaded.has(name) && output.entryPoint !== undefined)
      .map(([, output]) => output.entryPoint!)
      .sort(),
  };
}

const VALIDATOR = /generated\/validators\/([^/]+)\.[jt]s$/;

type Outputs = Metafile["outputs"];

/** The generated validator modules among the inputs of `files`, with their bytes in the output. */
function validatorInputs(files: Outputs[string][]): [string, { bytesInOutput: number }][] {
  return files.flatMap((file) => Object.entries(file.inputs)).filter(([path]) => VALIDATOR.test(path));
}

function sumBytes(inputs: [string, { bytesInOutput: number }][]): number {
  return inputs.reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}

/** The metafile's name of an output file: its path from the build's working directory. */
function relative(path: string): string {
  return path.slice(root.length);
}

/** The entry file, what it imports statically, and the one dynamic import the call makes, with their static imports. */
function loadedFiles(outputs: Metafile["outputs"]): Set<string> {
  const loaded = new Set<string>();
  const visit = (name: string) => {
    // Imports left to the platform (Node built-ins) are not files of the build.
    if (loaded.has(name) || outputs[name] === undefined) return;
    loaded.add(name);
    for (const { path, kind } of outputs[name]!.imports) {
      if (kind === "import-statement" || (kind === "dynamic-import" && LOADED_BY_THE_CALL.test(outputs[path]?.entryPoint ?? ""))) visit(path);
    }
  };
  for (const [name, output] of Object.entries(outputs)) if (output.entryPoint === "app.ts") visit(name);
  return loaded;
}

function packageShares(outputs: Metafile["outputs"], loaded: Set<string>): Map<string, number> {
  const shares = new Map<string, number>();
  for (const name of loaded) {
    for (const [path, { bytesInOutput }] of Object.entries(outputs[name]!.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      // Our own code by top folder: src/, and generated/ (the compiled validators are most of it).
      const name = match?.[1] ?? `${path.split("/")[0]}/`;
      shares.set(name, (shares.get(name) ?? 0) + bytesInOutput);
    }
  }
  return shares;
}

export async function bundleSizes(): Promise<{
  ours: Record<Platform, BundleSize>;
  core: Record<Platform, BundleSize>;
  official: Record<Platform, BundleSize>;
  scale: { signedFetch: BundleSize; validatedSignedFetch: BundleSize };
}> {
  return {
    ours: { node: await measure(OURS_APP, "node"), browser: await measure(OURS_APP, "browser") },
    core: { node: await measure(CORE_APP, "node"), browser: await measure(CORE_APP, "browser") },
    official: { node: await measure(OFFICIAL_APP, "node"), browser: await measure(OFFICIAL_APP, "browser") },
    scale: { signedFetch: await measure(SIGNED_FETCH_APP, "browser"), validatedSignedFetch: await measure(SIGNED_FETCH_VALIDATED_APP, "browser") },
  };
}
