import { runCli } from './run.ts';

/** `precis …` / `npm run precis -- …`: see run.ts for the commands. */
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
