/**
 * Bahasa Indonesia: what kind of error happened, for errors without a known reason. Loaded with
 * the staff pages: the Indonesian citizen page shows the server's own (Indonesian) message.
 */
export const idErrors = {
  'error.unavailable': 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.',
  'error.unauthenticated': 'Silakan masuk terlebih dahulu.',
  'error.forbidden': 'Anda tidak berwenang melakukan ini.',
  'error.invalid': 'Data yang dikirim tidak sah. Periksa isian lalu coba lagi.',
  'error.conflict': 'Data sudah berubah atau sudah ada. Muat ulang lalu coba lagi.',
  'error.tooLarge': 'Data yang dikirim terlalu besar.',
  'error.closed': 'Forum ini sudah ditutup.',
} as const;
