/**
 * Consumers compiling with `exactOptionalPropertyTypes` may pass `undefined`
 * for any option left out, e.g. `projectId: process.env.PROJECT_ID`, since
 * every option the client reads treats `undefined` as absent; and the same
 * for the spec's optional parameters and body fields (`{ name: maybeName }`),
 * which JSON and query strings leave out when unset. Compiled the
 * way a consumer's compiler would, through TypeScript's own API.
 */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const file = path.join(root, "test", "types", "exact-optional-probe.ts");
const source = `
import { cachedCredentials, createClient, defaultCredentialChain, fromEcsMetadata, fromEnv, fromFile } from "../../src/index.ts";
import { startMockCloud } from "../../src/mock/index.ts";
declare const text: string | undefined;
declare const count: number | undefined;
declare const flag: boolean | undefined;
declare const signal: AbortSignal | undefined;
const client = createClient({
  credentials: undefined, region: text, endpoints: undefined, allowInsecureHttp: flag, projectId: text, fetch: undefined,
  proxy: text, ca: text, headers: undefined, userAgent: text, validate: flag, timeout: count, maxResponseBytes: count,
  retry: { maxAttempts: count, baseDelayMs: count, maxDelayMs: count, deadlineMs: count, retryOnStatus: undefined, onAttempt: undefined, onRetry: undefined },
});
void createClient({ credentials: { ak: "a", sk: "s", securityToken: text } });
void createClient({ credentials: async () => ({ ak: "a", sk: "s", securityToken: text, projectId: text, expiresAt: undefined }) });
void client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }, { signal, headers: undefined, timeout: count, retry: { maxAttempts: count } });
void client.iam.keystoneListProjects({ name: text, enabled: flag, page: count, per_page: count });
void client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: text, description: text } } });
void client.evs.cinderUpdateSnapshot({ snapshot_id: "s", project_id: text, body: { snapshot: { name: text, description: text } } });
void client.raw.iam.GET("/v3/projects", { params: { query: { name: text } } });
void fromEnv({ env: undefined });
void fromFile({ path: text, env: undefined, homeDir: text });
void defaultCredentialChain({ env: undefined, homeDir: text });
void fromEcsMetadata({ baseUrl: text, timeoutMs: count, fetch: undefined });
void cachedCredentials(fromEnv(), { refreshBeforeMs: count, timeoutMs: count, now: undefined });
void startMockCloud({ port: count, host: text, credentials: undefined, faults: undefined, seed: count, now: undefined, clockSkewMs: count, maxLoggedRequests: count, maxLoggedBodyBytes: count });
`;

describe("a consumer compiling with exactOptionalPropertyTypes", () => {
  it("may pass undefined for every option, optional parameter and optional body field it leaves out", () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const options = { ...config.options, exactOptionalPropertyTypes: true, noEmit: true };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) =>
      name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || fileExists(name);
    const program = ts.createProgram([file], options, host);
    const messages = ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n").split("\n")[0]);
    expect(messages).toEqual([]);
  });
});
