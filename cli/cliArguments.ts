import { connect, type ConnectionOptions, type PoolConnection } from './poolConnection';

/** The flags the plan and export commands share, parsed strictly: an unknown flag is named. */
export interface CliArguments {
  poolId?: string;
  clientId?: string;
  real: boolean;
  endpoint?: string;
  json: boolean;
  help: boolean;
  files: string[];
}

const VALUE_FLAGS = new Set(['--pool', '--client', '--endpoint']);
const SWITCHES = new Set(['--real', '--json', '--help', '-h']);

export function parseArguments(argv: string[]): CliArguments {
  const parsed: CliArguments = { real: false, json: false, help: false, files: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (VALUE_FLAGS.has(arg)) {
      const value = argv[(index += 1)];
      if (!value || value.startsWith('-')) throw new Error(`${arg} needs a value`);
      if (arg === '--pool') parsed.poolId = value;
      else if (arg === '--client') parsed.clientId = value;
      else parsed.endpoint = value;
    } else if (SWITCHES.has(arg)) {
      if (arg === '--real') parsed.real = true;
      else if (arg === '--json') parsed.json = true;
      else parsed.help = true;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      parsed.files.push(arg);
    }
  }
  return parsed;
}

/**
 * Runs a command that works on one pool: `--help` prints the usage (exit 0); bad flags
 * and failures print their message (exit 2); otherwise `run` decides the exit code.
 * The connection (and an embedded emulator) is closed whatever happens.
 */
export async function runPoolCommand(
  argv: string[],
  usage: string,
  run: (args: CliArguments, connection: PoolConnection) => Promise<number>,
  checkArguments: (args: CliArguments) => string | undefined,
  /** Whether the command works on an app client too (the emulator then makes one). */
  needsClient: (args: CliArguments) => boolean = () => false,
  /** What the emulator's pool must differ in for the command's file. */
  poolChanges: (args: CliArguments) => ConnectionOptions['poolChanges'] = () => undefined,
): Promise<number> {
  try {
    const args = parseArguments(argv);
    if (args.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const problem = checkArguments(args);
    if (problem) throw new Error(`${problem}\n${usage}`);
    const connection = await connect({
      ...args,
      withClient: needsClient(args),
      poolChanges: args.real || args.endpoint ? undefined : poolChanges(args),
    });
    try {
      return await run(args, connection);
    } finally {
      await connection.close();
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
}
