/** Bahasa Indonesia: roles, limits, slow mode and vote-stuffing signals. */
export const idSafety = {
  'role.platform_admin': 'Admin platform',
  'role.agency_admin': 'Admin instansi',
  'role.facilitator': 'Fasilitator',
  'role.upp_head': 'Kepala UPP',
  'role.citizen': 'Warga',
  'role.admin': 'Admin',
  'role.system': 'Sistem',
  'error.rateLimited': 'Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.',
  'error.slowMode': 'Mode lambat: tunggu {seconds} detik sebelum mengirim masukan berikutnya.',
  'error.accountRequired': 'Forum ini meminta Anda masuk dengan akun warga untuk memberi dukungan.',
  'slow.notice': 'Mode lambat aktif: satu masukan per peserta setiap {seconds} detik.',
  'slow.wait': 'Anda dapat mengirim lagi dalam {seconds} detik.',
  'vote.needsAccount': 'Masuk dengan akun warga untuk memberi dukungan.',
  'vote.login': 'Masuk',
} as const;
