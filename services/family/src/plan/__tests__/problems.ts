import { UserInputError, UserInputErrors } from '@helhed/errors';

/** The field paths of the input problems `fn` throws (empty when it accepts). */
export function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserInputErrors) return e.problems.map((p) => p.field);
    if (e instanceof UserInputError) return [e.field];
    throw e;
  }
  return [];
}
