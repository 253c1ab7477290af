/** Demo data for a newcomer's first run. Passwords are demo-only and printed at start. */
export const DEMO_AGENCY = {
  name: 'Pemerintah Kota Sukamaju',
  slug: 'kota-sukamaju',
  level: 'kab/kota' as const,
  region: 'Kota Sukamaju, Jawa Barat',
};

export const DEMO_UPPS = [
  {
    slug: 'dukcapil-sukamaju',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Sukamaju',
    uppType: 'Dinas Dukcapil kab/kota',
    serviceCodes: [
      'LHR-0123-01',
      'LHR-0123-02',
      'IDN-0123-01',
      'IDN-0123-02',
      'KLG-0123-02',
      'KLG-0123-03',
      'PDH-0123-01',
      'MTI-0123-01',
    ],
  },
  {
    slug: 'puskesmas-sukamaju-tengah',
    name: 'Puskesmas Sukamaju Tengah',
    uppType: 'Puskesmas',
    serviceCodes: ['LHR-0125-03', 'SHT-0125-01'],
  },
  {
    slug: 'pupr-sukamaju',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Sukamaju',
    uppType: 'Dinas PUPR',
    serviceCodes: ['LNG-0117-02', 'LNG-0117-08'],
  },
  {
    slug: 'dlh-sukamaju',
    name: 'Dinas Lingkungan Hidup Kota Sukamaju',
    uppType: 'Dinas Lingkungan Hidup',
    serviceCodes: ['LNG-0140-01', 'LNG-0140-07'],
  },
  {
    slug: 'dishub-sukamaju',
    name: 'Dinas Perhubungan Kota Sukamaju',
    uppType: 'Dinas Perhubungan',
    serviceCodes: ['KND-0119-02', 'KND-0119-03'],
  },
];

export const DEMO_ACCOUNTS = [
  {
    email: 'platform@sukamaju.demo',
    password: 'demo-platform-12345',
    role: 'platform_admin' as const,
    displayName: 'Admin Platform',
    upps: [] as string[],
  },
  {
    email: 'admin@sukamaju.demo',
    password: 'demo-admin-12345',
    role: 'agency_admin' as const,
    displayName: 'Admin Kota Sukamaju',
    upps: [] as string[],
  },
  {
    email: 'fasilitator@sukamaju.demo',
    password: 'demo-fasil-12345',
    role: 'facilitator' as const,
    displayName: 'Rina Fasilitator',
    upps: ['dukcapil-sukamaju', 'pupr-sukamaju'],
  },
  {
    email: 'kepala.dukcapil@sukamaju.demo',
    password: 'demo-kepala-12345',
    role: 'upp_head' as const,
    displayName: 'Budi Kepala Dukcapil',
    upps: ['dukcapil-sukamaju'],
  },
  {
    email: 'warga@sukamaju.demo',
    password: 'demo-warga-12345',
    role: 'citizen' as const,
    displayName: 'Siti Warga',
    upps: [] as string[],
  },
];
