import DataLoader from 'dataloader';
import { IDENTITY_HEADER, REQUEST_ID_HEADER } from '@helhed/identity';

/**
 * What another subgraph may ask the family subgraph while it validates a write
 * (a mutation cannot use Federation's `@requires`): does this person exist in
 * the caller's municipality, how old are they, which family are they in; what
 * is this plan activity (department, members, dates). The question is sent to
 * the family subgraph's `_entities` with the caller's own gateway-signed
 * identity, so the family subgraph applies its own rules to it, and nothing is
 * read from another service's database.
 */
export interface DirectoryPerson {
  id: string;
  birthDate: string;
  familyId: string;
  role: 'PARENT' | 'CHILD' | 'OTHER_ADULT';
}

export interface DirectoryActivity {
  id: string;
  familyId: string;
  department: 'FAMILY' | 'JOBCENTER' | 'HEALTH' | 'ECONOMY';
  sectorPlanKind: string;
  status: string;
  memberIds: string[];
  startsOn: string;
  endsOn: string | null;
  hoursPerWeek: number;
}

/**
 * What the caller may see today of a person's data of one category, as the
 * family subgraph decides it (`Person.accessForCaller`): the person's family,
 * whether the caller is on that family's team, and whether the sharing rule
 * (consent or another legal basis, or the caller's department owning the
 * category) lets the caller's department see it.
 */
export interface CallerAccess {
  personId: string;
  familyId: string;
  /** The day decided on (today in Denmark, in the family subgraph). */
  on: string;
  onTeam: boolean;
  sharingAllowed: boolean;
  /** Whether the caller leads a project the person's family is or was enrolled in (the project lead's rule). */
  isProjectLeadOfFamily: boolean;
}

export type DirectoryCategory = 'BASIC' | 'SOCIAL' | 'EMPLOYMENT' | 'HEALTH' | 'ECONOMY';

export interface FamilyDirectory {
  /** The persons that exist and that the caller may see; unknown ids are missing from the map. */
  persons(ids: readonly string[], caller: CallerHeaders): Promise<Map<string, DirectoryPerson>>;
  /** The plan activities that exist and that the caller may see. */
  activities(ids: readonly string[], caller: CallerHeaders): Promise<Map<string, DirectoryActivity>>;
  /**
   * The caller's access to the category of each person's data, in one request
   * to the family subgraph however many persons; persons the caller may not see are missing.
   */
  access(
    ids: readonly string[],
    category: DirectoryCategory,
    caller: CallerHeaders,
  ): Promise<Map<string, CallerAccess>>;
  /** The ids of the families that exist and that the caller may see. */
  families(ids: readonly string[], caller: CallerHeaders): Promise<Set<string>>;
  /**
   * The ids of each family's members, current and former (whose data a change of
   * the family's own records touches, e.g. for the audit); families the caller may
   * not see are missing.
   */
  members(familyIds: readonly string[], caller: CallerHeaders): Promise<Map<string, string[]>>;
  /** The ids of the projects that exist and that the caller may see. */
  projects(ids: readonly string[], caller: CallerHeaders): Promise<Set<string>>;
}

export interface CallerHeaders {
  forwardedIdentity: string;
  requestId: string;
}

export class FamilyDirectoryUnavailable extends Error {}

const PERSONS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Person { id directoryEntry { birthDate role familyId } } } }`;
const ACCESS = `query($r: [_Any!]!, $category: DataCategory!) { _entities(representations: $r) {
  ... on Person { id accessForCaller(category: $category) { familyId on onTeam sharingAllowed isProjectLeadOfFamily } } } }`;
const ACTIVITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on PlanActivity { id directoryEntry {
    familyId department sectorPlanKind status startsOn endsOn hoursPerWeek memberIds } } } }`;

const FAMILIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Family { id } } }`;
const MEMBERS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Family { id members { id } formerMembers { id } } } }`;
const PROJECTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id } } }`;

/** A directory that asks the family subgraph at `url` (its /graphql endpoint). */
export function createFamilyDirectory(url: string, options: { timeoutMs?: number } = {}): FamilyDirectory {
  const ask = async <T>(
    query: string,
    typename: string,
    ids: readonly string[],
    caller: CallerHeaders,
    variables: Record<string, unknown> = {},
  ) => {
    if (ids.length === 0) return [] as T[];
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: caller.forwardedIdentity,
          [REQUEST_ID_HEADER]: caller.requestId,
        },
        body: JSON.stringify({
          query,
          variables: { ...variables, r: ids.map((id) => ({ __typename: typename, id })) },
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new FamilyDirectoryUnavailable(`The family subgraph did not answer: ${(error as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as { data?: { _entities?: Array<T | null> } };
    if (!res.ok || !body.data?._entities) {
      throw new FamilyDirectoryUnavailable(`The family subgraph answered ${res.status}`);
    }
    // Entities the caller may not see come back as null (with an error); both mean "not known here".
    return body.data._entities.filter((e): e is T => e !== null && typeof e === 'object' && 'id' in e);
  };

  return {
    async persons(ids, caller) {
      const rows = await ask<{ id: string; directoryEntry: Omit<DirectoryPerson, 'id'> }>(
        PERSONS,
        'Person',
        [...new Set(ids)],
        caller,
      );
      return new Map(rows.map((p) => [p.id, { id: p.id, ...p.directoryEntry }]));
    },
    async access(ids, category, caller) {
      const rows = await ask<{
        id: string;
        accessForCaller: {
          familyId: string;
          on: string;
          onTeam: boolean;
          sharingAllowed: boolean;
          isProjectLeadOfFamily: boolean;
        };
      }>(ACCESS, 'Person', [...new Set(ids)], caller, { category });
      return new Map(rows.map((p) => [p.id, { personId: p.id, ...p.accessForCaller }]));
    },
    async activities(ids, caller) {
      const rows = await ask<{ id: string; directoryEntry: Omit<DirectoryActivity, 'id'> }>(
        ACTIVITIES,
        'PlanActivity',
        [...new Set(ids)],
        caller,
      );
      return new Map(rows.map((a) => [a.id, { id: a.id, ...a.directoryEntry }]));
    },
    async families(ids, caller) {
      const rows = await ask<{ id: string }>(FAMILIES, 'Family', [...new Set(ids)], caller);
      return new Set(rows.map((f) => f.id));
    },
    async members(familyIds, caller) {
      const rows = await ask<{ id: string; members: Array<{ id: string }>; formerMembers: Array<{ id: string }> }>(
        MEMBERS,
        'Family',
        [...new Set(familyIds)],
        caller,
      );
      return new Map(rows.map((f) => [f.id, [...(f.members ?? []), ...(f.formerMembers ?? [])].map((m) => m.id)]));
    },
    async projects(ids, caller) {
      const rows = await ask<{ id: string }>(PROJECTS, 'Project', [...new Set(ids)], caller);
      return new Set(rows.map((p) => p.id));
    },
  };
}

/**
 * The caller's access to persons' data for one request, asked of the family
 * subgraph in one call per category however many persons the request touches
 * (a new loader per request: consent and team are never cached across
 * requests, so a withdrawn consent counts from the next request). `null`: the
 * family subgraph does not show the person to the caller.
 */
export function callerAccessLoader(directory: FamilyDirectory, caller: CallerHeaders) {
  const byCategory = new Map<DirectoryCategory, DataLoader<string, CallerAccess | null>>();
  return (personId: string, category: DirectoryCategory): Promise<CallerAccess | null> => {
    let loader = byCategory.get(category);
    if (!loader) {
      loader = new DataLoader<string, CallerAccess | null>(async (ids) => {
        const found = await directory.access(ids, category, caller);
        return ids.map((id) => found.get(id) ?? null);
      });
      byCategory.set(category, loader);
    }
    return loader.load(personId.toLowerCase());
  };
}
