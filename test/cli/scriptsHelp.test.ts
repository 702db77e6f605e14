import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../cli/projectRoot';

const root = projectRoot();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scripts } = require('../../package.json') as { scripts: Record<string, string> };
// The project's own programs; build, test, lint, typecheck and format are the tools' own commands,
// prepare is npm's hook that writes the generated models.
const PROGRAMS = ['start', 'bench', 'invoke', 'plan', 'export', 'package', 'generate'];

function bundleTimes(): number[] {
  return ['dist/handlers.js', 'client-settings/dist/handlers.js', 'src/models.ts']
    .map((file) => path.join(root, file))
    .map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0));
}

describe('every script answers --help without side effects', () => {
  it('lists exactly the programs this test covers', () => {
    const covered = Object.keys(scripts).filter(
      (name) => !['build', 'test', 'lint', 'typecheck', 'format', 'prepare'].includes(name),
    );
    expect(covered.sort()).toEqual([...PROGRAMS].sort());
  });

  it.each(PROGRAMS)(
    'npm run %s -- --help prints its usage, builds no handler and writes no models',
    (name) => {
      const before = bundleTimes();
      const output = execFileSync('npm', ['run', '--silent', name, '--', '--help'], { cwd: root, encoding: 'utf8' });
      expect(output).toMatch(/^usage: npm (start|run \w+)/);
      expect(bundleTimes()).toEqual(before);
    },
    60_000,
  );
});
