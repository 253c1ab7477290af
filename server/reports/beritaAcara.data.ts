/** The data of a berita acara (official minutes): what server/reports/forumReport.ts gathers and beritaAcara.ts renders. */
import type { Signatory } from './beritaAcaraParts';
import type { ForumCounts, ResponseFigures } from './figures';

export type { Signatory };

/** A written reply of the UPP the input was routed to. */
export interface BeritaAcaraReply {
  /** The replying unit's name. */
  from: string;
  text: string;
  at: Date;
}

export interface BeritaAcaraInput {
  rank: number;
  /** Label text, e.g. "Pengaduan". */
  kind: string;
  text: string;
  votes: number;
  /** Label text, e.g. "Dijawab". */
  status: string;
  /** The facilitator's note when the input was answered live in the forum. */
  liveAnswer: string | null;
  replies: BeritaAcaraReply[];
}

export interface BeritaAcaraFollowUp {
  what: string;
  owner: string;
  dueAt: Date;
  /** Label text, e.g. "Direncanakan". */
  status: string;
}

export interface BeritaAcaraData {
  agencyName: string;
  uppName: string;
  coHostNames: string[];
  forumTitle: string;
  forumCode: string;
  type: 'live' | 'async';
  location: string;
  startedAt: Date;
  endedAt: Date | null;
  agenda: string[];
  /** From forumCounts (server/reports/figures.ts), as the exports count them. */
  counts: ForumCounts;
  /** The response figures of the forum's inputs routed to UPPs, as dashboards compute them. */
  response: ResponseFigures;
  /** Ordered by votes, highest first. */
  inputs: BeritaAcaraInput[];
  followUps: BeritaAcaraFollowUp[];
  signatories: Signatory[];
  generatedAt: Date;
  publicUrl: string;
  /** The host UPP's IANA zone: every day and time printed is on its wall clock (WIB if unset). */
  timeZone?: string;
}
