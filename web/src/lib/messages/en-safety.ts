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
  'safety.title': 'Forum safety',
  'safety.slowMode': 'Slow mode (seconds between inputs per participant, 0 = off)',
  'safety.voteAccount': 'Only citizens signed in with an account may upvote',
  'safety.save': 'Save settings',
  'safety.saved': 'Forum settings saved.',
  'signals.title': 'Suspicious upvote patterns',
  'signals.none': 'No suspicious patterns.',
  'signals.hint':
    'Many participants with brand-new cookies behind one address upvoting the same input within minutes. Normal in a hall on one Wi-Fi; suspicious in an online forum. You can require an account to upvote.',
  'signals.votes': '{count} upvotes from new participants, address #{tag}',
  'signals.inputs': '{count} inputs from new participants, address #{tag}',
  'admin.chooseAgency': '— Choose an agency —',
  'admin.platformOnly': 'Only platform admins can change this data.',
  'admin.scopeAgency': 'You manage the agency {name}.',
};
