/** Realistic citizen input in Bahasa Indonesia, 40-400 characters, built from phrases. */
import type { InputKind } from '../../shared/domain/forum';
import { pick } from './rng';

const SUBJECTS = [
  'pengurusan KTP elektronik di kecamatan',
  'pembuatan kartu keluarga baru',
  'antrean pendaftaran di puskesmas',
  'layanan BPJS Kesehatan di rumah sakit daerah',
  'perbaikan jalan rusak di depan pasar',
  'aliran air PDAM di perumahan kami',
  'izin usaha mikro lewat OSS',
  'pengangkutan sampah di kelurahan',
  'penerangan jalan umum di gang sekolah',
  'pendaftaran sekolah sistem zonasi',
  'akta kelahiran untuk anak kami',
  'bantuan sosial untuk warga lansia',
  'saluran drainase yang tersumbat saat hujan',
  'pelayanan ambulans desa',
  'perpanjangan SIM di Satpas',
];

const QUESTION = [
  'Berapa lama sebenarnya proses {s}?',
  'Apakah {s} bisa dilakukan secara daring tanpa harus datang ke kantor?',
  'Siapa yang harus kami hubungi jika {s} tidak selesai sesuai jadwal?',
  'Mengapa biaya {s} berbeda antara petugas yang satu dengan yang lain?',
];
const COMPLAINT = [
  'Kami sudah tiga minggu menunggu {s} tetapi belum ada kabar sama sekali.',
  'Petugas meminta berkas tambahan berulang kali untuk {s}, padahal syaratnya sudah lengkap.',
  'Masalah {s} sudah kami laporkan sejak bulan lalu namun belum ditindaklanjuti.',
  'Warga harus datang sejak subuh untuk {s} dan sering pulang tanpa hasil.',
];
const SUGGESTION = [
  'Mohon disediakan nomor antrean daring untuk {s} agar warga tidak menunggu lama.',
  'Sebaiknya jadwal dan syarat {s} diumumkan di papan informasi dan media sosial.',
  'Kami usul ada petugas keliling untuk {s} bagi warga yang tinggal jauh.',
];
const INFO = [
  'Mohon informasi syarat lengkap dan standar waktu pelayanan untuk {s}.',
  'Di mana kami bisa melihat jadwal dan biaya resmi {s}?',
];
const APPRECIATION = [
  'Terima kasih, pelayanan {s} sekarang jauh lebih cepat dan petugasnya ramah.',
  'Kami mengapresiasi perbaikan {s} yang sudah dirasakan warga.',
];
const TAILS = [
  'Mohon perhatian dari dinas terkait.',
  'Terima kasih atas perhatiannya.',
  'Hal ini sangat dirasakan oleh warga lansia dan penyandang disabilitas.',
  'Kami berharap ada kepastian waktu penyelesaiannya.',
  'Banyak tetangga kami mengalami hal yang sama.',
  'Informasi di loket sering berbeda dengan yang ada di situs resmi.',
  'Semoga forum ini bisa membawa perubahan nyata.',
];

const BY_KIND: Record<InputKind, readonly string[]> = {
  question: QUESTION,
  complaint: COMPLAINT,
  suggestion: SUGGESTION,
  info_request: INFO,
  appreciation: APPRECIATION,
};

export const KINDS: readonly InputKind[] = [
  'question',
  'question',
  'complaint',
  'complaint',
  'suggestion',
  'info_request',
  'appreciation',
];

const NAMES = ['', '', '', 'Budi', 'Siti Aminah', 'Pak RT 04', 'Dewi', 'Agus S.', 'Wayan'];

export function citizenText(r: () => number, kind: InputKind): string {
  let text = pick(r, BY_KIND[kind]).replace('{s}', pick(r, SUBJECTS));
  const tails = Math.floor(r() * 4);
  for (let i = 0; i < tails; i += 1) {
    const next = `${text} ${pick(r, TAILS)}`;
    if (next.length > 400) break;
    text = next;
  }
  return text;
}

export function displayName(r: () => number): string {
  return pick(r, NAMES);
}
