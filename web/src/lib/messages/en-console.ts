import type { idConsole } from './id-console';

/** English: the facilitator's console, the projector, inbox and admin additions. */
export const enConsole: Record<keyof typeof idConsole, string> = {
  'status.do.open': 'Open the forum for online input',
  'status.do.reopen': 'Reopen the forum',
  'status.do.live': 'Start the live session',
  'status.do.endLive': 'End the live session',
  'status.do.close': 'Close the forum',
  'status.do.archive': 'Archive the forum',
  'status.do.draft': 'Back to draft',
  'status.do.schedule': 'Schedule',
  'status.hint.endLive':
    'The session in the hall ends; the forum keeps taking input online until it is closed.',
  'status.hint.open': 'Citizens can send input and votes online.',
  'status.confirm.closed.title': 'Close this forum?',
  'status.confirm.archived.title': 'Archive this forum?',
  'status.confirm.pending.one':
    '{n} input has not been moderated. It is kept and can still be moderated after the forum closes.',
  'status.confirm.pending.other':
    '{n} inputs have not been moderated. They are kept and can still be moderated after the forum closes.',
  'status.confirm.nonePending': 'Every input has been moderated.',
  'status.confirm.closedEffect': 'Citizens can no longer send input or votes.',
  'status.confirm.archivedEffect': 'An archived forum cannot be reopened or moderated.',
  'status.confirm.closed.do': 'Yes, close the forum',
  'status.confirm.archived.do': 'Yes, archive it',
  'status.done': 'Forum status: {status}.',
  'mod.shortcutsPending':
    'Shortcuts on the focused item: j/k move, a approve, r reject (queue) or hide (published), s spotlight (published only).',
  'mod.failed': 'Failed: {message}',
  'mod.archived': 'This forum is archived: no more moderation actions.',
  'merge.doApprove': 'Approve and merge ({n})',
  'merge.pendingHint':
    'The target is not published yet: merging approves and publishes it in the same step.',
  'mod.done.approveMerge': '{n} inputs merged; the target was approved and published.',
  'projector.mainLabel': 'Forum screen',
  'projector.joinLabel': 'How to ask a question',
  'projector.spotlightLabel': 'Input being discussed',
  'projector.votes.one': '{n} vote',
  'projector.votes.other': '{n} votes',
  'inbox.replySentResolved':
    'Reply sent to the citizen (also by e-mail when they left an address). The case is now "{status}": it leaves the "Open" list, and the citizen can confirm or reopen it.',
  'inbox.replySentOpen':
    'Reply sent to the citizen (also by e-mail when they left an address). Case status: {status}.',
  'inbox.outsideFilter':
    'This case ({status}) no longer matches the list filter, but stays open here.',
  'inbox.liveReopened': 'The citizen reopened this case: {reason}',
  'inbox.liveConfirmed': 'The citizen confirmed this case is solved.',
  'route.singleUpp': 'Only one UPP delivers this service: it is already selected.',
  'admin.deactivate': 'Deactivate',
  'admin.reactivate': 'Reactivate',
  'admin.deactivateConfirm':
    'Deactivate the account of {name}? They are signed out on every device at once and cannot sign in until reactivated.',
  'admin.deactivateDo': 'Yes, deactivate',
  'audit.filters': 'Filter the log',
  'audit.everyone': 'Everyone',
  'audit.everything': 'Every action',
  'audit.from': 'From',
  'audit.to': 'Until',
  'audit.reset': 'Clear filters',
  'audit.system': 'System',
  'routing.newVersionTitle': 'New version {version} is ready, not active yet',
  'routing.newVersionHint':
    'Citizen input is still routed by the active version. Activate the new one if it scores better; the old one stays stored and can be brought back.',
  'routing.activeVersion': 'Active version',
  'routing.newVersion': 'New version',
  'routing.measure': 'Measure',
  'routing.macroF1': 'Macro-F1 (average per sector)',
  'routing.activateNew': 'Activate the new version',
  'routing.keepActive': 'Keep the active version',
  'audit.table': 'Audit log table',
  'a11y.table': 'Table',
  'triage.listTitle': 'Inputs waiting for a route',
  'a11y.tableOf': 'Table: {name}',
};
