import { label, t } from './i18n.svelte';

type Label = { id: string; en: string };

/** Audit log action codes in words (route names and the services' own entries). */
const ACTIONS: Record<string, Label> = {
  'auth.login': { id: 'Masuk', en: 'Signed in' },
  'auth.logout': { id: 'Keluar', en: 'Signed out' },
  'auth.password': { id: 'Mengganti kata sandi', en: 'Changed password' },
  'agency.create': { id: 'Membuat instansi', en: 'Created an agency' },
  'agency.update': { id: 'Mengubah instansi', en: 'Edited an agency' },
  'upp.create': { id: 'Membuat UPP', en: 'Created a UPP' },
  'upp.update': { id: 'Mengubah UPP', en: 'Edited a UPP' },
  'staff.create': { id: 'Membuat akun petugas', en: 'Created a staff account' },
  'staff.update': { id: 'Mengubah akun petugas', en: 'Edited a staff account' },
  'catalog.create': { id: 'Menambah layanan ke katalog', en: 'Added a catalog service' },
  'catalog.update': { id: 'Mengubah layanan di katalog', en: 'Edited a catalog service' },
  'catalog.import': { id: 'Mengimpor katalog', en: 'Imported the catalog' },
  'holiday.create': { id: 'Menambah hari libur', en: 'Added a holiday' },
  'holiday.delete': { id: 'Menghapus hari libur', en: 'Removed a holiday' },
  'forum.create': { id: 'Membuat forum', en: 'Created a forum' },
  'forum.update': { id: 'Mengubah forum', en: 'Edited a forum' },
  'forum.status': { id: 'Mengubah status forum', en: 'Changed a forum status' },
  'forum.open': { id: 'Forum dibuka sesuai jadwal', en: 'Forum opened on schedule' },
  'forum.close': { id: 'Forum ditutup sesuai jadwal', en: 'Forum closed on schedule' },
  'forum.spotlight': { id: 'Menyorot masukan', en: 'Spotlighted an input' },
  'input.approve': { id: 'Menyetujui masukan', en: 'Approved an input' },
  'input.reject': { id: 'Menolak masukan', en: 'Rejected an input' },
  'input.hide': { id: 'Menyembunyikan masukan', en: 'Hid an input' },
  'input.edit': { id: 'Menyunting masukan (privasi)', en: 'Edited an input (privacy)' },
  'input.answer': { id: 'Menandai masukan dijawab', en: 'Marked an input answered' },
  'input.pin': { id: 'Menyematkan masukan', en: 'Pinned an input' },
  'input.merge': { id: 'Menggabungkan masukan', en: 'Merged inputs' },
  'input.route': { id: 'Merutekan masukan ke UPP', en: 'Routed an input to a UPP' },
  'input.followup': { id: 'Membuat rencana tindak lanjut', en: 'Created a follow-up' },
  'case.reply': { id: 'Membalas warga', en: 'Replied to a citizen' },
  'case.followup': { id: 'Membuat rencana tindak lanjut', en: 'Created a follow-up' },
  'case.verified': { id: 'Memverifikasi kasus', en: 'Verified a case' },
  'case.in_progress': { id: 'Menindaklanjuti kasus', en: 'Started work on a case' },
  'case.resolved': { id: 'Menandai kasus selesai', en: 'Resolved a case' },
  'case.postponed': { id: 'Menunda kasus', en: 'Postponed a case' },
  'case.escalate.head': { id: 'Eskalasi ke kepala UPP', en: 'Escalated to the UPP head' },
  'case.escalate.admin': { id: 'Eskalasi ke admin instansi', en: 'Escalated to the agency admin' },
  'routing.train': { id: 'Melatih model rute', en: 'Trained the routing model' },
  'routing.activate': { id: 'Mengaktifkan versi model rute', en: 'Activated a routing model' },
  'notification.read': { id: 'Membaca notifikasi', en: 'Read notifications' },
};

/** An action code in the current language (unknown codes are shown as they are). */
export function auditAction(code: string): string {
  const known = ACTIONS[code];
  return known ? label(known) : code;
}

const ROLES: Record<string, Label> = {
  system: { id: 'Sistem', en: 'System' },
  admin: { id: 'Admin', en: 'Admin' },
  platform_admin: { id: 'Admin platform', en: 'Platform admin' },
  agency_admin: { id: 'Admin instansi', en: 'Agency admin' },
  facilitator: { id: 'Fasilitator', en: 'Facilitator' },
  upp_head: { id: 'Kepala UPP', en: 'UPP head' },
  citizen: { id: 'Warga', en: 'Citizen' },
};

/** A role name (also of roles in old entries) in the current language. */
export function auditRole(role: string): string {
  const known = ROLES[role];
  return known ? label(known) : role;
}

/** The actor's name; the platform's own jobs are "Sistem". */
export function auditActor(name: string, role: string): string {
  return role === 'system' ? t('audit.system') : name;
}
