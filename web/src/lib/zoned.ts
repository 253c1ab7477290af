import { zoneAbbr } from '$shared/domain/timezones';
import { locale } from './i18n.svelte';

/**
 * A date and time on the wall clock of a UPP's zone, with its abbreviation: "19 Jan 2026, 23.59
 * WIT". Deadlines are shown this way so a unit in Papua and one in Java read their own days.
 */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const text = new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(ms);
  return `${text} ${zoneAbbr(timeZone)}`;
}
