import { formatNumber } from '$lib/format';

/** One bar of a bar chart. */
export type Datum = { label: string; value: number };

/** The hidden table's rows of a bar chart. */
export function barRows(data: readonly Datum[]): [string, string][] {
  return data.map((d) => [d.label, formatNumber(d.value)]);
}

/** The largest value (at least 1, so empty charts draw nothing). */
export function maxOf(data: readonly Datum[]): number {
  return Math.max(1, ...data.map((d) => d.value));
}
