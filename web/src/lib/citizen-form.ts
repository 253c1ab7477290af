import type { CodedError } from './citizen-errors';

/** The citizen's submit form as a SvelteKit form action sees it (posts without JavaScript). */

/** What the form action answers after a refused post: the message and what was typed. */
export interface FormResult {
  /** Translated while rendering (see citizen-errors.ts). */
  error?: CodedError;
  values?: FormValues;
  /** The idempotency key to post again with (a repeated post stores nothing twice). */
  key?: string;
}

export interface FormValues {
  text: string;
  kind: string;
  displayName: string;
  contactEmail: string;
}

const field = (fd: FormData, name: string): string => {
  const v = fd.get(name);
  return typeof v === 'string' ? v : '';
};

/** The submission body from the posted form (validated by the server's schema). */
export function bodyFromForm(fd: FormData) {
  return {
    text: field(fd, 'text'),
    kind: field(fd, 'kind'),
    serviceCode: field(fd, 'serviceCode') || null,
    displayName: field(fd, 'displayName'),
    contactEmail: field(fd, 'contactEmail'),
    idempotencyKey: field(fd, 'idempotencyKey'),
  };
}
