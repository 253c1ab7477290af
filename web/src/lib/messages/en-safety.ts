import type { idSafety } from './id-safety';

/** English: roles, limits, slow mode and vote-stuffing signals. */
export const enSafety: Record<keyof typeof idSafety, string> = {
  'role.platform_admin': 'Platform admin',
  'role.agency_admin': 'Agency admin',
  'role.facilitator': 'Facilitator',
  'role.upp_head': 'UPP head',
  'role.citizen': 'Citizen',
  'role.admin': 'Admin',
  'role.system': 'System',
  'error.rateLimited.one': 'Too many requests. Try again in {n} second.',
  'error.rateLimited.other': 'Too many requests. Try again in {n} seconds.',
  'error.slowMode.one': 'Slow mode: wait {n} second before sending your next input.',
  'error.slowMode.other': 'Slow mode: wait {n} seconds before sending your next input.',
  'error.accountRequired': 'This forum asks you to sign in with a citizen account to upvote.',
  'slow.notice.one': 'Slow mode is on: one input per participant every {n} second.',
  'slow.notice.other': 'Slow mode is on: one input per participant every {n} seconds.',
  'slow.wait.one': 'You can send again in {n} second.',
  'slow.wait.other': 'You can send again in {n} seconds.',
  'vote.needsAccount': 'Sign in with a citizen account to upvote.',
  'vote.login': 'Sign in',
};
