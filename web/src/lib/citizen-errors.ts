import { t } from './i18n.svelte';

/** An error as the API or the citizen port reports it. */
export interface CodedError {
  code?: string;
  message: string;
  details?: unknown;
}

function fieldOf(details: unknown): string | null {
  if (!Array.isArray(details)) return null;
  const first = details[0] as { path?: unknown } | undefined;
  return typeof first?.path === 'string' ? first.path : null;
}

/**
 * The message for an error in the current language: stable codes are translated here, other
 * messages are shown as the server wrote them. Call while rendering (not in a server load).
 */
export function errorText(e: CodedError): string {
  switch (e.code) {
    case 'not_found':
    case 'invalid_id':
      return t('forum.notFound');
    case 'closed':
      return t('forum.closedNote');
    case 'rate_limited':
      return t('error.tooMany');
    case 'internal':
    case 'db_unavailable':
    case 'shutting_down':
      return t('error.unknown');
    case 'validation': {
      const field = fieldOf(e.details);
      if (field === 'contactEmail') return t('submit.emailInvalid');
      return e.message || t('error.unknown');
    }
    default:
      return e.message || t('error.unknown');
  }
}
