/**
 * `npm run bench:cold`: only the cold-start rows of the bench (see
 * cold-start.ts), for work on start-up time without the whole run.
 * Takes the number of rounds as its argument (default 15).
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { builtClient } from "./built-client.ts";
import { coldStarts, coldVariants } from "./cold-start.ts";
import { median } from "./stats.ts";

const rounds = Number(process.argv[2] ?? 15);
const built = await builtClient();
const server = fork(fileURLToPath(new URL("server.ts", import.meta.url)), [], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const port = await new Promise<number>((resolve) => server.once("message", (message) => resolve((message as { port: number }).port)));
try {
  const variants = coldVariants(built);
  const runs = await coldStarts(variants, port, rounds);
  const official = median(runs.get(variants.at(-1)!.name)!.map((run) => run.importAndCallMs));
  for (const [name, own] of runs) {
    const call = median(own.map((run) => run.importAndCallMs));
    const exits = own.map((run) => run.exitAfterMs).filter((value) => value !== undefined);
    console.log(
      [
        name.padEnd(48),
        `call ${call.toFixed(1)} ms (${(official / call).toFixed(2)}×)`,
        `wall ${median(own.map((run) => run.wallMs)).toFixed(1)} ms`,
        exits.length > 0 ? `exit after ${median(exits).toFixed(1)} ms (max ${Math.max(...exits).toFixed(1)})` : "exit: process.exit",
        `RSS ${(median(own.map((run) => run.maxRssKb)) / 1024).toFixed(1)} MB (max ${(Math.max(...own.map((run) => run.maxRssKb)) / 1024).toFixed(1)})`,
      ].join(" | "),
    );
  }
} finally {
  server.disconnect();
}
