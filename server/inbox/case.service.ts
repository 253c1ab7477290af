import { Types } from 'mongoose';
import { OPEN_CASE_STATUSES } from '../../shared/domain/inbox';
import type {
  CaseBulkBody,
  CaseReplyBody,
  CaseStatusBody,
  FollowUpBody,
} from '../../shared/schemas/inbox';
import { Upp } from '../admin/upp.model';
import { policies } from '../auth/policies';
import type { AuthUser } from '../auth/types';
import { audit } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { ForumModel } from '../forums/forum.model';
import { canModerate } from '../forums/forum.rules';
import { InputModel, type InputDoc } from '../forums/input.model';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { cleanText } from '../lib/sanitize';
import { computeDeadline, inZone, LAPOR_FOLLOWUP_DAYS } from './deadline';
import { CaseModel, type CaseDoc } from './case.model';

/** Opens the case for a published input routed to a UPP (once). */
export async function openCaseForInput(
  ctx: ServiceContext,
  input: InputDoc,
): Promise<CaseDoc | null> {
  const r = input.routing;
  if (input.status !== 'published' || !r?.uppId || r.triage) return null;
  const existing = await CaseModel.findOne({ type: 'input', inputId: input._id });
  if (existing) return existing;
  const upp = await Upp.findById(r.uppId);
  if (!upp) return null;
  const now = ctx.clock.now();
  const c = await CaseModel.create({
    type: 'input',
    inputId: input._id,
    forumId: input.forumId,
    uppId: upp._id,
    agencyId: upp.agencyId,
    text: input.text,
    kind: input.kind,
    sector: r.sector,
    serviceCode: r.serviceCode,
    status: 'received',
    receivedAt: now,
    deadline:
      r.deadline ?? computeDeadline(now, LAPOR_FOLLOWUP_DAYS, inZone(ctx.calendar(), upp.timeZone)),
    authorKey: input.authorKey,
    contactEmail: input.contactEmail,
  });
  const staff = await ctx.notifier.uppStaff(upp._id, ['upp_head', 'facilitator']);
  await ctx.notifier.toUsers(staff, 'case.new', `Masukan baru untuk ${upp.name}`, c._id);
  ctx.notifier.inboxChanged(upp._id, c._id);
  return c;
}

export async function loadCase(user: AuthUser, id: string): Promise<CaseDoc> {
  const c = await CaseModel.findById(id);
  if (!c) throw notFound('case_not_found');
  if (!policies.readUppInbox(user, c.uppId.toString(), c.agencyId.toString())) throw forbidden();
  return c;
}

/** After a change the citizen should see: push the input's new state to its author and room. */
async function pushToCitizen(ctx: ServiceContext, c: CaseDoc): Promise<void> {
  ctx.notifier.inboxChanged(c.uppId, c._id);
  if (!c.inputId) return;
  const input = await InputModel.findById(c.inputId);
  if (!input) return;
  await ctx.live.cache.changed(input.forumId.toString(), { inputs: [input], cases: true });
  ctx.realtime.inputMine(input);
  if (input.status === 'published') ctx.realtime.inputUpdated(input);
}

export async function setStatus(
  ctx: ServiceContext,
  user: AuthUser,
  id: string,
  body: CaseStatusBody,
) {
  const c = await loadCase(user, id);
  if (!OPEN_CASE_STATUSES.includes(c.status) && c.status !== 'resolved') {
    throw conflict('case_status_final');
  }
  if (body.status === 'postponed' && !body.reason) {
    throw badRequest('postpone_reason_required');
  }
  c.status = body.status;
  c.postponedReason = body.status === 'postponed' ? cleanText(body.reason) : null;
  if (body.status === 'resolved') c.resolvedAt = ctx.clock.now();
  await c.save();
  await audit(user, `case.${body.status}`, `case:${c._id}`, c.postponedReason ?? '', [
    c.agencyId.toString(),
  ]);
  await pushToCitizen(ctx, c);
  return c;
}

export async function bulkStatus(ctx: ServiceContext, user: AuthUser, body: CaseBulkBody) {
  // Check every item first, so a refused one leaves all of them unchanged.
  for (const id of body.ids) await loadCase(user, id);
  const out: CaseDoc[] = [];
  for (const id of body.ids) out.push(await setStatus(ctx, user, id, body));
  return out;
}

export async function reply(ctx: ServiceContext, user: AuthUser, id: string, body: CaseReplyBody) {
  const c = await loadCase(user, id);
  const text = cleanText(body.text);
  if (text.length < 5) throw badRequest('reply_too_short', { min: 5 });
  const now = ctx.clock.now();
  c.replies.push({
    _id: new Types.ObjectId(),
    text,
    at: now,
    byUserId: new Types.ObjectId(user.id),
  });
  c.firstReplyAt ??= now;
  if (body.resolve) {
    c.status = 'resolved';
    c.resolvedAt = now;
  } else if (c.status === 'received' || c.status === 'verified') {
    c.status = 'in_progress';
  }
  await c.save();
  await audit(user, 'case.reply', `case:${c._id}`, text.slice(0, 200), [c.agencyId.toString()]);
  const upp = await Upp.findById(c.uppId);
  await ctx.notifier.toEmail(
    c.contactEmail,
    `Tanggapan ${upp?.name ?? 'UPP'} atas masukan Anda`,
    `Masukan Anda:\n${c.text}\n\nTanggapan ${upp?.name ?? ''}:\n${text}\n`,
  );
  await pushToCitizen(ctx, c);
  return c;
}

/** A commitment made in the forum becomes an inbox item of the responsible UPP. */
export async function createFollowUp(
  ctx: ServiceContext,
  user: AuthUser,
  inputId: string,
  body: FollowUpBody,
) {
  const input = await InputModel.findById(inputId);
  if (!input) throw notFound('input_not_found');
  const forum = await ForumModel.findById(input.forumId);
  const upp = await Upp.findById(body.uppId);
  if (!forum || !upp) throw notFound('forum_or_upp_not_found');
  if (!canModerate(user, forum)) throw forbidden('followup_facilitator_only');
  const hosts = [forum.hostUppId, ...forum.coHostUppIds].map(String);
  const sameAgency = upp.agencyId.toString() === forum.agencyId.toString();
  if (!hosts.includes(upp._id.toString()) && !sameAgency && !policies.isPlatformAdmin(user)) {
    // Another agency's inbox is not the forum's to fill.
    throw forbidden('followup_upp_scope');
  }
  if (input.status !== 'published') throw badRequest('followup_needs_published');
  const due = new Date(body.dueAt);
  if (due <= ctx.clock.now()) throw badRequest('due_in_past');
  const c = await CaseModel.create({
    type: 'followup',
    inputId: input._id,
    forumId: forum._id,
    uppId: upp._id,
    agencyId: upp.agencyId,
    text: cleanText(body.what),
    kind: input.kind,
    sector: input.routing?.sector ?? null,
    serviceCode: input.routing?.serviceCode ?? null,
    status: 'received',
    receivedAt: ctx.clock.now(),
    deadline: due,
    owner: cleanText(body.owner),
    dueAt: due,
  });
  await audit(user, 'case.followup', `case:${c._id}`, `${c.owner}: ${c.text.slice(0, 120)}`, [
    c.agencyId.toString(),
    forum.agencyId.toString(),
  ]);
  const staff = await ctx.notifier.uppStaff(upp._id, ['upp_head']);
  await ctx.notifier.toUsers(
    staff,
    'case.new',
    `Rencana tindak lanjut baru: ${c.text.slice(0, 80)}`,
    c._id,
  );
  ctx.notifier.inboxChanged(upp._id, c._id);
  return c;
}

/** The citizen who wrote the input confirms the answer solved the issue. */
export async function citizenConfirm(
  ctx: ServiceContext,
  viewerKey: string | null,
  inputId: string,
) {
  const c = await CaseModel.findOne({ type: 'input', inputId });
  if (!c || !viewerKey || c.authorKey !== viewerKey) throw forbidden('confirm_author_only');
  if (c.status !== 'resolved') throw conflict('not_resolved_yet');
  c.status = 'citizen_confirmed';
  c.citizen.confirmedAt = ctx.clock.now();
  await c.save();
  await pushToCitizen(ctx, c);
  return c;
}

/** The citizen reopens a resolved case, once, with a reason. */
export async function citizenReopen(
  ctx: ServiceContext,
  viewerKey: string | null,
  inputId: string,
  reason: string,
) {
  const c = await CaseModel.findOne({ type: 'input', inputId });
  if (!c || !viewerKey || c.authorKey !== viewerKey) throw forbidden('reopen_author_only');
  if (c.status !== 'resolved') throw conflict('reopen_needs_resolved');
  if (c.citizen.reopenedAt) throw conflict('reopen_once');
  const why = cleanText(reason);
  if (why.length < 5) throw badRequest('reason_too_short', { min: 5 });
  c.status = 'in_progress';
  c.resolvedAt = null;
  c.citizen.reopenedAt = ctx.clock.now();
  c.citizen.reopenReason = why;
  await c.save();
  const staff = await ctx.notifier.uppStaff(c.uppId, ['upp_head', 'facilitator']);
  await ctx.notifier.toUsers(
    staff,
    'case.reopened',
    `Warga membuka kembali: ${why.slice(0, 80)}`,
    c._id,
  );
  await pushToCitizen(ctx, c);
  return c;
}

/** "Bukan wewenang": the case moves to the UPP the input was re-routed to. */
export async function moveCase(ctx: ServiceContext, input: InputDoc): Promise<void> {
  const c = await CaseModel.findOne({ type: 'input', inputId: input._id });
  const r = input.routing;
  if (!r?.uppId) return;
  if (!c) {
    await openCaseForInput(ctx, input);
    return;
  }
  const upp = await Upp.findById(r.uppId);
  if (!upp) return;
  c.uppId = upp._id;
  c.agencyId = upp.agencyId;
  c.sector = r.sector;
  c.serviceCode = r.serviceCode;
  c.status = 'received';
  c.receivedAt = ctx.clock.now();
  c.deadline =
    r.deadline ??
    computeDeadline(ctx.clock.now(), LAPOR_FOLLOWUP_DAYS, inZone(ctx.calendar(), upp.timeZone));
  c.escalationLevel = 0;
  c.level2At = null;
  await c.save();
  const staff = await ctx.notifier.uppStaff(upp._id, ['upp_head', 'facilitator']);
  await ctx.notifier.toUsers(staff, 'case.new', `Masukan dialihkan ke ${upp.name}`, c._id);
  await pushToCitizen(ctx, c);
}

export async function loadCaseUnchecked(id: string): Promise<CaseDoc> {
  const c = await CaseModel.findById(id);
  if (!c) throw notFound('case_not_found');
  return c;
}
