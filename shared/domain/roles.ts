/** Staff roles. Citizens are either anonymous participants (cookie) or registered `citizen` accounts. */
export const ROLES = ['admin', 'facilitator', 'upp_head', 'citizen'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['admin', 'facilitator', 'upp_head'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  admin: { id: 'Admin', en: 'Admin' },
  facilitator: { id: 'Fasilitator', en: 'Facilitator' },
  upp_head: { id: 'Kepala UPP', en: 'UPP head' },
  citizen: { id: 'Warga', en: 'Citizen' },
};

/** The page each role lands on after login. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/admin',
  facilitator: '/console',
  upp_head: '/upp',
  citizen: '/forums',
};
