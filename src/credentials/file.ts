import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { AbortError, CredentialsNotFoundError, ValidationError } from "../errors.ts";
import { ENVIRONMENT_VARIABLES } from "./env.ts";
import { type CredentialProvider, type Environment, processEnvironment, type ProvidedCredentials } from "./provider.ts";

/**
 * The section for project-scoped services in the credentials file Huawei's
 * SDKs share; `[global]` is for global services and is not read here.
 */
export const CREDENTIALS_FILE_SECTION = "basic";

/** Keys of the `[basic]` section, as Huawei's SDKs name them. */
const KEYS = { ak: "ak", sk: "sk", securityToken: "security_token", projectId: "project_id" } as const;

export interface CredentialsFileOptions {
  /** The file to read; else HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials. */
  path?: string | undefined;
  /** Where HUAWEICLOUD_SDK_CREDENTIALS_FILE is looked up; the process environment when absent. */
  env?: Environment | undefined;
  /** The home directory of the default path; the user's when absent. */
  homeDir?: string | undefined;
}

/**
 * Credentials from the INI file Huawei's SDKs share (Go, Java, Python and
 * Node read the same one), e.g.
 *
 *   [basic]
 *   ak = ...
 *   sk = ...
 *   security_token = ...   ; optional, for temporary credentials
 *   project_id = ...       ; optional
 *
 * Read on every call. A missing default file, or one without a `[basic]`
 * section holding keys, gives CredentialsNotFoundError; a file that was named
 * explicitly but is missing, or a section with half a key pair, is an error.
 */
export function fromFile(options: CredentialsFileOptions = {}): CredentialProvider {
  return async (signal) => {
    const env = options.env ?? processEnvironment();
    const named = options.path ?? (env[ENVIRONMENT_VARIABLES.credentialsFile] || undefined);
    const path = named ?? join(options.homeDir ?? homedir(), ".huaweicloud", "credentials");
    const source = `credentials file ${path}`;
    const text = await readText(path, signal);
    if (text === undefined) {
      if (named === undefined) throw new CredentialsNotFoundError([{ source, reason: "no such file" }]);
      const by = options.path === undefined ? ENVIRONMENT_VARIABLES.credentialsFile : "the path option";
      throw new ValidationError("credentials", [{ field: path, rule: "exists", message: `is named by ${by} but does not exist` }]);
    }
    // Imported here, not at the top: loading this CommonJS parser is ~7 ms of every cold start, and most clients never read the file.
    const { parse } = await import("ini");
    // Huawei's INI reader (go-ini) reads a section header indented like its keys; this one would take it for a key.
    return fromSection(parse(text.replace(/^[\t ]+/gm, ""))[CREDENTIALS_FILE_SECTION], path, source);
  };
}

function fromSection(section: unknown, path: string, source: string): ProvidedCredentials {
  if (typeof section !== "object" || section === null) {
    throw new CredentialsNotFoundError([{ source, reason: `no [${CREDENTIALS_FILE_SECTION}] section` }]);
  }
  const values = section as Record<string, unknown>;
  const field = (key: string) => `${path} [${CREDENTIALS_FILE_SECTION}] ${key}`;
  // The INI reader turns `true`, `false` and repeated `key[]` into other types; none is a credential.
  const read = (key: string): string | undefined => {
    const value = values[key];
    if (value === undefined || value === "") return undefined;
    if (typeof value !== "string") {
      throw new ValidationError("credentials", [{ field: field(key), rule: "type", message: "must be a plain string" }]);
    }
    return value;
  };
  const ak = read(KEYS.ak);
  const sk = read(KEYS.sk);
  const securityToken = read(KEYS.securityToken);
  const projectId = read(KEYS.projectId);
  if (ak === undefined && sk === undefined) {
    throw new CredentialsNotFoundError([{ source, reason: `[${CREDENTIALS_FILE_SECTION}] has no ak and sk` }]);
  }
  if (ak === undefined || sk === undefined) {
    const missing = ak === undefined ? KEYS.ak : KEYS.sk;
    const present = ak === undefined ? KEYS.sk : KEYS.ak;
    throw new ValidationError("credentials", [{ field: field(missing), rule: "required", message: `must be set when ${present} is` }]);
  }
  return {
    ak,
    sk,
    ...(securityToken === undefined ? {} : { securityToken }),
    ...(projectId === undefined ? {} : { projectId }),
  };
}

/**
 * The file's text, or undefined when there is no such file. A byte order
 * mark is dropped (Notepad writes one, and the INI reader would take
 * `\uFEFF[basic]` for a key), and one of UTF-16LE, what PowerShell 5's `>`
 * writes, decodes the file as such.
 */
async function readText(path: string, signal: AbortSignal | undefined): Promise<string | undefined> {
  try {
    const bytes = await readFile(path, { signal });
    return new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : "utf-8").decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: ~/.huaweicloud is a file, so there is no credentials file under it either.
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "ABORT_ERR") throw new AbortError("credentials file read aborted", { cause: signal?.reason });
    throw new ValidationError("credentials", [
      { field: path, rule: "readable", message: `could not be read (${code ?? "unknown error"})` },
    ]);
  }
}
