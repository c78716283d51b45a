/**
 * A browser's fetch sends its own User-Agent whatever the page sets, so a
 * signed one would not match what the gateway receives (401): in browsers
 * the header is neither set nor signed.
 */
export function userAgentHeader(_userAgent: string): Record<string, string> {
  return {};
}
