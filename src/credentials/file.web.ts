/**
 * The credentials file where there is no file system (browsers, workers):
 * the same exports as file.ts, chosen by the `#credentials-file` import, so
 * the default chain bundles without node:fs or an INI reader.
 */
import { CredentialsNotFoundError } from "../errors.ts";
import type { CredentialProvider, Environment } from "./provider.ts";

export const CREDENTIALS_FILE_SECTION = "basic";

export interface CredentialsFileOptions {
  path?: string | undefined;
  env?: Environment | undefined;
  homeDir?: string | undefined;
}

export function fromFile(_options: CredentialsFileOptions = {}): CredentialProvider {
  return async () => {
    throw new CredentialsNotFoundError([{ source: "credentials file", reason: "this runtime has no file system" }]);
  };
}
