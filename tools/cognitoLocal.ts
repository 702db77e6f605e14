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

export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dataFolder = mkdtempSync(path.join(tmpdir(), 'cognito-local-'));
  const startScript = require.resolve('cognito-local/lib/bin/start.js');
  const server: ChildProcess = spawn(process.execPath, [startScript], {
    cwd: dataFolder,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_NO_WARNINGS: '1', DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
