/**
 * One line per step of a long job: a spinner with the elapsed time while it
 * runs on a terminal, then a ✓ or ✗ with how long it took. Without a
 * terminal (CI, pipes) only the final lines are written.
 */
const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export async function step<T>(label: string, work: () => Promise<T>, summary?: (result: T) => string): Promise<T> {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const tty = process.stdout.isTTY === true;
  let frame = 0;
  const timer = tty
    ? setInterval(() => process.stdout.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds()}`), 80)
    : undefined;
  const clear = () => {
    clearInterval(timer);
    if (tty) process.stdout.write("\r\x1b[2K");
  };
  try {
    const result = await work();
    clear();
    console.log(`✓ ${label} (${seconds()})${summary ? `: ${summary(result)}` : ""}`);
    return result;
  } catch (error) {
    clear();
    console.log(`✗ ${label} (${seconds()})`);
    throw error;
  }
}
