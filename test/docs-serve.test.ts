import { describe, expect, it } from "vitest";
import { makeSelfContained } from "../scripts/docs.ts";
import { withLiveReload } from "../scripts/docs-serve.ts";

/** A page shaped like Redocly's: the inlined bundle holds "</body>" in strings of its own. */
const built = makeSelfContained(`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf8" />
  <title>t</title>
</head>
<body>
  <div id="redoc"></div>
  <script type="module">
    const shell = "<html><body></body></html>"; const badge = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
    const __redoc_definition = {}; const __redoc_options = {"disableTelemetry":true};
  </script>
</body>
</html>
`);

describe("docs:serve page", () => {
  it("adds the reload script after the bundle, just before the page's own </body>", () => {
    const served = withLiveReload(built, 7);
    const script = served.indexOf("new EventSource(");
    expect(script).toBeGreaterThan(served.indexOf("</script>"));
    expect(served.slice(script)).toMatch(/^[^]*<\/script>\n<\/body>\n<\/html>\n$/);
    expect(served).toContain(`event.data !== "7"`);
  });

  it("lets only the served copy connect, and only to its own server", () => {
    expect(built).toContain("connect-src 'none'");
    const served = withLiveReload(built, 1);
    expect(served).toContain("connect-src 'self'");
    expect(served).not.toContain("connect-src 'none'");
  });
});
