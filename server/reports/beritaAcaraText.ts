/** Sentences of the berita acara that depend on the forum data. */
import type { BeritaAcaraData } from './beritaAcara.data';
import { bulanRomawi, hariSama, jam, namaHari, tanggalPanjang, wibParts } from './idFormat';

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
  const year = wibParts(data.startedAt).year;
  return `BA-FKP/${data.forumCode}/${bulanRomawi(data.startedAt)}/${year}`;
}

function waktuPelaksanaan(data: BeritaAcaraData): string {
  const s = data.startedAt;
  const e = data.endedAt;
  const mulai = `Pada hari ${namaHari(s)}, tanggal ${tanggalPanjang(s)}`;
  if (data.type === 'async') {
    if (!e) return `${mulai} hingga berita acara ini dibuat`;
    return `${mulai} sampai dengan hari ${namaHari(e)}, tanggal ${tanggalPanjang(e)}`;
  }
  if (!e) return `${mulai}, pukul ${jam(s)} WIB sampai dengan selesai`;
  if (hariSama(s, e)) return `${mulai}, pukul ${jam(s)} s.d. ${jam(e)} WIB`;
  const akhir = `hari ${namaHari(e)}, tanggal ${tanggalPanjang(e)} pukul ${jam(e)} WIB`;
  return `${mulai}, pukul ${jam(s)} WIB sampai dengan ${akhir}`;
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
