// Entry point of the `paper-study` executable.
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});
