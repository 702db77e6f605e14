import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../cli/projectRoot';

const root = projectRoot();
const DEMO = path.join(root, 'build', 'tools', 'demo.js');

/** Emulators started by `ownerPid` (startCognitoLocal marks them) that are still running. */
function emulatorsOwnedBy(ownerPid: number): number[] {
  // `ps e` prints each command with its environment, on Linux (procps) and macOS alike.
  const listing = execFileSync('ps', ['eww', '-A', '-o', 'pid=,command='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter(
      (line) => line.includes(`COGNITO_LOCAL_OWNER=${ownerPid} `) || line.endsWith(`COGNITO_LOCAL_OWNER=${ownerPid}`),
    )
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

beforeAll(async () => {
  // The demo as `npm start` runs it: the bundled handler and the compiled tool.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await require(path.join(root, 'scripts', 'bundle.js')).bundleAll();
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, [path.join(root, 'scripts', 'build-tools.js')], { stdio: 'ignore' });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build-tools exited ${code}`))));
  });
}, 60_000);

describe('the demo never leaves its emulator running', () => {
  it.each([
    ['a reader that closes its end of the pipe early (npm start | head)', 'pipe'],
    ['SIGINT (Ctrl-C)', 'SIGINT'],
    ['SIGTERM', 'SIGTERM'],
    ['SIGKILL, which no handler sees', 'SIGKILL'],
  ])(
    '%s',
    async (_name, how) => {
      expect(existsSync(DEMO)).toBe(true);
      const demo = spawn(process.execPath, ['--no-warnings', DEMO], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
      const exited = new Promise<void>((resolve) => demo.once('exit', () => resolve()));
      let output = '';
      demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // Once the emulator is up, end the demo the chosen way.
      expect(await waitUntil(() => output.includes('listening at'), 30_000)).toBe(true);
      expect(emulatorsOwnedBy(demo.pid ?? 0).length).toBeGreaterThan(0);
      if (how === 'pipe') demo.stdout.destroy();
      else demo.kill(how as NodeJS.Signals);
      await exited;
      expect(await waitUntil(() => emulatorsOwnedBy(demo.pid ?? 0).length === 0, 10_000)).toBe(true);
    },
    60_000,
  );
});
