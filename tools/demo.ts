// npm start: the demo of both types on the embedded local Cognito.
import { main } from '../cli/demo';
import { runProgram } from '../cli/program';

runProgram(main);
