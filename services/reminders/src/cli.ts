import { runReminderCommand } from './operator/command';

/** `npm run reminders -- --day YYYY-MM-DD [--municipality 630] [--dry-run]` (see `operator/command.ts`). */
runReminderCommand(process.argv.slice(2), process.env, console).then(
  ({ code }) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`reminders: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
