/** Case statuses of routed feedback, following SP4N-LAPOR! practice. */
export const CASE_STATUSES = [
  'received',
  'verified',
  'in_progress',
  'resolved',
  'not_our_authority',
  'postponed',
  'citizen_confirmed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, { id: string; en: string }> = {
  received: { id: 'Diterima', en: 'Received' },
  verified: { id: 'Diverifikasi', en: 'Verified' },
  in_progress: { id: 'Ditindaklanjuti', en: 'In progress' },
  resolved: { id: 'Selesai', en: 'Resolved' },
  not_our_authority: { id: 'Bukan wewenang', en: 'Not our authority' },
  postponed: { id: 'Ditunda', en: 'Postponed' },
  citizen_confirmed: { id: 'Dikonfirmasi warga', en: 'Confirmed by citizen' },
};

/** Statuses a UPP may set by hand (not_our_authority goes through re-routing). */
export const SETTABLE_CASE_STATUSES = ['verified', 'in_progress', 'resolved', 'postponed'] as const;

/** Statuses that still need work (count as open; can become overdue). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  'received',
  'verified',
  'in_progress',
  'postponed',
];

/** Escalation levels: 0 none, 1 UPP head notified, 2 agency admin notified. */
export const ESCALATION_LABELS = [
  { id: 'Tepat waktu', en: 'On time' },
  { id: 'Dieskalasi ke kepala UPP', en: 'Escalated to the UPP head' },
  { id: 'Dieskalasi ke admin instansi', en: 'Escalated to the agency admin' },
] as const;
