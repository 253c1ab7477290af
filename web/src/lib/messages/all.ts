/**
 * Every text of both languages in one object each, for the tests that read the dictionaries
 * (the app loads them in parts: see i18n.svelte.ts).
 */
import { enPublic } from './en';
import { enErrors } from './en-errors';
import { enCitizen } from './en-citizen';
import { enConsole } from './en-console';
import { enHall } from './en-hall';
import { enSafety } from './en-safety';
import { enStaff } from './en-staff';
import { idPublic } from './id';
import { idErrors } from './id-errors';
import { idCitizen } from './id-citizen';
import { idConsole } from './id-console';
import { idHall } from './id-hall';
import { idSafety } from './id-safety';
import { idStaff } from './id-staff';

export const ALL_TEXTS: Record<'id' | 'en', Record<string, string>> = {
  id: { ...idCitizen, ...idHall, ...idSafety, ...idPublic, ...idStaff, ...idConsole, ...idErrors },
  en: { ...enCitizen, ...enHall, ...enSafety, ...enPublic, ...enStaff, ...enConsole, ...enErrors },
};
