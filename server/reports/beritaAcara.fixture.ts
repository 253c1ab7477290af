/** A realistic demo forum for tests and previews of the berita acara. */
import type { BeritaAcaraData, BeritaAcaraInput } from './beritaAcara.data';

type Seed = [kind: string, text: string, liveAnswer: string | null, replies?: string[]];

const SEEDS: Seed[] = [
  [
    'Pengaduan',
    'Antrean perekaman KTP-el di kantor kecamatan sangat panjang. Warga harus datang sejak ' +
      'subuh untuk mendapat nomor antrean, padahal kuota harian hanya 40 orang. Mohon ' +
      'disediakan antrean daring atau penambahan kuota, terutama untuk lansia dan penyandang ' +
      'disabilitas yang tidak kuat menunggu berjam-jam di ruang tunggu yang sempit.',
    'Mulai Juni kuota dinaikkan menjadi 80 orang per hari dan antrean daring dibuka melalui ' +
      'aplikasi. Lansia dan penyandang disabilitas dilayani di loket prioritas.',
    ['Setuju, saya juga mengalami hal yang sama minggu lalu.', 'Mohon jadwalnya diumumkan.'],
  ],
  [
    'Aspirasi / saran',
    'Mohon layanan jemput bola perekaman KTP-el untuk warga lansia dan penyandang disabilitas ' +
      'di desa-desa yang jauh dari kantor kecamatan.',
    'Layanan jemput bola dijadwalkan dua kali sebulan bergiliran di setiap desa.',
  ],
  [
    'Pertanyaan',
    'Berapa lama sebenarnya proses pencetakan KTP-el setelah perekaman? Saya sudah menunggu ' +
      'tiga bulan dan selalu dijawab blangko habis.',
    'Stok blangko sudah tersedia sejak April; pencetakan paling lama 14 hari kerja.',
  ],
  [
    'Pengaduan',
    'Petugas loket sering tidak ada di tempat pada jam istirahat yang molor sampai pukul ' +
      '14.00, sehingga warga menunggu tanpa kepastian.',
    null,
  ],
  [
    'Permintaan informasi',
    'Mohon informasi persyaratan lengkap pindah datang antarkabupaten.',
    null,
  ],
  [
    'Aspirasi / saran',
    'Ruang tunggu perlu kipas angin atau pendingin ruangan, kursi tambahan, dan pojok ' +
      'bermain anak. Banyak ibu yang datang membawa balita.',
    'Pengadaan kursi dan kipas angin masuk dalam anggaran perubahan tahun ini.',
  ],
  [
    'Pengaduan',
    'Ada calo di depan kantor yang menawarkan \u201Cjalur cepat\u201D dengan bayaran ' +
      'Rp150.000 \u{1F621}. Tolong ditertibkan. Bisa hubungi saya di 0812-3456-7890.',
    'Sudah dikoordinasikan dengan Satpol PP; laporan dapat disampaikan melalui kanal pengaduan.',
  ],
  ['Pertanyaan', 'Apakah pembuatan akta kelahiran bisa dilakukan sepenuhnya secara daring?', null],
  [
    'Apresiasi',
    'Terima kasih, pelayanan KIA untuk anak sekarang jauh lebih cepat \u{1F44D}\u{1F64F}',
    null,
  ],
  [
    'Aspirasi / saran',
    'Sebaiknya papan informasi alur layanan dan standar pelayanan dipasang di depan loket ' +
      'dan juga diumumkan di media sosial kecamatan.',
    null,
  ],
  ['Pertanyaan', 'Kenapa perubahan data KK harus menunggu tanda tangan kepala desa dulu?', null],
  [
    'Pengaduan',
    'Situs antrean daring sering galat pada pagi hari sehingga kuota habis sebelum warga ' +
      'berhasil mendaftar.',
    null,
  ],
  ['Aspirasi / saran', 'Tambahkan layanan pada hari Sabtu untuk pekerja.', null],
  ['Permintaan informasi', 'Di mana bisa melihat status permohonan dokumen saya?', null],
  [
    'Pengaduan',
    'Toilet untuk pengunjung terkunci dan tidak ada akses untuk pengguna kursi roda.',
    'Toilet dibuka untuk umum selama jam layanan; ram kursi roda sedang dibangun.',
  ],
  ['Pertanyaan', 'Apakah KTP-el yang rusak bisa diganti tanpa surat keterangan hilang?', null],
  ['Aspirasi / saran', 'Sediakan formulir dalam huruf besar bagi warga lansia.', null],
  ['Apresiasi', 'Petugas arsip sangat membantu dan ramah.', null],
  ['Pengaduan', 'Parkir motor sempit sehingga kendaraan warga ditilang di bahu jalan.', null],
  ['Pertanyaan', 'Bisakah mengurus dokumen kependudukan untuk keluarga yang sakit?', null],
  ['Aspirasi / saran', 'Perlu petugas khusus yang membantu warga yang tidak bisa membaca.', null],
  ['Permintaan informasi', 'Mohon jadwal layanan keliling bulan depan diumumkan.', null],
  ['Pengaduan', 'Nomor pengaduan di spanduk tidak pernah diangkat.', null],
  ['Pertanyaan', 'Apakah ada biaya untuk legalisir fotokopi KK?', 'Tidak dipungut biaya.'],
  ['Aspirasi / saran', 'Sediakan air minum di ruang tunggu.', null],
];

function inputs(): BeritaAcaraInput[] {
  return SEEDS.map(([kind, text, liveAnswer, replies], i) => ({
    rank: i + 1,
    kind,
    text,
    votes: Math.max(1, Math.round(64 * Math.pow(0.86, i))),
    status: liveAnswer || replies ? 'Dijawab' : i % 7 === 3 ? 'Diteruskan' : 'Ditayangkan',
    liveAnswer,
    replies: (replies ?? []).map((text, n) => ({
      from: 'Disdukcapil Kabupaten Bogor',
      text,
      at: new Date(Date.UTC(2025, 4, 16 + n, 2)),
    })),
  }));
}

export function demoBeritaAcara(): BeritaAcaraData {
  const list = inputs();
  return {
    agencyName: 'Pemerintah Kabupaten Bogor',
    uppName: 'Kecamatan Cibinong - Unit Layanan Administrasi Kependudukan',
    coHostNames: ['Dinas Kependudukan dan Pencatatan Sipil', 'Ombudsman RI Perwakilan Jawa Barat'],
    forumTitle: 'Peningkatan Layanan Perekaman dan Pencetakan KTP-el',
    forumCode: 'FKP-CBN-0425',
    type: 'live',
    location: 'Aula Serbaguna Kantor Kecamatan Cibinong',
    // 09.00-11.45 WIB on Wednesday 14 May 2025
    startedAt: new Date('2025-05-14T02:00:00Z'),
    endedAt: new Date('2025-05-14T04:45:00Z'),
    agenda: [
      'Pembukaan dan pemaparan standar pelayanan administrasi kependudukan oleh Camat Cibinong.',
      'Penyampaian masukan, pertanyaan, dan pengaduan masyarakat.',
      'Tanggapan penyelenggara layanan dan Dinas Kependudukan dan Pencatatan Sipil.',
      'Penyusunan dan penyepakatan rencana tindak lanjut.',
    ],
    counts: {
      participants: 48,
      inputs: list.length + 3,
      published: list.length,
      votes: list.reduce((sum, i) => sum + i.votes, 0),
      answered: list.filter((i) => i.liveAnswer || i.replies.length).length,
      answeredLive: list.filter((i) => i.liveAnswer).length,
      answeredByUpp: list.filter((i) => i.replies.length).length,
      answeredShare:
        Math.round(
          (list.filter((i) => i.liveAnswer || i.replies.length).length / list.length) * 1000,
        ) / 1000,
    },
    response: {
      received: 9,
      answered: 2,
      answeredWithinStandard: 1,
      due: 3,
      withinStandardShare: 0.333,
      medianResponseHours: 30.5,
      open: 7,
      overdue: 1,
    },
    inputs: list,
    followUps: [
      {
        what: 'Membuka antrean daring perekaman KTP-el dan menaikkan kuota harian menjadi 80 orang',
        owner: 'Kepala Seksi Pelayanan Kecamatan Cibinong',
        dueAt: new Date('2025-06-02T00:00:00Z'),
        status: 'Direncanakan',
      },
      {
        what: 'Layanan jemput bola perekaman KTP-el ke desa, dua kali sebulan',
        owner: 'Dinas Kependudukan dan Pencatatan Sipil',
        dueAt: new Date('2025-06-30T00:00:00Z'),
        status: 'Direncanakan',
      },
      {
        what: 'Penertiban calo dan pemasangan papan informasi alur serta biaya layanan (gratis)',
        owner: 'Sekretaris Kecamatan bersama Satpol PP',
        dueAt: new Date('2025-05-31T00:00:00Z'),
        status: 'Sedang berjalan',
      },
    ],
    signatories: [
      { role: 'Perwakilan Masyarakat', name: 'Siti Rahmawati' },
      { role: 'Notulis', name: '', nip: '' },
      {
        role: 'Camat Cibinong selaku Kepala Unit Penyelenggara Pelayanan',
        name: 'Drs. Ahmad Fauzi, M.Si.',
        nip: '19750812 199803 1 004',
      },
    ],
    generatedAt: new Date('2025-05-14T06:30:00Z'),
    publicUrl: 'https://forum.bogorkab.go.id/f/FKP-CBN-0425',
  };
}
