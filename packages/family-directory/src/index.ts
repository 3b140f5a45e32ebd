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

export interface FamilyDirectory {
  /** The persons that exist and that the caller may see; unknown ids are missing from the map. */
  persons(ids: readonly string[], caller: CallerHeaders): Promise<Map<string, DirectoryPerson>>;
  /** The plan activities that exist and that the caller may see. */
  activities(ids: readonly string[], caller: CallerHeaders): Promise<Map<string, DirectoryActivity>>;
  /** The ids of the families that exist and that the caller may see. */
  families(ids: readonly string[], caller: CallerHeaders): Promise<Set<string>>;
  /** The ids of the projects that exist and that the caller may see. */
  projects(ids: readonly string[], caller: CallerHeaders): Promise<Set<string>>;
}

export interface CallerHeaders {
  forwardedIdentity: string;
  requestId: string;
}

export class FamilyDirectoryUnavailable extends Error {}

const PERSONS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Person { id birthDate role family { id } } } }`;
const ACTIVITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on PlanActivity { id department sectorPlanKind status startsOn endsOn hoursPerWeek family { id } members { id } } } }`;

const FAMILIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Family { id } } }`;
const PROJECTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id } } }`;

/** A directory that asks the family subgraph at `url` (its /graphql endpoint). */
export function createFamilyDirectory(url: string, options: { timeoutMs?: number } = {}): FamilyDirectory {
  const ask = async <T>(query: string, typename: string, ids: readonly string[], caller: CallerHeaders) => {
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
        body: JSON.stringify({ query, variables: { r: ids.map((id) => ({ __typename: typename, id })) } }),
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
      const rows = await ask<{ id: string; birthDate: string; role: DirectoryPerson['role']; family: { id: string } }>(
        PERSONS,
        'Person',
        [...new Set(ids)],
        caller,
      );
      return new Map(
        rows.map((p) => [p.id, { id: p.id, birthDate: p.birthDate, role: p.role, familyId: p.family.id }]),
      );
    },
    async activities(ids, caller) {
      const rows = await ask<{
        id: string;
        department: DirectoryActivity['department'];
        sectorPlanKind: string;
        status: string;
        startsOn: string;
        endsOn: string | null;
        hoursPerWeek: number;
        family: { id: string };
        members: Array<{ id: string }>;
      }>(ACTIVITIES, 'PlanActivity', [...new Set(ids)], caller);
      return new Map(
        rows.map((a) => [
          a.id,
          {
            id: a.id,
            familyId: a.family.id,
            department: a.department,
            sectorPlanKind: a.sectorPlanKind,
            status: a.status,
            memberIds: a.members.map((m) => m.id),
            startsOn: a.startsOn,
            endsOn: a.endsOn,
            hoursPerWeek: a.hoursPerWeek,
          },
        ]),
      );
    },
    async families(ids, caller) {
      const rows = await ask<{ id: string }>(FAMILIES, 'Family', [...new Set(ids)], caller);
      return new Set(rows.map((f) => f.id));
    },
    async projects(ids, caller) {
      const rows = await ask<{ id: string }>(PROJECTS, 'Project', [...new Set(ids)], caller);
      return new Set(rows.map((p) => p.id));
    },
  };
}
