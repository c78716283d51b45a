/**
 * Vitest setup: a process warning in a test worker (a listener leak, a
 * deprecation) fails the run instead of scrolling past in its output.
 */
process.on("warning", (warning) => {
  throw warning;
});
