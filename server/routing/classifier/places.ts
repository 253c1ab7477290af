/**
 * Place names in addresses ("Jl. Pasar Baru", "Kelurahan Sukajadi", "Perumahan Griya Asri Blok
 * C", "Kec. Cibinong") say where, not what: a complaint about water written by someone who lives in
 * "Perumahan X, Kelurahan Y" is not about housing or village services. Each place name is replaced
 * by one marker token for its kind (`zqjalan`, `zqkelurahan`, ...), which gets no character
 * n-grams, so "warga Kelurahan Sukajadi" no longer reads like the topical "kantor kelurahan".
 *
 * Runs before lowercasing: a place is a place word followed by capitalized words or numbers
 * ("Jalan Merdeka", "Blok C", "Desa Suka Maju"), or an abbreviation with a dot followed by any word
 * ("jl. merdeka", "kec. cibinong"). A title such as "Jalan Rusak Parah" is not a place: the name
 * stops at the first topical word, and nothing is replaced when no name is left.
 */
export const PLACE_PREFIX = 'zq';

const KIND: Readonly<Record<string, string>> = {
  jl: 'jalan',
  jln: 'jalan',
  jalan: 'jalan',
  gg: 'gang',
  gang: 'gang',
  kel: 'kelurahan',
  kelurahan: 'kelurahan',
  kec: 'kecamatan',
  kecamatan: 'kecamatan',
  distrik: 'kecamatan',
  ds: 'desa',
  desa: 'desa',
  nagari: 'desa',
  pekon: 'desa',
  gampong: 'desa',
  dsn: 'dusun',
  dusun: 'dusun',
  dukuh: 'dusun',
  jorong: 'dusun',
  kp: 'kampung',
  kampung: 'kampung',
  kab: 'kabupaten',
  kabupaten: 'kabupaten',
  kota: 'kota',
  prov: 'provinsi',
  provinsi: 'provinsi',
  perum: 'perumahan',
  perumahan: 'perumahan',
  perumnas: 'perumahan',
  komp: 'kompleks',
  komplek: 'kompleks',
  kompleks: 'kompleks',
  blok: 'blok',
};

/** Words that end a place name: what follows is the complaint, not the address. */
const NOT_A_NAME = new Set(
  (
    'rusak berlubang bolong macet gelap licin ambles amblas ambruk putus longsor banjir tergenang ' +
    'becek sempit mati padam kotor bau menuju ke di dan yang tidak belum sudah ini itu kami kita ' +
    'saya mohon tolong sering sangat masih tersebut setempat sekitar rakyat umum'
  ).split(' '),
);

const NAME_WORD = "(?:[A-Z][A-Za-z'-]*|\\d+[A-Za-z]?)";
const FULL_RE = new RegExp(
  `\\b(Jalan|Gang|Kelurahan|Kecamatan|Distrik|Desa|Nagari|Pekon|Gampong|Dusun|Dukuh|Jorong|` +
    `Kampung|Kabupaten|Kota|Provinsi|Perumahan|Perumnas|Perum|Komplek|Kompleks|Blok|` +
    `Jl|Jln|Gg|Kel|Kec|Kab|Kp|Dsn|Ds|Komp|Prov)\\b\\.?[ \\t]+(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,3})`,
  'g',
);
const ABBR_RE = new RegExp(
  `\\b(jl|jln|gg|kel|kec|kab|kp|dsn|ds|komp|perum|prov)\\.[ \\t]*` +
    `([A-Za-z][A-Za-z'-]*(?:[ \\t]+${NAME_WORD}){0,3})`,
  'gi',
);

/** A place name also stops at the next place word or an RT/RW/No. part of the address. */
const ENDS_NAME = (w: string) => {
  const l = w.toLowerCase();
  return NOT_A_NAME.has(l) || l in KIND || l === 'rt' || l === 'rw' || l === 'no';
};

function replace(_match: string, kind: string, name: string): string {
  const words = name.split(/[ \t]+/);
  let n = 0;
  while (n < words.length && !ENDS_NAME(words[n] ?? '')) n++;
  if (n === 0) return _match;
  const rest = words.slice(n).join(' ');
  return ` ${PLACE_PREFIX}${KIND[kind.toLowerCase()] ?? 'tempat'} ${rest}`;
}

/**
 * Names of people introduced as such ("Saya Budi Santoso", "Nama: Sri Wahyuni", "Pak Harun") are
 * dropped: as character n-grams they would otherwise vote for random sectors. A capitalized word
 * that is a title or an ordinary word ("Saya Mohon", "Ibu Kepala Dinas") is not a name.
 */
const NAME_RE =
  /\b(?:[Ss]aya|[Nn]ama saya|[Nn]ama|[Pp]erkenalkan(?: saya)?|[Pp]ak|[Bb]u|[Ii]bu|[Bb]apak|[Ss]dri?|Hj?|[Aa]tas nama|a\.n)\.?:?[ \t]+((?:[A-Z][a-z'-]+\.?)(?:[ \t]+[A-Z][a-z'-]+){0,3})/g;
const NOT_A_PERSON = new Set(
  (
    'mohon ingin mau minta warga tinggal sudah tidak belum orang seorang ibu bapak pak bu kepala ' +
    'bupati walikota wali gubernur camat lurah kades dinas direktur presiden menteri ketua sekretaris ' +
    'rt rw dokter guru bidan perawat petugas kami kita saya yang dari di ke mewakili selaku sebagai ' +
    'adalah atas dengan hormat yth terhormat selamat assalamualaikum'
  ).split(' '),
);

function dropName(match: string, name: string): string {
  const first = (name.split(/[ \t]+/)[0] ?? '').replace(/\.$/, '').toLowerCase();
  if (NOT_A_PERSON.has(first) || first in KIND) return match;
  return match.slice(0, match.length - name.length);
}

/** Replaces place names by marker tokens and drops people's names (see the module comment). */
export function stripPlaces(text: string): string {
  let t = text.replace(NAME_RE, dropName);
  // A place cut short at the next place word ("Kampung Baru RT 02 Kelurahan Tanjung Uma") leaves
  // that word for another pass.
  for (let pass = 0; pass < 3; pass++) {
    const next = t.replace(FULL_RE, replace).replace(ABBR_RE, replace);
    if (next === t) break;
    t = next;
  }
  return t;
}
