/** The flags the plan and export commands share, parsed strictly: an unknown flag is named. */
export interface CliArguments {
  poolId?: string;
  real: boolean;
  endpoint?: string;
  json: boolean;
  help: boolean;
  files: string[];
}

const VALUE_FLAGS = new Set(['--pool', '--endpoint']);
const SWITCHES = new Set(['--real', '--json', '--help', '-h']);

export function parseArguments(argv: string[]): CliArguments {
  const parsed: CliArguments = { real: false, json: false, help: false, files: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (VALUE_FLAGS.has(arg)) {
      const value = argv[(index += 1)];
      if (!value || value.startsWith('-')) throw new Error(`${arg} needs a value`);
      if (arg === '--pool') parsed.poolId = value;
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
