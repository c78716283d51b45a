/**
 * `npm run docs:serve`: the docs on http://127.0.0.1:8080/, regenerated and
 * rebuilt whenever a file under openapi/ or the docs intro changes, and
 * reloaded in every open browser tab. Redocly's own `preview` command
 * downloads a server package on first use; this one needs nothing but Node.
 */
import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildDocs, DEFAULT_DOCS_OUT, INTRO_PATH } from "./docs.ts";
import { DEFAULT_OUT, DEFAULT_SPEC, generateFiles, writeFiles } from "./generate.ts";
import { watchTree } from "./watch-tree.ts";

const EVENTS_PATH = "/__docs-events";

/**
 * The built page plus a script that reloads it once the server reports a
 * newer build than the one served, including builds finished while it was
 * reloading. The page's policy forbids every connection; the served copy may
 * reach its own server.
 */
export function withLiveReload(html: string, build: number): string {
  const script = `<script>new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener("build", (event) => { if (event.data !== "${build}") location.reload(); });</script>`;
  const page = html.replace("connect-src 'none'", "connect-src 'self'");
  // The last one: Redoc's inlined bundle holds "</body>" in strings of its own.
  const end = page.lastIndexOf("</body>");
  return end === -1 ? `${page}${script}\n` : `${page.slice(0, end)}${script}\n${page.slice(end)}`;
}

const buildEvent = (build: number) => `event: build\ndata: ${build}\n\n`;

/** Regenerates generated/ from the spec, then the page from what was just written. */
async function rebuild(): Promise<string> {
  const started = performance.now();
  await writeFiles(await generateFiles(DEFAULT_SPEC), DEFAULT_OUT);
  const { bytes } = await buildDocs();
  return `${DEFAULT_DOCS_OUT} (${(bytes / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  const listeners = new Set<ServerResponse>();
  /** Number of the latest successful build. */
  let build = 0;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
      response.write(buildEvent(build));
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
      return;
    }
    if (url.pathname !== "/" && url.pathname !== "/index.html") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
      return;
    }
    try {
      const html = withLiveReload(await readFile(DEFAULT_DOCS_OUT, "utf8"), build);
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(html);
    } catch {
      response.writeHead(503, { "Content-Type": "text/plain" }).end("The docs are not built yet; see the terminal.\n");
    }
  });

  // One build at a time; changes during a build queue exactly one more.
  let queue = Promise.resolve();
  let queued = false;
  const rebuildSoon = (): Promise<void> => {
    if (queued) return queue;
    queued = true;
    queue = queue.then(async () => {
      queued = false;
      try {
        const built = await rebuild();
        build += 1;
        for (const listener of listeners) listener.write(buildEvent(build));
        console.log(`rebuilt ${built}; told ${listeners.size} open page(s) to reload`);
      } catch (error) {
        console.error(`docs not rebuilt: ${error instanceof Error ? error.message : error}\nFix it and save again.`);
      }
    });
    return queue;
  };

  await rebuildSoon();
  server.on("error", (error) => {
    console.error(`cannot serve on ${values.host}:${values.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(Number(values.port), values.host, () => {
    console.log(`serving the docs on http://${values.host}:${values.port}/ (Ctrl-C stops)`);
    console.log(`watching ${path.dirname(DEFAULT_SPEC)}/ and ${path.relative(process.cwd(), INTRO_PATH)}; saved changes reload the page`);
  });

  let timer: NodeJS.Timeout | undefined;
  const onChange = () => {
    clearTimeout(timer);
    // Editors save in bursts; rebuild once the burst is over.
    timer = setTimeout(() => void rebuildSoon(), 150);
  };
  await watchTree(path.dirname(DEFAULT_SPEC), onChange);
  // The folder, not the file: editors that save by renaming would end a watch on the file itself.
  watch(path.dirname(INTRO_PATH), (_event, name) => {
    if (name === path.basename(INTRO_PATH)) onChange();
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
