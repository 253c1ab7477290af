/**
 * The fixed sector vocabulary used by routing, the catalog, the API and the batch classifier.
 * Slugs never change; labels are shown to people (Bahasa Indonesia first, English second).
 */
export const SECTORS = [
  'kependudukan',
  'pendidikan',
  'kesehatan',
  'sosial',
  'pekerjaan_umum',
  'perumahan',
  'pertanahan',
  'perhubungan',
  'lingkungan',
  'air_bersih',
  'listrik',
  'energi',
  'perizinan',
  'pajak',
  'ketenagakerjaan',
  'kepegawaian',
  'keamanan',
  'ketertiban',
  'imigrasi',
  'pertanian',
  'perdagangan_umkm',
  'bencana',
  'agama',
  'lainnya',
] as const;

export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, { id: string; en: string }> = {
  kependudukan: { id: 'Kependudukan & Pencatatan Sipil', en: 'Civil registration' },
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  sosial: { id: 'Sosial & Kesejahteraan', en: 'Social welfare' },
  pekerjaan_umum: { id: 'Pekerjaan Umum (jalan, jembatan, drainase)', en: 'Public works' },
  perumahan: { id: 'Perumahan & Permukiman', en: 'Housing' },
  pertanahan: { id: 'Pertanahan', en: 'Land' },
  perhubungan: { id: 'Perhubungan & Transportasi', en: 'Transport' },
  lingkungan: { id: 'Lingkungan Hidup & Persampahan', en: 'Environment & waste' },
  air_bersih: { id: 'Air Bersih (PDAM)', en: 'Clean water' },
  listrik: { id: 'Listrik', en: 'Electricity' },
  energi: { id: 'Energi (BBM, LPG)', en: 'Energy (fuel, LPG)' },
  perizinan: { id: 'Perizinan & Penanaman Modal', en: 'Permits & licensing' },
  pajak: { id: 'Pajak & Retribusi Daerah', en: 'Local taxes & fees' },
  ketenagakerjaan: { id: 'Ketenagakerjaan', en: 'Labour & employment' },
  kepegawaian: { id: 'Kepegawaian (ASN)', en: 'Civil service staffing' },
  keamanan: { id: 'Keamanan & Kepolisian', en: 'Security & police' },
  ketertiban: { id: 'Ketertiban Umum', en: 'Public order' },
  imigrasi: { id: 'Keimigrasian', en: 'Immigration' },
  pertanian: { id: 'Pertanian & Peternakan', en: 'Agriculture & livestock' },
  perdagangan_umkm: { id: 'Perdagangan, Koperasi & UMKM', en: 'Trade, cooperatives & SMEs' },
  bencana: { id: 'Kebencanaan & Pemadam Kebakaran', en: 'Disasters & fire services' },
  agama: { id: 'Keagamaan', en: 'Religious affairs' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** The 14 life-journey stages of the service catalog (see the reference taxonomy). */
export const LIFE_STAGES = [
  'LHR',
  'PDD',
  'IDN',
  'KRJ',
  'KLG',
  'USH',
  'RMH',
  'PDH',
  'SHT',
  'SOS',
  'KND',
  'LNG',
  'LNS',
  'MTI',
] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

export const LIFE_STAGE_LABELS: Record<LifeStage, string> = {
  LHR: 'Kelahiran & anak usia dini',
  PDD: 'Pendidikan',
  IDN: 'Dewasa & identitas',
  KRJ: 'Pekerjaan',
  KLG: 'Pernikahan & keluarga',
  USH: 'Usaha',
  RMH: 'Rumah, tanah & bangunan',
  PDH: 'Pindah domisili',
  SHT: 'Kesehatan',
  SOS: 'Perlindungan sosial',
  KND: 'Kendaraan & transportasi',
  LNG: 'Lingkungan & fasilitas umum',
  LNS: 'Lansia',
  MTI: 'Kematian',
};
