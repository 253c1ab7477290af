/**
 * Small synthetic corpus for the unit tests (four sectors, two of them with two service codes).
 * Texts are built from a subject, a problem and a tail in every combination.
 */
import type { Example } from './corpus';

interface Topic {
  sector: Example['sector'];
  serviceCode: string;
  subjects: string[];
  problems: string[];
}

const TOPICS: Topic[] = [
  {
    sector: 'pekerjaan_umum',
    serviceCode: 'LNG-0117-02',
    subjects: ['jalan di depan rumah', 'jembatan desa', 'jalan raya kampung', 'aspal jalan gang'],
    problems: ['rusak parah dan berlubang', 'ambles setelah hujan', 'retak dan belum diperbaiki'],
  },
  {
    sector: 'pekerjaan_umum',
    serviceCode: 'LNG-0117-08',
    subjects: [
      'saluran irigasi sawah',
      'tanggul sungai',
      'saluran irigasi desa',
      'bendungan kecil',
    ],
    problems: ['jebol dan airnya meluap', 'tersumbat lumpur', 'retak dan bocor'],
  },
  {
    sector: 'kependudukan',
    serviceCode: 'IDN-0123-01',
    subjects: ['ktp elektronik saya', 'e-ktp istri saya', 'kartu tanda penduduk anak saya'],
    problems: ['belum dicetak karena blanko habis', 'salah nama dan minta perbaikan data'],
  },
  {
    sector: 'kependudukan',
    serviceCode: 'LHR-0123-01',
    subjects: ['akta kelahiran bayi saya', 'akta lahir anak kedua', 'pengurusan akta kelahiran'],
    problems: ['belum terbit di dukcapil', 'salah tanggal lahir di akta'],
  },
  {
    sector: 'listrik',
    serviceCode: 'RMH-0000-06',
    subjects: ['listrik di kampung kami', 'aliran listrik pln', 'meteran token listrik'],
    problems: ['padam setiap malam', 'sering mati mendadak', 'tagihan naik tidak wajar'],
  },
  {
    sector: 'pendidikan',
    serviceCode: 'PDD-0131-01',
    subjects: ['pendaftaran murid baru sd', 'zonasi sekolah smp', 'penerimaan siswa baru'],
    problems: ['anak saya tidak diterima di sekolah', 'kuota sekolah negeri penuh'],
  },
];

const TAILS = ['', ' mohon segera ditindaklanjuti', ' sudah dua minggu', ' tolong dibantu pak'];

export function syntheticCorpus(): Example[] {
  const out: Example[] = [];
  for (const t of TOPICS) {
    for (const s of t.subjects) {
      for (const p of t.problems) {
        for (const tail of TAILS) {
          out.push({ text: `${s} ${p}${tail}`, sector: t.sector, serviceCode: t.serviceCode });
        }
      }
    }
  }
  return out;
}
