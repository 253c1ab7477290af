import { STAFF_ROLES } from '../../shared/domain/roles';
import { policies } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { notFound } from '../http/errors';
import type { UserPolicy } from '../http/policy';
import { CaseModel, type CaseDoc } from './case.model';

const RULE = "the UPP's facilitators and head, admins of its agency, platform admins";

const readable = (u: AuthUser, c: CaseDoc) =>
  policies.readUppInbox(u, c.uppId.toString(), c.agencyId.toString());

/** The inbox item in `params.id`, for those who read its UPP's inbox. */
export function caseReaders(): UserPolicy<CaseDoc, { params: { id: string } }> {
  return {
    gate: STAFF_ROLES,
    resource: 'case',
    rule: RULE,
    load: async ({ params }) => {
      const c = await CaseModel.findById(params.id);
      if (!c) throw notFound('case_not_found');
      return c;
    },
    allow: readable,
  };
}

/** Several inbox items (bulk actions): every one must be readable, else nothing changes. */
export function casesReaders(): UserPolicy<CaseDoc[], { body: { ids: string[] } }> {
  return {
    gate: STAFF_ROLES,
    resource: 'case',
    rule: `${RULE}, for every item`,
    load: async ({ body }) => {
      const ids = [...new Set(body.ids)];
      const cases = await CaseModel.find({ _id: { $in: ids } });
      if (cases.length !== ids.length) throw notFound('case_not_found');
      return cases;
    },
    allow: (u, cases) => cases.every((c) => readable(u, c)),
  };
}
