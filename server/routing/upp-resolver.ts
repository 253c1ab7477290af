import type { Types } from 'mongoose';
import { onUppsChanged, Upp, type UppDoc } from '../admin/upp.model';

/**
 * UPPs by service code, kept briefly: every routed submission needs them, and they change only
 * when an admin edits a UPP. A change in this process clears the cache at once; another
 * process's change is seen within CANDIDATES_TTL_MS.
 */
export const CANDIDATES_TTL_MS = 10_000;
const candidates = new Map<string, { at: number; upps: Promise<UppDoc[]> }>();
onUppsChanged(() => candidates.clear());

function uppsDelivering(serviceCode: string): Promise<UppDoc[]> {
  const now = Date.now();
  const hit = candidates.get(serviceCode);
  if (hit && now - hit.at < CANDIDATES_TTL_MS) return hit.upps;
  const entry = { at: now, upps: Upp.find({ serviceCodes: serviceCode }).limit(200).exec() };
  candidates.set(serviceCode, entry);
  // A failed read is not kept (unless a newer read already took its place).
  entry.upps.catch(() => {
    if (candidates.get(serviceCode) === entry) candidates.delete(serviceCode);
  });
  return entry.upps;
}

export interface ForumPlace {
  hostUppId: Types.ObjectId;
  coHostUppIds: Types.ObjectId[];
  agencyId: Types.ObjectId;
  region: string;
}

/** UPPs that deliver a service, best candidates first (host, same agency, same region). */
export async function candidateUpps(serviceCode: string, place?: ForumPlace): Promise<UppDoc[]> {
  // A copy: callers sort it.
  const upps = [...(await uppsDelivering(serviceCode))];
  if (!place) return upps;
  const hosts = new Set([place.hostUppId, ...place.coHostUppIds].map(String));
  const rank = (u: UppDoc) =>
    (hosts.has(u._id.toString()) ? 4 : 0) +
    (u.agencyId.equals(place.agencyId) ? 2 : 0) +
    (u.region === place.region ? 1 : 0);
  return upps.sort((a, b) => rank(b) - rank(a));
}

/**
 * The one UPP responsible for a service in a forum's context, or null when it is ambiguous
 * (several equally good candidates) or nobody delivers the service: those go to triage.
 */
export async function resolveUpp(serviceCode: string, place: ForumPlace): Promise<UppDoc | null> {
  const ranked = await candidateUpps(serviceCode, place);
  if (ranked.length <= 1) return ranked[0] ?? null;
  const hosts = new Set([place.hostUppId, ...place.coHostUppIds].map(String));
  const host = ranked.find((u) => hosts.has(u._id.toString()));
  if (host) return host;
  const sameAgency = ranked.filter((u) => u.agencyId.equals(place.agencyId));
  if (sameAgency.length === 1) return sameAgency[0]!;
  const sameRegion = ranked.filter((u) => u.region === place.region);
  if (sameRegion.length === 1) return sameRegion[0]!;
  return null;
}
