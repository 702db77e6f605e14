import { parseArgs, type ParseArgsConfig } from 'node:util';
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
  /** export: the SettingsName the exported resource declares. */
  settingsName?: string;
}

/**
 * Node's own parser for every program: `--pool ID` and `--pool=ID` alike, switches that take
 * no value, and an unknown option or a missing value refused with its name.
 */
export function parseProgramArguments<const Options extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: Options,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message ends with advice about `--`; the usage that follows says more.
    throw new Error((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function parseArguments(argv: string[]): CliArguments {
  const { values, positionals } = parseProgramArguments(argv, {
    pool: { type: 'string' },
    client: { type: 'string' },
    endpoint: { type: 'string' },
    real: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    'settings-name': { type: 'string' },
  });
  for (const name of ['pool', 'client', 'endpoint', 'settings-name'] as const) {
    const value = values[name];
    if (value !== undefined && (value === '' || value.startsWith('-'))) throw new Error(`--${name} needs a value`);
  }
  return {
    poolId: values.pool,
    clientId: values.client,
    endpoint: values.endpoint,
    real: values.real ?? false,
    json: values.json ?? false,
    help: values.help ?? false,
    files: positionals,
    ...(values['settings-name'] ? { settingsName: values['settings-name'] } : {}),
  };
}

/** A command's answer that is not a failure of the command: its message and exit code. */
export class ExitWith extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
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
    return error instanceof ExitWith ? error.code : 2;
  }
}
