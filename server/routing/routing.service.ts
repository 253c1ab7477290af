import type {
  ClassifyBody,
  Correction,
  RouteBody,
  RoutedInput,
  TriageQuery,
} from '../../shared/schemas/routing';
import type { Sector } from '../../shared/domain/sectors';
import { Upp } from '../admin/upp.model';
import type { AuthUser } from '../auth/types';
import { ServiceModel } from '../catalog/service.model';
import type { ServiceContext } from '../context';
import { ForumModel } from '../forums/forum.model';
import { canModerate } from '../forums/forum.rules';
import { findForum } from '../forums/forum.service';
import { InputModel, type InputDoc } from '../forums/input.model';
import { findInput } from '../forums/input.service';
import { presentFor } from '../forums/input.queries';
import { badRequest, forbidden } from '../http/errors';
import { cleanText } from '../lib/sanitize';
import { policies } from '../auth/policies';
import { audit } from '../audit/audit.service';
import { scrubPersonalData } from '../reports/exports';
import { serviceDeadline, type RoutingEngine } from './engine';
import { inZone } from '../inbox/deadline';
import { CorrectionModel } from './routing.models';
import { candidateUpps } from './upp-resolver';

/** What routing by hand needs besides the service context (no model: triage works without one). */
export interface ManualRouting {
  /** Called after an input was routed to a UPP by hand (the inbox creates its case). */
  onRouted?: (input: InputDoc, actor: AuthUser) => Promise<void>;
}

/** Routing with the classifier (its routes are registered only when a model is loaded). */
export interface RoutingDeps extends ManualRouting {
  engine: RoutingEngine;
}

export async function classifyText(deps: RoutingDeps, body: ClassifyBody) {
  const engine = deps.engine;
  const r = engine.classify(cleanText(body.text));
  const forum = body.forumId ? await findForum(body.forumId) : null;
  const upps = r.serviceCode ? await candidateUpps(r.serviceCode, forum ?? undefined) : [];
  const service = r.serviceCode ? await ServiceModel.findOne({ code: r.serviceCode }) : null;
  return {
    sector: r.sector,
    serviceCode: r.serviceCode,
    serviceName: service?.name ?? null,
    confidence: r.confidence,
    autoRouted: r.confidence >= engine.threshold,
    threshold: engine.threshold,
    topSectors: r.topSectors,
    topTerms: r.explanation.topTerms,
    candidateUpps: upps
      .slice(0, 10)
      .map((u) => ({ id: u._id.toString(), name: u.name, region: u.region })),
    modelVersion: engine.version,
  };
}

/** Inputs considered for the triage list (the oldest first), and how many are shown. */
const TRIAGE_SCAN = 2000;
const TRIAGE_SHOWN = 500;

/**
 * How sure the model was: the margin between its two best sectors (0 when it had no idea, e.g.
 * a text with no topical word). Triage shows the smallest margins first: routing those by hand
 * teaches the next model the most (margin sampling).
 */
export function routingMargin(input: Pick<InputDoc, 'routing'>): number {
  const scores = (input.routing?.topSectors ?? []).map((s) => s.score).sort((a, b) => b - a);
  return (scores[0] ?? 0) - (scores[1] ?? 0);
}

/**
 * Inputs in triage that the user may route (facilitators: their forums; admins: their agency),
 * the least certain first, or the oldest first.
 */
export async function triageList(
  user: AuthUser,
  order: TriageQuery['order'] = 'uncertain',
): Promise<RoutedInput[]> {
  const scanned = await InputModel.find({
    'routing.triage': true,
    status: { $in: ['pending', 'published'] },
  })
    .sort({ createdAt: 1 })
    .limit(TRIAGE_SCAN);
  const docs =
    order === 'oldest'
      ? scanned.slice(0, TRIAGE_SHOWN)
      : [...scanned].sort((a, b) => routingMargin(a) - routingMargin(b)).slice(0, TRIAGE_SHOWN);
  const forums = await ForumModel.find({ _id: { $in: [...new Set(docs.map((d) => d.forumId))] } });
  const byId = new Map(forums.map((f) => [f._id.toString(), f]));
  const visible = docs.filter((d) => {
    const f = byId.get(d.forumId.toString());
    return !!f && canModerate(user, f);
  });
  const presented = await presentFor({ user }, visible, true);
  return presented.map((p, i) => ({
    ...p,
    forumTitle: byId.get(p.forumId)?.title ?? '',
    topSectors: (visible[i]!.routing?.topSectors ?? []) as RoutedInput['topSectors'],
    topTerms: visible[i]!.routing?.topTerms ?? [],
  }));
}

/** Routes an input by hand (from triage) or re-routes it; stored as a correction. */
export async function routeByHand(
  ctx: ServiceContext,
  deps: ManualRouting,
  user: AuthUser,
  inputId: string,
  body: RouteBody,
  /** Omitted: `triage` when the input waited in triage, else `reroute`. */
  kind?: 'triage' | 'reroute' | 'not_our_authority',
) {
  const forumId = await ctx.live.cache.forumIdOfInput(inputId);
  return ctx.live.lock(forumId, async () => {
    const input = await findInput(inputId);
    const forum = await findForum(input.forumId.toString());
    const upp = await Upp.findById(body.uppId);
    if (!upp) throw badRequest('target_upp_not_found');
    const fromUpp = input.routing?.uppId?.toString() ?? null;
    const why = kind ?? (input.routing?.triage !== false ? 'triage' : 'reroute');
    // The forum's moderators route its inputs; the UPP that holds an item (its staff, its
    // agency's admins) may hand it on as "not our authority". Being able to manage the target
    // UPP gives no right over another agency's input (that would be a takeover).
    const holder = fromUpp ? await Upp.findById(fromUpp, { agencyId: 1 }) : null;
    const mayRoute =
      canModerate(user, forum) ||
      (why === 'not_our_authority' &&
        !!holder &&
        policies.readUppInbox(user, holder._id.toString(), holder.agencyId.toString()));
    if (!mayRoute) throw forbidden('route_forbidden');
    if (body.serviceCode) {
      const svc = await ServiceModel.findOne({ code: body.serviceCode });
      if (!svc) throw badRequest('service_code_unknown');
      if (svc.sector !== body.sector) throw badRequest('service_not_in_sector');
    }
    const now = ctx.clock.now();
    await CorrectionModel.create({
      inputId: input._id,
      // Kept for training and review: phone numbers, NIK and e-mail addresses masked.
      text: scrubPersonalData(input.text),
      from: {
        sector: input.routing?.sector ?? null,
        serviceCode: input.routing?.serviceCode ?? null,
        uppId: input.routing?.uppId ?? null,
        // What the model said, for its live accuracy and calibration (a manual route has none).
        confidence: input.routing?.source === 'model' ? input.routing.confidence : null,
        modelVersion: input.routing?.source === 'model' ? input.routing.modelVersion : null,
      },
      to: { sector: body.sector, serviceCode: body.serviceCode, uppId: upp._id },
      reason: cleanText(body.reason),
      kind: why,
      actorId: user.id,
      actorRole: user.role,
    });
    input.routing = {
      sector: body.sector as Sector,
      serviceCode: body.serviceCode,
      uppId: upp._id,
      confidence: 1,
      triage: false,
      source: 'manual',
      modelVersion: input.routing?.modelVersion ?? null,
      topSectors: input.routing?.topSectors ?? [],
      topTerms: input.routing?.topTerms ?? [],
      routedAt: now,
      deadline: await serviceDeadline(body.serviceCode, now, inZone(ctx.calendar(), upp.timeZone)),
    };
    await input.save();
    await ctx.live.cache.changed(forumId, { inputs: [input] });
    await audit(
      user,
      'input.route',
      `input:${input._id}`,
      `${why} → ${upp.name} (${body.sector})`,
      [
        forum.agencyId.toString(),
        upp.agencyId.toString(),
        ...(holder ? [holder.agencyId.toString()] : []),
      ],
    );
    await deps.onRouted?.(input, user);
    return (await presentFor({ user }, [input], true))[0]!;
  });
}

const WITHHELD = '[teks tidak ditampilkan: masukan ditolak karena memuat data pribadi]';

/**
 * Manual routes the user may review: platform admins all of them; others those of inputs in
 * forums they moderate, or (agency admins) routed from or to their agency's UPPs. Texts are
 * shown masked, and not at all for inputs rejected for personal data.
 */
export async function listCorrections(user: AuthUser): Promise<Correction[]> {
  const rows = await CorrectionModel.find().sort({ createdAt: -1 }).limit(500);
  const inputs = await InputModel.find(
    { _id: { $in: rows.map((c) => c.inputId) } },
    { forumId: 1, status: 1, rejectReason: 1, text: 1, edited: 1 },
  );
  const inputById = new Map(inputs.map((i) => [i._id.toString(), i]));
  const forums = await ForumModel.find({
    _id: { $in: [...new Set(inputs.map((i) => i.forumId))] },
  });
  const forumById = new Map(forums.map((f) => [f._id.toString(), f]));
  const uppIds = rows.flatMap((c) => [c.from.uppId, c.to.uppId]).filter((id) => !!id);
  const upps = await Upp.find({ _id: { $in: uppIds } }, { agencyId: 1 });
  const agencyOf = new Map(upps.map((u) => [u._id.toString(), u.agencyId.toString()]));
  const visible = rows.filter((c) => {
    if (policies.isPlatformAdmin(user)) return true;
    const input = inputById.get(c.inputId.toString());
    const forum = input && forumById.get(input.forumId.toString());
    if (forum && canModerate(user, forum)) return true;
    const agencies = [c.from.uppId, c.to.uppId].map((id) =>
      id ? agencyOf.get(id.toString()) : null,
    );
    return user.role === 'agency_admin' && agencies.some((a) => !!a && a === user.agencyId);
  });
  return visible.map((c) => {
    const input = inputById.get(c.inputId.toString());
    const personal =
      !!input &&
      (input.status === 'rejected' || input.status === 'hidden') &&
      input.rejectReason === 'personal_data';
    return {
      id: c._id.toString(),
      inputId: c.inputId.toString(),
      text: personal ? WITHHELD : scrubPersonalData(input?.edited ? input.text : c.text),
      from: {
        sector: c.from.sector ?? null,
        serviceCode: c.from.serviceCode ?? null,
        uppId: c.from.uppId ? c.from.uppId.toString() : null,
        confidence: c.from.confidence ?? null,
        modelVersion: c.from.modelVersion ?? null,
      },
      to: {
        sector: c.to.sector,
        serviceCode: c.to.serviceCode ?? null,
        uppId: c.to.uppId ? c.to.uppId.toString() : null,
      },
      reason: c.reason,
      kind: c.kind,
      actorRole: c.actorRole,
      at: c.createdAt.toISOString(),
    };
  });
}
