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
  'error.rateLimited': 'Too many requests. Try again in {seconds} seconds.',
  'error.slowMode': 'Slow mode: wait {seconds} seconds before sending your next input.',
  'error.accountRequired': 'This forum asks you to sign in with a citizen account to upvote.',
  'slow.notice': 'Slow mode is on: one input per participant every {seconds} seconds.',
  'slow.wait': 'You can send again in {seconds} seconds.',
  'vote.needsAccount': 'Sign in with a citizen account to upvote.',
  'vote.login': 'Sign in',
};
