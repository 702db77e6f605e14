// npm run plan: what a template would change, nothing written.
import { main } from '../cli/plan';
import { runProgram } from '../cli/program';

runProgram(main);
