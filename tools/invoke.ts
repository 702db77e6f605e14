// npm run invoke: one handler action, as CloudFormation sends it.
import { main } from '../cli/invoke';
import { runProgram } from '../cli/program';

runProgram(main);
