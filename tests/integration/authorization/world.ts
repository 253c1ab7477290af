import { randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import { InputCreate } from '../../../shared/schemas/input';
import { toAuthUser } from '../../../server/auth/passport';
import type { AuthUser } from '../../../server/auth/types';
import { seedCatalog } from '../../../server/catalog/catalog.seed';
import { submitInput } from '../../../server/forums/input.service';
import { approve } from '../../../server/forums/moderation.service';
import { CaseModel } from '../../../server/inbox/case.model';
import { buildAgency, buildForum, buildUpp, buildUser, PASSWORD } from '../../helpers/factories';
import { Client } from '../../helpers/http';
import type { TestApp } from '../../helpers/testApp';

/**
 * The identities of the matrix, in column order: nobody, the anonymous participant who wrote
 * the inputs, another participant, a signed-in citizen, then staff of this UPP / another UPP of
 * the same agency, the admins of this agency / another agency, and a platform admin.
 */
export const IDENTITIES = [
  'none',
  'participant',
  'otherParticipant',
  'citizen',
  'facilitatorThisUpp',
  'facilitatorOtherUpp',
  'headThisUpp',
  'headOtherUpp',
  'agencyAdminThis',
  'agencyAdminOther',
  'platformAdmin',
] as const;
export type Identity = (typeof IDENTITIES)[number];

const uid = () => randomBytes(4).toString('hex');

/** A browser as one identity: its cookie jar, and a way to get a fresh session of its own. */
export interface Who {
  id: Identity;
  /** The identity's long-lived client (cookies: participant and/or session). */
  client(): Client;
  /** A new client of the same identity (routes that end or replace the session). */
  fresh(): Promise<Client>;
}

export type World = Awaited<ReturnType<typeof buildMatrixWorld>>;

export async function buildMatrixWorld(app: TestApp) {
  await seedCatalog();
  const agencyA = await buildAgency();
  const agencyB = await buildAgency();
  const uppA = await buildUpp(agencyA._id);
  const uppB = await buildUpp(agencyA._id);
  const uppX = await buildUpp(agencyB._id);
  const accounts = {
    citizen: await buildUser('citizen'),
    facilitatorThisUpp: await buildUser('facilitator', { uppIds: [uppA._id] }),
    facilitatorOtherUpp: await buildUser('facilitator', { uppIds: [uppB._id] }),
    headThisUpp: await buildUser('upp_head', { uppIds: [uppA._id] }),
    headOtherUpp: await buildUser('upp_head', { uppIds: [uppB._id] }),
    agencyAdminThis: await buildUser('agency_admin', { agencyId: agencyA._id }),
    agencyAdminOther: await buildUser('agency_admin', { agencyId: agencyB._id }),
    platformAdmin: await buildUser('platform_admin'),
  };
  const staffTarget = await buildUser('facilitator', { uppIds: [uppA._id] });
  const loginTarget = await buildUser('citizen');
  const platform: AuthUser = toAuthUser(accounts.platformAdmin);

  const participantClient = async () => {
    const c = new Client(app.baseUrl);
    const me = await c.get<{ participantId: string }>('/api/auth/me');
    return { client: c, pid: me.body.participantId };
  };
  const participant = await participantClient();
  const other = await participantClient();
  const author2 = await participantClient();

  const signedIn = new Map<Identity, Client>();
  for (const [id, user] of Object.entries(accounts)) {
    const c = new Client(app.baseUrl);
    await c.login(user.email, PASSWORD);
    signedIn.set(id as Identity, c);
  }
  const who = (id: Identity): Who => ({
    id,
    client: () =>
      id === 'none'
        ? new Client(app.baseUrl)
        : id === 'participant'
          ? participant.client
          : id === 'otherParticipant'
            ? other.client
            : signedIn.get(id)!,
    fresh: async () => {
      if (id === 'none') return new Client(app.baseUrl);
      if (id === 'participant' || id === 'otherParticipant')
        return (await participantClient()).client;
      const c = new Client(app.baseUrl);
      await c.login(accounts[id].email, PASSWORD);
      return c;
    },
  });

  const live = await buildForum(uppA, { status: 'live', settings: { moderation: 'pre' } });
  /** A quiet live forum for the minutes and exports (few inputs: quick to render). */
  const quiet = await buildForum(uppA, { status: 'live', settings: { moderation: 'post' } });
  const draft = await buildForum(uppA, { status: 'draft', title: 'Draf forum matriks' });
  const F = live._id.toString();

  /** An input written by a participant (pending: the forum pre-moderates). */
  const pending = async (pid = participant.pid): Promise<string> => {
    const body = InputCreate.parse({
      text: `Antrian pelayanan KTP di kantor kecamatan terlalu panjang ${uid()}`,
      kind: 'complaint',
      idempotencyKey: `mx-${uid()}${uid()}`,
    });
    const r = await submitInput(app.ctx, { participantId: pid }, F, body);
    return r.input.id;
  };
  const published = async (pid = participant.pid): Promise<string> => {
    const id = await pending(pid);
    await approve(app.ctx, platform, id);
    return id;
  };
  /** A published input routed by hand to this UPP: its inbox case. */
  const inboxCase = async (status?: 'resolved'): Promise<{ caseId: string; inputId: string }> => {
    const inputId = await published();
    const r = await signedIn.get('platformAdmin')!.post(`/api/inputs/${inputId}/route`, {
      sector: 'kependudukan',
      serviceCode: null,
      uppId: uppA._id.toString(),
      reason: 'matriks',
    });
    if (r.status !== 200) throw new Error(`route failed: ${r.status} ${JSON.stringify(r.body)}`);
    const c = await CaseModel.findOne({ type: 'input', inputId });
    if (!c) throw new Error('no case opened');
    if (status) await CaseModel.updateOne({ _id: c._id }, { $set: { status } });
    return { caseId: c._id.toString(), inputId };
  };

  return {
    app,
    who,
    ids: (x: { _id: Types.ObjectId }) => x._id.toString(),
    agencyA,
    agencyB,
    uppA,
    uppB,
    uppX,
    accounts,
    staffTarget,
    loginTarget,
    live,
    quiet,
    draft,
    F,
    fresh: {
      pending,
      published,
      inboxCase,
      draftForum: () => buildForum(uppA, { status: 'draft' }),
    },
    /** A published input written by someone else than every identity (votes). */
    votable: await published(author2.pid),
    spotlightable: await published(),
    uid,
  };
}
