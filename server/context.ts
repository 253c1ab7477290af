import type { Clock } from './clock';
import type { Realtime } from './realtime/broadcast';
import type { ForumDoc } from './forums/forum.model';
import type { InputDoc, StoredRouting } from './forums/input.model';
import type { Notifier } from './notify/notify.service';
import type { Calendar } from './inbox/deadline';
import type { LiveForums } from './live/live';
import type { ParticipantLimits } from './live/limits';
import type { Signals } from './forums/signals';
import type { PdfCache } from './reports/pdfCache';

/** What the routing engine decides for an input (stored as `StoredRouting`, with the UPP as an id). */
export interface RoutingResult extends Omit<StoredRouting, 'uppId'> {
  uppId: string | null;
}

/** Routes a stored input's text; null when no classifier is loaded. */
export interface RoutingPort {
  route(args: {
    text: string;
    serviceCode: string | null;
    forum: ForumDoc;
  }): Promise<RoutingResult | null>;
}

/** What every service function gets besides its arguments. */
export interface ServiceContext {
  clock: Clock;
  realtime: Realtime;
  routing: RoutingPort;
  notifier: Notifier;
  /** Working-day calendar (time zone and public holidays) for deadlines. */
  calendar: () => Calendar;
  /** Live forum state shared by every process: cache, vote tally, locks, sequences. */
  live: LiveForums;
  /** Abuse limits per participant, address, socket and account (every process). */
  limits: ParticipantLimits;
  /** Vote-stuffing signals shown to moderators. */
  signals: Signals;
  /** Rendered minutes (berita acara), kept until their forum changes. */
  pdfs: PdfCache;
  /** Called after an input became published (opens its case in the UPP inbox when routed). */
  onPublished: (input: InputDoc) => Promise<void>;
}

/** Without a classifier every input waits in triage for a person to route it. */
export function triageOnly(clock: Clock): RoutingPort {
  return {
    route: async ({ serviceCode }) => ({
      sector: null,
      serviceCode,
      uppId: null,
      confidence: 0,
      triage: true,
      source: 'model',
      modelVersion: null,
      topSectors: [],
      topTerms: [],
      routedAt: clock.now(),
      deadline: null,
    }),
  };
}
