import type { Send } from "../layers.ts";
import type { ClientConfig } from "../options.ts";
import { withSigning } from "./aksk.ts";
import { withToken } from "./token.ts";

/** The authentication layer a client's credentials call for: an IAM token, or AK/SK signing. */
export function withAuth(next: Send, config: Pick<ClientConfig, "credentials" | "projectId">): Send {
  const { credentials } = config;
  if ("token" in credentials) return withToken(next, credentials.token);
  return withSigning(next, credentials, { projectId: config.projectId });
}
