import { locale, tn } from './i18n.svelte';

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
}

/** A share 0..1 as a percentage, or an em dash when unknown. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** A duration in hours: hours under two days, days above. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '–';
  if (hours < 48) return tn('unit.hours', hours, { n: formatNumber(hours, 1) });
  return tn('unit.days', hours / 24, { n: formatNumber(hours / 24, 1) });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(ms);
}
