/** How a benchmark measure compares to its target: said plainly when it misses, so a table never hides one. */
export function againstTarget(value: number, limit: number): string {
  return value <= limit ? `(target ≤ ${limit})` : `**MISSES the target ≤ ${limit}**`;
}
