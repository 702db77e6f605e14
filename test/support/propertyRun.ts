import * as fc from 'fast-check';

/** One case of a property run: what went wrong (nothing when it holds), and how it ended. */
export interface CaseResult {
  violations: string[];
  /** Outcomes to count across the run, e.g. `CREATE SUCCESS`. */
  outcomes?: string[];
}

/**
 * Runs a property over sampled cases, one after another (each drives the emulator). CI
 * runs `defaultRuns`; PROPERTY_CASES runs more and prints cases, violations, seed, time
 * and outcomes; PROPERTY_SEED replays a run. Fails with the first few violating cases.
 */
export async function checkProperty<Case>(
  name: string,
  cases: fc.Arbitrary<Case>,
  defaultRuns: number,
  check: (sample: Case, index: number) => Promise<CaseResult>,
): Promise<void> {
  const runs = Number(process.env.PROPERTY_CASES ?? defaultRuns);
  const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
  const started = Date.now();
  const failures: string[] = [];
  const outcomes: Record<string, number> = {};
  for (const [index, sample] of fc.sample(cases, { numRuns: runs, seed }).entries()) {
    const result = await check(sample, index);
    for (const outcome of result.outcomes ?? []) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (result.violations.length > 0) {
      failures.push(`case ${index} ${JSON.stringify(sample)}\n  ${result.violations.join('\n  ')}`);
    }
  }
  if (process.env.PROPERTY_CASES) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const counted = Object.keys(outcomes).length > 0 ? `; outcomes ${JSON.stringify(outcomes)}` : '';
    process.stderr.write(
      `property (${name}): ${runs} cases, ${failures.length} with violations, seed ${seed}, ${seconds} s${counted}\n`,
    );
  }
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} of ${runs} cases violate the model; rerun with PROPERTY_SEED=${seed}\n${failures.slice(0, 3).join('\n')}`,
    );
  }
}
