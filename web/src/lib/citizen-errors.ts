import { t, translateError, type ReportedError } from './i18n.svelte';

/** An error as the API or the citizen port reports it. */
export type CodedError = ReportedError;

function fieldOf(details: unknown): string | null {
  if (!Array.isArray(details)) return null;
  const first: unknown = details[0];
  if (typeof first !== 'object' || first === null || !('path' in first)) return null;
  return typeof first.path === 'string' ? first.path : null;
}

/**
 * The message for an error on a citizen's page in the current language: the forum's own words
 * for a missing or closed forum, otherwise the error's reason, class or message
 * (translateError). Call while rendering (not in a server load).
 */
export function errorText(e: CodedError): string {
  switch (e.code) {
    case 'not_found':
    case 'invalid_id':
      return t('forum.notFound');
    case 'closed':
      return t('forum.closedNote');
    case 'validation':
      if (fieldOf(e.details) === 'contactEmail') return t('submit.emailInvalid');
      return translateError(e);
    default:
      return translateError(e);
  }
}
