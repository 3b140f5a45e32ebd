import DataLoader from 'dataloader';
import { batchScheduleFn, rowLoader } from '@helhed/db';
import type { CallerHeaders, DirectoryPerson, FamilyDirectory } from '@helhed/family-directory';
import type { RegistrationStore } from './registration-store';

/** Per-request DataLoaders of the registration: confirmations by `personId|month`. */
export function registrationLoaders(store: RegistrationStore, municipalityCode: string) {
  return {
    confirmation: rowLoader(
      (keys: readonly string[]) => store.byKeys(municipalityCode, keys),
      (c) => `${c.personId}|${c.month}`,
    ),
  };
}

const personLoaders = new WeakMap<object, DataLoader<string, DirectoryPerson | null>>();

/** One question to the family subgraph per request for the persons a request needs (age, role, family). */
export function directoryPersons(ctx: CallerHeaders & { directory: FamilyDirectory }) {
  let loader = personLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, DirectoryPerson | null>(
      async (ids) => {
        const found = await ctx.directory.persons(ids, ctx);
        return ids.map((id) => found.get(id) ?? null);
      },
      { batchScheduleFn },
    );
    personLoaders.set(ctx, loader);
  }
  return loader;
}
