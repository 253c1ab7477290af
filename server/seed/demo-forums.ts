import { randomBytes } from 'node:crypto';
import type { InputKind } from '../../shared/domain/forum';
import type { ServiceContext } from '../context';
import { ForumModel } from '../forums/forum.model';
import { InputModel } from '../forums/input.model';
import { submitInput, voteInput } from '../forums/input.service';
import { newJoinCode } from '../forums/joinCode';
import { Upp } from '../admin/upp.model';
import { toAuthUser } from '../auth/passport';
import { User } from '../auth/user.model';
import { CaseModel } from '../inbox/case.model';
import { reply } from '../inbox/case.service';

export interface DemoRefs {
  upps: Map<string, string>;
  users: Map<string, string>;
}

type DemoInput = [kind: InputKind, text: string, name: string, votes: number, publish: boolean];

const LIVE_INPUTS: DemoInput[] = [
  [
    'complaint',
    'Antrian perekaman KTP-el di kantor Dukcapil sudah dari jam 6 pagi, nomor antrian habis jam 8. Mohon ditambah loket atau antrian online.',
    'Dewi',
    9,
    true,
  ],
  [
    'question',
    'Apakah akta kelahiran anak bisa diurus online tanpa datang ke kantor? Syaratnya apa saja?',
    'Agus',
    6,
    true,
  ],
  [
    'suggestion',
    'Usul: layanan jemput bola perekaman KTP untuk lansia dan disabilitas di kelurahan.',
    '',
    5,
    true,
  ],
  [
    'complaint',
    'KK saya sudah 3 minggu belum jadi padahal katanya 1 jam selesai. Tolong dicek.',
    'Hendra',
    3,
    true,
  ],
  [
    'appreciation',
    'Terima kasih petugas loket 2 sangat ramah dan membantu mengisi formulir.',
    'Bu Ratna',
    2,
    true,
  ],
  [
    'info_request',
    'Kapan blangko KTP-el tersedia lagi? Sudah 2 bulan pakai surat keterangan.',
    '',
    0,
    false,
  ],
];

const ASYNC_INPUTS: DemoInput[] = [
  [
    'complaint',
    'Jalan Melati RT 03/RW 05 berlubang besar di depan SD, sudah dua motor jatuh minggu ini.',
    'Pak RT 03',
    7,
    true,
  ],
  [
    'suggestion',
    'Saluran drainase di Jl. Kenanga perlu dinormalisasi sebelum musim hujan, tiap tahun banjir sebetis.',
    'Warga Kenanga',
    4,
    true,
  ],
  [
    'complaint',
    'Perbaikan jembatan kecil di Kampung Sawah berhenti sejak Agustus, material dibiarkan di jalan.',
    '',
    3,
    true,
  ],
  [
    'question',
    'Bagaimana cara mengusulkan pengaspalan gang lewat Musrenbang kelurahan?',
    'Yusuf',
    1,
    true,
  ],
];

async function addInputs(ctx: ServiceContext, forumId: string, items: DemoInput[]) {
  const voters = Array.from({ length: 10 }, () => randomBytes(12).toString('base64url'));
  for (const [kind, text, displayName, votes, publish] of items) {
    const author = randomBytes(12).toString('base64url');
    const { input } = await submitInput(ctx, { participantId: author }, forumId, {
      text,
      kind,
      serviceCode: null,
      displayName,
      idempotencyKey: randomBytes(12).toString('base64url'),
      contactEmail: '',
    });
    if (!publish) continue;
    if (input.status === 'pending') {
      await InputModel.updateOne(
        { _id: input.id },
        { $set: { status: 'published', publishedAt: new Date() } },
      );
      // Published inputs that were routed open a case in the UPP's inbox, as at approval.
      const doc = await InputModel.findById(input.id);
      if (doc) {
        await ctx.onPublished(doc);
        await ctx.live.cache.changed(forumId, { inputs: [doc], cases: true });
        await ctx.live.touch(forumId);
      }
    }
    for (const voter of voters.slice(0, votes)) {
      await voteInput(ctx, { participantId: voter }, input.id, true);
    }
  }
  await ctx.live.flushAll(forumId);
}

/** Seeds one live and one asynchronous forum with some inputs (through the service layer). */
export async function seedDemoForums(
  refs: DemoRefs,
  ctx: ServiceContext,
): Promise<{ liveCode: string } | null> {
  const dukcapil = await Upp.findById(refs.upps.get('dukcapil-sukamaju'));
  const pupr = await Upp.findById(refs.upps.get('pupr-sukamaju'));
  if (!dukcapil || !pupr) return null;
  const now = Date.now();
  const hour = 3600_000;
  const live = await ForumModel.create({
    code: newJoinCode(),
    title: 'Forum Konsultasi Publik: Layanan KTP-el, KK dan Akta Kelahiran',
    description:
      'Forum tatap muka Dinas Dukcapil Kota Sukamaju dengan warga tentang antrian, persyaratan dan waktu layanan administrasi kependudukan.',
    agenda: [
      'Pembukaan dan paparan standar pelayanan',
      'Tanya jawab dan masukan warga',
      'Kesepakatan rencana tindak lanjut',
    ],
    type: 'live',
    status: 'live',
    location: 'Aula Kantor Kecamatan Sukamaju Tengah',
    hostUppId: dukcapil._id,
    coHostUppIds: [],
    agencyId: dukcapil.agencyId,
    region: dukcapil.region,
    schedule: {
      opensAt: new Date(now - hour),
      liveStartAt: new Date(now - hour / 2),
      liveEndAt: new Date(now + 2 * hour),
      closesAt: new Date(now + 3 * hour),
    },
    createdBy: refs.users.get('facilitator'),
  });
  const open = await ForumModel.create({
    code: newJoinCode(),
    title: 'Aspirasi Warga: Perbaikan Jalan dan Drainase Lingkungan 2027',
    description:
      'Forum daring Dinas PUPR untuk menampung usulan dan keluhan warga tentang jalan lingkungan, jembatan dan saluran air.',
    agenda: ['Usulan titik perbaikan', 'Prioritas anggaran 2027'],
    type: 'async',
    status: 'open',
    hostUppId: pupr._id,
    coHostUppIds: [],
    agencyId: pupr.agencyId,
    region: pupr.region,
    schedule: { opensAt: new Date(now - 24 * hour), closesAt: new Date(now + 14 * 24 * hour) },
    settings: { moderation: 'post' },
    createdBy: refs.users.get('facilitator'),
  });
  await addInputs(ctx, live._id.toString(), LIVE_INPUTS);
  await addInputs(ctx, open._id.toString(), ASYNC_INPUTS);
  await answerOne(ctx, refs);
  return { liveCode: live.code };
}

/** The demo UPP head has already answered one item, so the citizen side shows a reply. */
async function answerOne(ctx: ServiceContext, refs: DemoRefs): Promise<void> {
  const head = await User.findById(refs.users.get('upp_head'));
  const first = await CaseModel.findOne({ uppId: head?.uppIds[0] }).sort({ receivedAt: 1 });
  if (!head || !first) return;
  await reply(ctx, toAuthUser(head), first._id.toString(), {
    text: 'Terima kasih atas masukannya. Mulai bulan depan kami membuka antrian daring dan loket tambahan setiap Sabtu pagi.',
    resolve: false,
  });
}
