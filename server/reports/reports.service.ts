import type { Scoreboard } from '../../shared/schemas/inbox';
import { Agency } from '../admin/agency.model';
import { Upp } from '../admin/upp.model';
import { serviceNames } from '../catalog/catalog.service';
import type { ForumDoc } from '../forums/forum.model';
import { InputModel } from '../forums/input.model';
import { notFound } from '../http/errors';
import { CaseModel } from '../inbox/case.model';
import { figuresByService, loadCaseFacts, responseFigures } from './figures';

/** Every UPP with its agency's name: the list of public scoreboards. */
export async function publicUpps() {
  const [upps, agencies] = await Promise.all([Upp.find().sort({ name: 1 }), Agency.find()]);
  const names = new Map(agencies.map((a) => [a._id.toString(), a.name]));
  return upps.map((u) => ({
    id: u._id.toString(),
    slug: u.slug,
    name: u.name,
    agencyName: names.get(u.agencyId.toString()) ?? '',
  }));
}

/** The public scoreboard of the UPP with this slug, from the same figures as the dashboards. */
export async function scoreboard(slug: string, now: Date): Promise<Scoreboard> {
  const upp = await Upp.findOne({ slug });
  if (!upp) throw notFound('upp_not_found');
  const agency = await Agency.findById(upp.agencyId);
  const cases = await loadCaseFacts({ uppId: upp._id });
  const f = responseFigures(cases, now);
  const perService = figuresByService(cases, now);
  const names = await serviceNames(perService.map((p) => p.serviceCode));
  return {
    upp: {
      id: upp._id.toString(),
      slug: upp.slug,
      name: upp.name,
      agencyName: agency?.name ?? '',
    },
    received: f.received,
    answered: f.answered,
    answeredWithinStandard: f.answeredWithinStandard,
    due: f.due,
    withinStandardShare: f.withinStandardShare,
    medianResponseHours: f.medianResponseHours,
    perService: perService.map((p) => ({
      serviceCode: p.serviceCode,
      serviceName: names.get(p.serviceCode) ?? p.serviceCode,
      received: p.received,
      answeredWithinStandard: p.answeredWithinStandard,
      due: p.due,
      withinStandardShare: p.withinStandardShare,
      medianResponseHours: p.medianResponseHours,
    })),
  };
}

/** What the minutes show: the forum, and the last change of its inputs and inbox cases. */
export async function minutesKey(f: ForumDoc, baseUrl: string): Promise<string> {
  const [input, item] = await Promise.all([
    InputModel.findOne({ forumId: f._id }, { updatedAt: 1 }).sort({ updatedAt: -1 }).lean(),
    CaseModel.findOne({ forumId: f._id }, { updatedAt: 1 }).sort({ updatedAt: -1 }).lean(),
  ]);
  const t = (d: { updatedAt?: Date } | null) => d?.updatedAt?.getTime() ?? 0;
  const c = f.counts;
  return [
    f._id,
    f.seq,
    f.status,
    f.updatedAt.getTime(),
    c.published,
    c.pending,
    c.votes,
    c.participants,
    t(input),
    t(item),
    baseUrl,
  ].join('|');
}
