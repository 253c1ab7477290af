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
