import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A cognito-local server on a free port with its own fresh data folder. */
export interface CognitoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

const READY = /Cognito Local running on (https?:\/\/[\w.:[\]-]+)/;
// cognito-local colours its log; the escape codes are removed before matching.
const ANSI_ESCAPE = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');

/** Emulators this process started and has not stopped yet. */
const running = new Set<ChildProcess>();

/**
 * The emulator never outlives the program that started it, on any exit path: a normal
 * exit or process.exit (the 'exit' hook below), an uncaught error, a closed output pipe or
 * a signal (the programs exit through process.exit, see exitCleanlyOnSignals), even
 * SIGKILL: the child watches its stdin, a pipe from this process, and exits when it closes.
 */
process.on('exit', () => {
  for (const server of running) server.kill('SIGTERM');
});

// Runs cognito-local in this child, and ends the child when the parent's end of its stdin closes.
const WATCHED_START = `process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume();
require(process.env.COGNITO_LOCAL_START);`;

export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dataFolder = mkdtempSync(path.join(tmpdir(), 'cognito-local-'));
  const startScript = require.resolve('cognito-local/lib/bin/start.js');
  const server: ChildProcess = spawn(process.execPath, ['-e', WATCHED_START], {
    cwd: dataFolder,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_NO_WARNINGS: '1',
      DEBUG: '',
      COGNITO_LOCAL_START: startScript,
      // Names the process that owns it, so a test can find an orphan.
      COGNITO_LOCAL_OWNER: String(process.pid),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(server);
  server.once('exit', () => running.delete(server));
  // The pipe is the watchdog, not a reason to keep this process alive.
  (server.stdin as unknown as { unref?: () => void })?.unref?.();
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`cognito-local did not start: ${output}`)), 20_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output.replace(ANSI_ESCAPE, ''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cognito-local exited with ${code}: ${output}`));
    });
  });
  // Keep draining its log so the pipe never fills up and blocks the server.
  server.stdout?.resume();
  server.stderr?.resume();
  return {
    endpoint,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

/**
 * For the command-line programs: SIGINT, SIGTERM and a closed output pipe (`npm start |
 * head`) end the program through process.exit, so the 'exit' hook stops its emulators.
 */
export function exitCleanlyOnSignals(): void {
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
