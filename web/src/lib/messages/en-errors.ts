import type { idErrors } from './id-errors';

/** English: what kind of error happened (loaded with the English citizen texts). */
export const enErrors: Record<keyof typeof idErrors, string> = {
  'error.unavailable': 'The service is unavailable right now. Try again shortly.',
  'error.unauthenticated': 'Please sign in first.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.invalid': 'The data sent is not valid. Check the fields and try again.',
  'error.conflict': 'The data has changed or already exists. Reload and try again.',
  'error.tooLarge': 'The data sent is too large.',
  'error.closed': 'This forum is closed.',
};
