/**
 * Multi-word names that citizens spell out or abbreviate in many ways, mapped to one form, so that
 * "KTP elektronik", "KTP-el", "e-KTP" and "kartu tanda penduduk" are the same feature (and the same
 * stem for similar-input suggestions). Matched on lowercase tokens after abbreviations and regional
 * words are expanded, longest phrase first. Changing this list changes the features: bump
 * NORMALIZER_VERSION and retrain.
 */
export const SYNONYM_PHRASES: Readonly<Record<string, string>> = {
  'kartu tanda penduduk elektronik': 'ktp',
  'kartu tanda penduduk': 'ktp',
  'ktp elektronik': 'ktp',
  'identitas kependudukan digital': 'ikd',
  'kartu keluarga': 'kk',
  'kartu identitas anak': 'kia',
  'gas melon': 'gas lpg',
  'tabung melon': 'tabung lpg',
  'bahan bakar minyak': 'bbm',
  'byar pet': 'listrik padam',
  'lampu merah': 'apill',
  'lampu lalu lintas': 'apill',
  'lampu lalin': 'apill',
  'lampu bangjo': 'apill',
  'traffic light': 'apill',
  'penerangan jalan umum': 'pju',
  'lampu penerangan jalan': 'pju',
  'lampu jalan': 'pju',
  'rumah sakit': 'rs',
  'rumah sakit umum daerah': 'rsud',
  'puskesmas pembantu': 'pustu',
  'pajak bumi dan bangunan': 'pbb',
  'kartu indonesia sehat': 'kis',
  'kartu indonesia pintar': 'kip',
  'program indonesia pintar': 'pip',
  'program keluarga harapan': 'pkh',
  'bantuan pangan non tunai': 'bpnt',
  'bantuan langsung tunai': 'blt',
  'surat izin mengemudi': 'sim',
  'surat keterangan catatan kepolisian': 'skck',
  'izin mendirikan bangunan': 'imb',
  'persetujuan bangunan gedung': 'pbg',
  'jaminan hari tua': 'jht',
  'tunjangan hari raya': 'thr',
  'pedagang kaki lima': 'pkl',
  'pemadam kebakaran': 'damkar',
  'satuan polisi pamong praja': 'satpol',
  'satpol pp': 'satpol',
};

/** Single-word spellings of the same names. */
export const SYNONYM_WORDS: Readonly<Record<string, string>> = {
  ektp: 'ktp',
  ktpel: 'ktp',
  el: '',
  akte: 'akta',
  elpiji: 'lpg',
  elpiigi: 'lpg',
  byarpet: 'listrik padam',
  bangjo: 'apill',
  lalin: 'lalu lintas',
  rsu: 'rsud',
  sertipikat: 'sertifikat',
  sertifikatnya: 'sertifikat',
  pamong: '',
};
