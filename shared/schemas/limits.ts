/** Length limits shared by server validation and web forms. */
export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  displayNameMax: 80,
  nameMax: 160,
  slugMax: 80,
  regionMax: 120,
  addressMax: 300,
} as const;

/** Forum and input limits (zod-free so the web bundle can import them cheaply). */
export const FORUM_LIMITS = {
  titleMax: 160,
  descriptionMax: 4000,
  agendaItemMax: 200,
  agendaItemsMax: 30,
  locationMax: 200,
  inputMinDefault: 5,
  inputMaxDefault: 1000,
  inputMaxCeiling: 5000,
  /** Slow mode can ask for at most one input per participant every 10 minutes. */
  slowModeMaxSeconds: 600,
  /** Similar-input suggestions: text read and inputs compared per call. */
  similarTextMax: 500,
  similarCandidatesMax: 500,
} as const;
