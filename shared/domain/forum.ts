/** Forum and input vocabulary shared by server and web. */
export const FORUM_TYPES = ['live', 'async'] as const;
export type ForumType = (typeof FORUM_TYPES)[number];

export const FORUM_STATUSES = ['draft', 'scheduled', 'open', 'live', 'closed', 'archived'] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

/** Statuses in which citizens may submit input and vote. */
export const ACCEPTING_STATUSES: readonly ForumStatus[] = ['open', 'live'];

/** Allowed status changes (the lifecycle). */
export const FORUM_TRANSITIONS: Record<ForumStatus, readonly ForumStatus[]> = {
  draft: ['scheduled', 'open', 'live'],
  scheduled: ['draft', 'open', 'live'],
  open: ['live', 'closed'],
  live: ['open', 'closed'],
  closed: ['archived', 'open'],
  archived: [],
};

export const FORUM_STATUS_LABELS: Record<ForumStatus, { id: string; en: string }> = {
  draft: { id: 'Draf', en: 'Draft' },
  scheduled: { id: 'Terjadwal', en: 'Scheduled' },
  open: { id: 'Dibuka', en: 'Open' },
  live: { id: 'Sedang berlangsung', en: 'Live' },
  closed: { id: 'Ditutup', en: 'Closed' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
};

export const INPUT_KINDS = [
  'question',
  'complaint',
  'suggestion',
  'info_request',
  'appreciation',
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const INPUT_KIND_LABELS: Record<InputKind, { id: string; en: string }> = {
  question: { id: 'Pertanyaan', en: 'Question' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  suggestion: { id: 'Aspirasi / saran', en: 'Suggestion' },
  info_request: { id: 'Permintaan informasi', en: 'Request for information' },
  appreciation: { id: 'Apresiasi', en: 'Appreciation' },
};

/** Stored moderation status of an input. */
export const INPUT_STATUSES = ['pending', 'published', 'rejected', 'hidden', 'merged'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];

/** What a citizen sees for their own input. */
export const CITIZEN_STATUSES = ['pending', 'published', 'rejected', 'answered', 'merged'] as const;
export type CitizenStatus = (typeof CITIZEN_STATUSES)[number];

export const CITIZEN_STATUS_LABELS: Record<CitizenStatus, { id: string; en: string }> = {
  pending: { id: 'Menunggu moderasi', en: 'Awaiting moderation' },
  published: { id: 'Ditayangkan', en: 'Published' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  answered: { id: 'Dijawab', en: 'Answered' },
  merged: { id: 'Digabung', en: 'Merged' },
};

export const REJECT_REASONS = [
  'off_topic',
  'duplicate',
  'abusive',
  'personal_data',
  'spam',
  'not_public_service',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_REASON_LABELS: Record<RejectReason, { id: string; en: string }> = {
  off_topic: { id: 'Tidak sesuai topik forum', en: 'Off topic' },
  duplicate: { id: 'Duplikat masukan lain', en: 'Duplicate' },
  abusive: { id: 'Kasar, SARA atau menyerang pribadi', en: 'Abusive' },
  personal_data: { id: 'Memuat data pribadi', en: 'Contains personal data' },
  spam: { id: 'Spam atau iklan', en: 'Spam' },
  not_public_service: { id: 'Bukan tentang pelayanan publik', en: 'Not about a public service' },
  other: { id: 'Alasan lain', en: 'Other' },
};

export const MODERATION_ACTIONS = [
  'approve',
  'reject',
  'merge',
  'edit',
  'spotlight',
  'answer',
  'pin',
  'unpin',
  'hide',
  'forum.status',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Characters used in join codes: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;
