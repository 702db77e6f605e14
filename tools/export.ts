// npm run export: a template of a pool's or app client's current settings.
import { main } from '../cli/export';
import { runProgram } from '../cli/program';

runProgram(main);
