import { exitCleanlyOnSignals } from '../test/support/cognitoLocal';

/**
 * Runs a program's main as its process: an emulator it starts never outlives it (signals,
 * a closed pipe), and its answer is the exit code.
 */
export function runProgram(main: (args: string[]) => Promise<number>): void {
  exitCleanlyOnSignals();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
