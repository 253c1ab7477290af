import type { Clock } from '../clock';
import type { Realtime } from '../realtime/broadcast';
import type { ForumDoc } from './forum.model';

/** Routing fields stored on an input (see server/routing). */
export interface RoutingResult {
  sector: string | null;
  serviceCode: string | null;
  uppId: string | null;
  confidence: number;
  triage: boolean;
  source: 'model' | 'manual';
  modelVersion: string | null;
  topSectors: { sector: string; score: number }[];
  topTerms: { term: string; weight: number }[];
  routedAt: Date;
  deadline: Date | null;
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
}

export const noRouting: RoutingPort = { route: async () => null };
