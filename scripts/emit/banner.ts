/** The first line of every generated file: what made it, from what, and how to remake it. */
export function banner(source: string): string {
  return `Generated from ${source} by \`npm run generate\` (scripts/generate.ts). Do not edit: change the spec and regenerate.`;
}
