/** Sentences of the berita acara that depend on the forum data. */
import type { BeritaAcaraData } from './beritaAcara.data';
import { bulanRomawi, hariSama, jam, namaHari, tanggalPanjang, wibParts, zona } from './idFormat';

const REGULATION =
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 16 Tahun ' +
  '2017 tentang Pedoman Penyelenggaraan Forum Konsultasi Publik di Lingkungan Unit ' +
  'Penyelenggara Pelayanan Publik';

/** "A", "A dan B", "A, B, dan C" */
function daftar(items: string[]): string {
  if (items.length <= 2) return items.join(' dan ');
  return `${items.slice(0, -1).join(', ')}, dan ${items[items.length - 1] ?? ''}`;
}

export function nomorDokumen(data: BeritaAcaraData): string {
  const year = wibParts(data.startedAt, data.timeZone).year;
  return `BA-FKP/${data.forumCode}/${bulanRomawi(data.startedAt, data.timeZone)}/${year}`;
}

function waktuPelaksanaan(data: BeritaAcaraData): string {
  const s = data.startedAt;
  const e = data.endedAt;
  // Days and times on the host UPP's wall clock, with its zone (WIB, WITA or WIT).
  const tz = data.timeZone;
  const z = zona(tz);
  const mulai = `Pada hari ${namaHari(s, tz)}, tanggal ${tanggalPanjang(s, tz)}`;
  if (data.type === 'async') {
    if (!e) return `${mulai} hingga berita acara ini dibuat`;
    return `${mulai} sampai dengan hari ${namaHari(e, tz)}, tanggal ${tanggalPanjang(e, tz)}`;
  }
  if (!e) return `${mulai}, pukul ${jam(s, tz)} ${z} sampai dengan selesai`;
  if (hariSama(s, e, tz)) return `${mulai}, pukul ${jam(s, tz)} s.d. ${jam(e, tz)} ${z}`;
  const akhir = `hari ${namaHari(e, tz)}, tanggal ${tanggalPanjang(e, tz)} pukul ${jam(e, tz)} ${z}`;
  return `${mulai}, pukul ${jam(s, tz)} ${z} sampai dengan ${akhir}`;
}

export function kalimatPembuka(data: BeritaAcaraData): string {
  const cara = data.type === 'live' ? 'secara langsung' : 'secara daring (tidak serentak)';
  const penyelenggara =
    data.uppName.trim() && data.uppName.trim() !== data.agencyName.trim()
      ? `${data.uppName}, ${data.agencyName}`
      : data.agencyName;
  const bersama = data.coHostNames.length ? ` bersama ${daftar(data.coHostNames)}` : '';
  return (
    `${waktuPelaksanaan(data)}, bertempat di ${data.location}, telah dilaksanakan Forum ` +
    `Konsultasi Publik ${cara} dengan tema "${data.forumTitle}" (kode forum ` +
    `${data.forumCode}) yang diselenggarakan oleh ${penyelenggara}${bersama}. Forum ` +
    `dilaksanakan sebagai sarana partisipasi masyarakat dalam penyelenggaraan pelayanan ` +
    `publik sesuai ${REGULATION}, dengan hasil sebagai berikut.`
  );
}
