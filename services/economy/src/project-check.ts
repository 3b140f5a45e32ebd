import { UserInputError } from '@helhed/errors';
import type { EconomyContext } from './context';

/** A mutation gets no @requires: the family subgraph is asked whether the project exists (with the caller's identity). */
export async function mustBeProject(ctx: EconomyContext, projectId: string) {
  const caller = { forwardedIdentity: ctx.forwardedIdentity, requestId: ctx.requestId };
  if (!(await ctx.directory.projects([projectId], caller)).has(projectId)) {
    throw new UserInputError('input.projectId', 'There is no project with this id in your municipality');
  }
}
