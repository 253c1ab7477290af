/**
 * Training-time variants of the authored corpus that look like what real portals receive, so the
 * model learns what does *not* decide the sector:
 *  - `address`: the writer's name and address first ("Saya Budi, warga Kelurahan X, Kec. Y"),
 *  - `form`: a portal export ("Judul: ... / Isi: ... / Lokasi: ..."),
 *  - `forward`: a forwarded WhatsApp message with its header and a plea to share,
 *  - `aside`: a passing mention of another topic ("anak-anak jadi telat ke sekolah"), as long
 *    letters have; the label stays the main topic,
 *  - `chat`: lowercase, abbreviated and without punctuation.
 * Every authored text gets one variant, chosen by a seeded PRNG, so training stays deterministic.
 * Variants are made after any train/test split (never of a held-out text).
 */
import type { Example } from './corpus';
import { rng } from './linear';

const NAMES = [
  'Budi',
  'Siti Aminah',
  'Yohanes',
  'Nur Hasanah',
  'Ketut Arya',
  'Rahmat',
  'Dewi',
  'Andi Baso',
  'Maria',
  'Ujang',
  'Teuku Fadli',
  'Rina',
  'Samsul',
  'Hj. Nurlela',
];
const PLACES = [
  'Sukajadi',
  'Mekarsari',
  'Tanjung Sari',
  'Karang Anyar',
  'Pasir Putih',
  'Sidomulyo',
  'Cempaka Baru',
  'Bukit Indah',
  'Talang Jawa',
  'Oebobo',
  'Bontoala',
  'Kampung Melayu',
  'Pasar Minggu',
  'Sekolah Tinggi',
];
const STREETS = [
  'Merdeka',
  'Pasar Baru',
  'Sekolah',
  'Pemuda',
  'Rumah Sakit',
  'Kantor Pos',
  'Masjid Raya',
  'Terminal',
  'Pelabuhan',
  'Kenanga',
];

const ASIDES = [
  'Anak-anak jadi susah berangkat ke sekolah.',
  'Ibu-ibu jadi susah ke pasar.',
  'Kalau ada yang sakit susah dibawa ke puskesmas.',
  'Kami sudah lapor ke pak RT dan kantor kelurahan tapi belum ada tanggapan.',
  'Padahal kami rajin bayar pajak setiap tahun.',
  'Sudah pernah diusulkan di musrenbang desa.',
  'Jalan ke sana juga jelek.',
  'Listrik juga kadang mati.',
  'Warga sini kebanyakan petani dan buruh.',
  'Kami orang kecil, penghasilan pas-pasan.',
  'Sudah viral di grup WA warga.',
  'Kepala desa juga sudah tahu masalah ini.',
  'Kemarin ada tamu dari kecamatan tapi tidak ada hasilnya.',
  'Musim hujan begini makin parah.',
  'Kami takut ada korban.',
  'Saya sudah telepon berkali-kali.',
  'Sudah saya sampaikan juga ke kelurahan dan kecamatan.',
  'Pak lurah bilang itu bukan wewenang kelurahan.',
  'Kata orang kantor desa harus lapor ke dinas.',
  'Camat sudah pernah meninjau tapi tidak ada kelanjutan.',
  'Saya kerja di pabrik, jadi tidak bisa datang ke kantor pada jam kerja.',
  'Anak saya masih sekolah SD dan suami saya buruh harian.',
  'Tetangga yang punya mobil juga mengeluh.',
  'Di sini banyak lansia dan anak kecil.',
  'Kami sudah iuran warga untuk memperbaiki sendiri tapi tidak cukup.',
  'Mohon jangan hanya dijanjikan seperti tahun lalu.',
];

const CHAT: Record<string, string> = {
  yang: 'yg',
  tidak: 'gak',
  sudah: 'udh',
  belum: 'blm',
  dengan: 'dgn',
  untuk: 'utk',
  karena: 'krn',
  saya: 'sy',
  jalan: 'jln',
  sekarang: 'skrg',
  bagaimana: 'gmn',
  sampai: 'smp',
  tolong: 'tlg',
  banyak: 'byk',
  tapi: 'tp',
};

type Rand = () => number;
const pick = <T>(r: Rand, a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;

function place(r: Rand): string {
  return `Kelurahan ${pick(r, PLACES)}, Kecamatan ${pick(r, PLACES)}`;
}

function firstWords(text: string, n: number): string {
  return text
    .split(/\s+/)
    .slice(0, n)
    .join(' ')
    .replace(/[.,!?;:]+$/, '');
}

const FRAMES: Record<string, (text: string, r: Rand) => string> = {
  address: (t, r) =>
    `Saya ${pick(r, NAMES)}, warga ${place(r)}, tinggal di Gang ${pick(r, STREETS)} RT 0${1 + Math.floor(r() * 9)} RW 0${1 + Math.floor(r() * 9)}. ${t}`,
  form: (t, r) =>
    `Judul: ${firstWords(t, 5)}\nIsi: ${t}\nLokasi: Desa ${pick(r, PLACES)}, Kec. ${pick(r, PLACES)}, Kab. ${pick(r, PLACES)}`,
  forward: (t, r) =>
    `${pick(r, ['Fwd:', '*Diteruskan dari grup warga*', '[Forwarded message]', 'Diteruskan:'])}\n${t}\n${pick(r, ['Mohon dibantu share 🙏', 'Tolong viralkan!!', 'Bagikan ke grup lain ya', ''])}`,
  plain: (t) => t,
};
const FRAME_KINDS = Object.keys(FRAMES);

function chat(t: string): string {
  return t
    .toLowerCase()
    .replace(/[.,;:!?()"]/g, ' ')
    .split(/\s+/)
    .map((w) => CHAT[w] ?? w)
    .join(' ')
    .trim();
}

/**
 * One realistic variant of every example (same label and service code, style `aug:<parts>`): a
 * frame (address, form, forward or none), then with some probability one or two asides, then
 * with some probability chat style. Never the text unchanged.
 */
export function augment(examples: readonly Example[], seed = 7): Example[] {
  const r = rng(seed);
  return examples.map((e) => {
    const frame = pick(r, FRAME_KINDS);
    const parts = [frame];
    let text = e.text;
    const asides = r() < 0.6 || frame === 'plain' ? 1 + Math.floor(r() * 2) : 0;
    for (let i = 0; i < asides; i++) text = `${text} ${pick(r, ASIDES)}`;
    if (asides > 0) parts.push('aside');
    text = (FRAMES[frame] as (t: string, r: Rand) => string)(text, r);
    if (r() < 0.25) {
      text = chat(text);
      parts.push('chat');
    }
    return { ...e, text, style: `aug:${parts.join('+')}` };
  });
}
