/** The embedded database cannot start for a reason the operator can fix; the message says how. */
export class DatabaseSetupError extends Error {}
