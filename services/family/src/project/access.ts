import { isRealDate } from '@helhed/calendar';
import { decodeCursor, pageSize, type PageArgs } from '@helhed/db';
import { ForbiddenError, UserInputError } from '@helhed/errors';
import { authorize } from '@helhed/identity';
import type { FamilyContext } from '../context';
import { isUuid } from '../ids';
import type { ProjectEntity } from './project.entity';
import { mayManageProjects } from './project';

/** Loads a project of the caller's municipality; another municipality's project does not exist for the caller. */
export async function visibleProject(ctx: FamilyContext, id: string): Promise<ProjectEntity | null> {
  authorize(ctx.identity, {
    municipality: ctx.identity.municipality,
    category: 'BASIC',
    operation: 'read',
    what: 'Projects',
  });
  if (!isUuid(id)) return null;
  const project = await ctx.loaders.project.load(id);
  return project && project.municipalityCode === ctx.identity.municipality ? project : null;
}

/** Project leads and administrators of the caller's own municipality steer its project. */
export function requireProjectManager(ctx: FamilyContext, what: string): void {
  authorize(ctx.identity, { municipality: ctx.identity.municipality, category: 'BASIC', operation: 'read', what });
  if (!mayManageProjects(ctx.identity.roles)) {
    throw new ForbiddenError(`Only project leads and administrators change ${what}`);
  }
}

/** A caseworker by id, or null when the id cannot name one. */
export const caseworkerById = (ctx: FamilyContext, id: string) =>
  isUuid(id) ? ctx.loaders.caseworker.load(id) : Promise.resolve(null);

/**
 * Checks a page request before it reaches SQL: the page size, and that the
 * cursor is one this list gave out (its sort value and id of the right kind).
 */
export function checkedPage(args: PageArgs, valid: (value: string, id: string) => boolean) {
  const first = pageSize(args);
  if (!args.after) return { first, after: null };
  const [value, id] = decodeCursor(args.after);
  if (!valid(value, id)) throw new UserInputError('after', 'The cursor is not one this list gave out');
  return { first, after: { value, id } };
}

/** A cursor of a list sorted by a date, then by id. */
export const dateAndUuid = (value: string, id: string) => isRealDate(value) && isUuid(id);
