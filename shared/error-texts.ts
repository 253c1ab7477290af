/**
 * The texts of every error reason, in Bahasa Indonesia and English, grouped by where the error
 * comes from. Placeholders and plural forms as shared/errors.ts describes; a unit test
 * (shared/errors.test.ts) holds both languages to the same placeholders.
 */
export const ERROR_TEXTS = {
  // Generic classes (also what the error handler answers for errors without a reason of their own).
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  route_not_found: {
    id: 'Rute {method} {path} tidak ada.',
    en: 'There is no route {method} {path}.',
  },
  forbidden: { id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  not_authorized: { id: 'Anda tidak berwenang.', en: 'You are not authorized.' },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  bad_request: { id: 'Permintaan tidak sah.', en: 'The request is not valid.' },
  bad_json: {
    id: 'Isi permintaan bukan JSON yang sah.',
    en: 'The request body is not valid JSON.',
  },
  too_large: { id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' },
  duplicate: { id: 'Data yang sama sudah ada.', en: 'The same data already exists.' },
  /** A schema refused the data: `where` names the field, `details` lists every field. */
  validation: {
    id: 'Data tidak sah ({where}): {problem}',
    en: 'The data is not valid ({where}): {problem}',
  },
  invalid_data: { id: 'Data tidak sah.', en: 'The data is not valid.' },
  invalid_id: { id: 'ID tidak sah.', en: 'The ID is not valid.' },
  invalid_forum_id: { id: 'ID forum tidak sah.', en: 'The forum ID is not valid.' },
  invalid_input_id: { id: 'ID masukan tidak sah.', en: 'The input ID is not valid.' },
  forbidden_key: {
    id: 'Permintaan memuat kunci yang tidak diizinkan.',
    en: 'The request contains a key that is not allowed.',
  },
  csrf: { id: 'Permintaan lintas situs ditolak.', en: 'Cross-site request refused.' },
  shutting_down: {
    id: 'Server sedang dimatikan. Coba lagi sebentar lagi.',
    en: 'The server is shutting down. Try again in a moment.',
  },
  db_unavailable: {
    id: 'Basis data sedang tidak tersedia. Coba lagi dalam {seconds} detik.',
    en: 'The database is unavailable. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  internal: {
    id: 'Terjadi kesalahan di server. Silakan coba lagi.',
    en: 'Something went wrong on the server. Please try again.',
  },

  // Things that were not found.
  forum_not_found: { id: 'Forum tidak ditemukan.', en: 'Forum not found.' },
  forum_code_not_found: {
    id: 'Forum dengan kode ini tidak ditemukan.',
    en: 'No forum has this code.',
  },
  input_not_found: { id: 'Masukan tidak ditemukan.', en: 'Input not found.' },
  target_input_not_found: {
    id: 'Masukan tujuan tidak ditemukan.',
    en: 'The target input was not found.',
  },
  case_not_found: { id: 'Item tidak ditemukan.', en: 'Item not found.' },
  forum_or_upp_not_found: { id: 'Forum atau UPP tidak ditemukan.', en: 'Forum or UPP not found.' },
  upp_not_found: { id: 'UPP tidak ditemukan.', en: 'UPP not found.' },
  target_upp_not_found: { id: 'UPP tujuan tidak ditemukan.', en: 'The target UPP was not found.' },
  host_upp_not_found: {
    id: 'UPP penyelenggara tidak ditemukan.',
    en: 'The host UPP was not found.',
  },
  some_upps_not_found: { id: 'Ada UPP yang tidak ditemukan.', en: 'Some UPPs were not found.' },
  partner_upp_not_found: {
    id: 'Ada UPP mitra yang tidak ditemukan.',
    en: 'A partner UPP was not found.',
  },
  agency_not_found: { id: 'Instansi tidak ditemukan.', en: 'Agency not found.' },
  staff_not_found: { id: 'Akun staf tidak ditemukan.', en: 'Staff account not found.' },
  service_not_found: { id: 'Layanan tidak ditemukan.', en: 'Service not found.' },
  service_code_unknown: {
    id: 'Kode layanan tidak ada di katalog.',
    en: 'The service code is not in the catalog.',
  },
  holiday_not_found: { id: 'Hari libur tidak ditemukan.', en: 'Holiday not found.' },
  model_version_not_found: { id: 'Versi model tidak ditemukan.', en: 'Model version not found.' },

  // Accounts and sign-in.
  bad_credentials: { id: 'Email atau kata sandi salah.', en: 'Wrong e-mail or password.' },
  email_taken: { id: 'Email ini sudah terdaftar.', en: 'This e-mail is already registered.' },
  name_required: { id: 'Nama wajib diisi.', en: 'A name is required.' },
  current_password_wrong: {
    id: 'Kata sandi saat ini salah.',
    en: 'The current password is wrong.',
  },
  password_unchanged: {
    id: 'Kata sandi baru harus berbeda dari yang lama.',
    en: 'The new password must differ from the old one.',
  },
  own_account_change: {
    id: 'Anda tidak dapat menonaktifkan atau mengubah peran akun sendiri.',
    en: 'You cannot deactivate your own account or change its role.',
  },
  agency_required: {
    id: 'Admin instansi wajib memilih instansi.',
    en: 'An agency admin must have an agency.',
  },
  agency_only_for_agency_admins: {
    id: 'Hanya admin instansi yang terikat ke instansi.',
    en: 'Only agency admins belong to an agency.',
  },
  upps_only_for_upp_staff: {
    id: 'Hanya fasilitator dan kepala UPP yang terikat ke UPP.',
    en: 'Only facilitators and UPP heads belong to UPPs.',
  },
  upp_required: { id: 'Pilih minimal satu UPP.', en: 'Choose at least one UPP.' },
  too_short: { id: '{what} terlalu pendek.', en: '{what}: too short.' },
  slug_taken: {
    id: 'Penanda alamat "{slug}" sudah dipakai.',
    en: 'The slug "{slug}" is already taken.',
  },

  // Abuse limits (params.seconds: how long to wait, also in Retry-After).
  rate_submit: {
    id: 'Terlalu banyak masukan dalam satu menit. Tunggu {seconds} detik.',
    en: 'Too many inputs in one minute. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_vote: {
    id: 'Terlalu banyak dukungan dalam satu menit. Tunggu {seconds} detik.',
    en: 'Too many votes in one minute. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_join: {
    id: 'Terlalu sering membuka forum dalam satu menit. Tunggu {seconds} detik.',
    en: 'Forums opened too often in one minute. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_read: {
    id: 'Terlalu banyak permintaan. Tunggu {seconds} detik lalu muat ulang.',
    en: 'Too many requests. Wait {seconds, plural, one {# second} other {# seconds}}, then reload.',
  },
  rate_similar: {
    id: 'Terlalu sering mencari masukan serupa. Tunggu {seconds} detik.',
    en: 'Similar inputs searched too often. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_pdf: {
    id: 'Terlalu sering mengunduh berita acara. Tunggu {seconds} detik.',
    en: 'Minutes downloaded too often. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_requests: {
    id: 'Terlalu banyak permintaan. Tunggu {seconds} detik.',
    en: 'Too many requests. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_register: {
    id: 'Terlalu banyak pendaftaran akun. Coba lagi dalam {seconds} detik.',
    en: 'Too many sign-ups. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_connect: {
    id: 'Terlalu banyak koneksi dari alamat ini. Tunggu {seconds} detik.',
    en: 'Too many connections from this address. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_account: {
    id: 'Terlalu banyak permintaan dari akun ini. Tunggu {seconds} detik.',
    en: 'Too many requests from this account. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_login_account: {
    id: 'Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam {seconds} detik.',
    en: 'Too many failed sign-ins for this account. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_login_address: {
    id: 'Terlalu banyak percobaan masuk yang gagal dari jaringan ini. Coba lagi dalam {seconds} detik.',
    en: 'Too many failed sign-ins from this network. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  rate_password: {
    id: 'Terlalu banyak percobaan. Coba lagi dalam {seconds} detik.',
    en: 'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  slow_mode: {
    id: 'Mode lambat: forum ini menerima satu masukan per peserta setiap {interval} detik. Tunggu {seconds} detik.',
    en: 'Slow mode: this forum takes one input per participant every {interval, plural, one {# second} other {# seconds}}. Wait {seconds, plural, one {# second} other {# seconds}}.',
  },

  // Forums and inputs.
  participant_cookie_missing: {
    id: 'Cookie peserta tidak ada. Muat ulang halaman forum.',
    en: 'The participant cookie is missing. Reload the forum page.',
  },
  forum_not_accepting: {
    id: 'Forum tidak sedang menerima masukan.',
    en: 'The forum is not taking inputs now.',
  },
  forum_archived: { id: 'Forum sudah diarsipkan.', en: 'The forum has been archived.' },
  forum_gone: { id: 'Forum ini sudah diarsipkan.', en: 'This forum has been archived.' },
  idempotency_key_taken: {
    id: 'Kunci idempoten sudah dipakai untuk masukan lain.',
    en: 'The idempotency key was used for another input.',
  },
  input_kind_closed: {
    id: 'Jenis masukan "{kind}" tidak dibuka di forum ini.',
    en: 'This forum does not take inputs of the kind "{kind}".',
  },
  input_too_short: {
    id: 'Masukan minimal {min} karakter.',
    en: 'An input needs at least {min, plural, one {# character} other {# characters}}.',
  },
  input_too_long: {
    id: 'Masukan terlalu panjang ({length} karakter, maksimal {max}).',
    en: 'The input is too long ({length, plural, one {# character} other {# characters}}, at most {max}).',
  },
  name_required_by_forum: {
    id: 'Forum ini meminta nama Anda dicantumkan.',
    en: 'This forum asks for your name.',
  },
  voting_off: {
    id: 'Pemungutan suara dimatikan di forum ini.',
    en: 'Voting is turned off in this forum.',
  },
  vote_requires_account: {
    id: 'Forum ini meminta Anda masuk dengan akun warga untuk memberi dukungan.',
    en: 'This forum asks you to sign in with a citizen account to vote.',
  },
  not_votable: { id: 'Masukan ini tidak dapat didukung.', en: 'This input cannot be voted on.' },
  own_input_vote: {
    id: 'Anda tidak dapat mendukung masukan Anda sendiri.',
    en: 'You cannot vote for your own input.',
  },
  not_forum_facilitator: {
    id: 'Anda bukan fasilitator forum ini.',
    en: 'You are not a facilitator of this forum.',
  },
  merged_cannot_approve: {
    id: 'Masukan yang sudah digabung tidak dapat disetujui.',
    en: 'A merged input cannot be approved.',
  },
  already_merged: { id: 'Masukan ini sudah digabung.', en: 'This input has already been merged.' },
  edit_too_short: {
    id: 'Teks hasil suntingan terlalu pendek.',
    en: 'The edited text is too short.',
  },
  edit_too_long: {
    id: 'Teks hasil suntingan terlalu panjang.',
    en: 'The edited text is too long.',
  },
  answer_needs_published: {
    id: 'Hanya masukan yang tayang dapat ditandai dijawab.',
    en: 'Only published inputs can be marked answered.',
  },
  pin_needs_published: {
    id: 'Hanya masukan yang tayang dapat disematkan.',
    en: 'Only published inputs can be pinned.',
  },
  spotlight_needs_published: {
    id: 'Hanya masukan yang tayang dapat disorot.',
    en: 'Only published inputs can be spotlighted.',
  },
  merge_into_self: {
    id: 'Masukan tidak dapat digabung ke dirinya sendiri.',
    en: 'An input cannot be merged into itself.',
  },
  merge_target_unavailable: {
    id: 'Masukan tujuan sudah ditolak, disembunyikan atau digabung.',
    en: 'The target input was rejected, hidden or merged.',
  },
  merge_sources_unavailable: {
    id: 'Ada masukan sumber yang tidak ditemukan, sudah digabung atau ditolak.',
    en: 'A source input was not found, or was merged or rejected.',
  },
  closes_before_opens: {
    id: 'Waktu tutup harus setelah waktu buka.',
    en: 'The closing time must be after the opening time.',
  },
  live_ends_before_start: {
    id: 'Akhir sesi langsung harus setelah awalnya.',
    en: 'The live session must end after it starts.',
  },
  forum_create_forbidden: {
    id: 'Anda tidak dapat membuat forum untuk UPP ini.',
    en: 'You cannot create forums for this UPP.',
  },
  forum_title_too_short: { id: 'Judul forum terlalu pendek.', en: 'The forum title is too short.' },
  join_code_failed: {
    id: 'Gagal membuat kode forum unik, coba lagi.',
    en: 'Could not make a unique forum code; try again.',
  },
  forum_status_transition: {
    id: 'Status forum tidak dapat diubah dari "{from}" ke "{to}".',
    en: 'The forum status cannot change from "{from}" to "{to}".',
  },
  forum_status_changed: {
    id: 'Status forum baru saja diubah orang lain. Muat ulang halaman.',
    en: 'Someone else just changed the forum status. Reload the page.',
  },
  minutes_after_close: {
    id: 'Berita acara tersedia setelah forum ditutup.',
    en: 'The minutes are available once the forum is closed.',
  },

  // Routing.
  route_forbidden: {
    id: 'Anda tidak berwenang merutekan masukan ini.',
    en: 'You may not route this input.',
  },
  service_not_in_sector: {
    id: 'Layanan itu tidak termasuk sektor yang dipilih.',
    en: 'That service is not in the chosen sector.',
  },
  only_citizen_inputs_reroute: {
    id: 'Hanya masukan warga yang dapat dialihkan.',
    en: 'Only citizen inputs can be handed on.',
  },
  training_running: { id: 'Pelatihan model sedang berjalan.', en: 'A model is being trained.' },
  model_version_unusable: {
    id: 'Versi model ini tidak dapat dipakai lagi (dibuat oleh versi aplikasi sebelumnya).',
    en: 'This model version cannot be used any more (made by an earlier version of the app).',
  },

  // Inbox.
  inbox_forbidden: {
    id: 'Anda tidak dapat membaca kotak masuk UPP ini.',
    en: "You cannot read this UPP's inbox.",
  },
  case_status_final: {
    id: 'Status item ini tidak dapat diubah lagi.',
    en: "This item's status cannot change any more.",
  },
  postpone_reason_required: {
    id: 'Alasan penundaan wajib diisi.',
    en: 'A reason for postponing is required.',
  },
  reply_too_short: {
    id: 'Balasan minimal {min} karakter.',
    en: 'A reply needs at least {min, plural, one {# character} other {# characters}}.',
  },
  reason_too_short: {
    id: 'Tuliskan alasan (minimal {min} karakter).',
    en: 'Write a reason (at least {min, plural, one {# character} other {# characters}}).',
  },
  followup_facilitator_only: {
    id: 'Hanya fasilitator forum ini yang dapat mencatat tindak lanjut.',
    en: "Only this forum's facilitators can record follow-ups.",
  },
  followup_upp_scope: {
    id: 'Tindak lanjut hanya untuk UPP penyelenggara atau UPP instansi yang sama.',
    en: 'Follow-ups are only for the host UPP or UPPs of the same agency.',
  },
  followup_needs_published: {
    id: 'Hanya masukan yang tayang dapat ditindaklanjuti.',
    en: 'Only published inputs can be followed up.',
  },
  due_in_past: {
    id: 'Batas waktu harus di masa depan.',
    en: 'The deadline must be in the future.',
  },
  confirm_author_only: {
    id: 'Hanya penulis masukan yang dapat mengonfirmasi.',
    en: 'Only the author of the input can confirm.',
  },
  not_resolved_yet: {
    id: 'Masukan ini belum ditandai selesai oleh UPP.',
    en: 'The UPP has not marked this input resolved yet.',
  },
  reopen_author_only: {
    id: 'Hanya penulis masukan yang dapat membuka kembali.',
    en: 'Only the author of the input can reopen it.',
  },
  reopen_needs_resolved: {
    id: 'Hanya masukan berstatus selesai yang dapat dibuka kembali.',
    en: 'Only resolved inputs can be reopened.',
  },
  reopen_once: {
    id: 'Masukan hanya dapat dibuka kembali satu kali.',
    en: 'An input can be reopened only once.',
  },

  // Catalog and holidays.
  service_code_taken: { id: 'Kode {code} sudah ada.', en: 'The code {code} already exists.' },
  service_code_fixed: {
    id: 'Kode layanan tidak dapat diubah.',
    en: 'The service code cannot be changed.',
  },
  import_needs_text: {
    id: 'Kirim isi berkas sebagai teks (Content-Type: text/plain).',
    en: 'Send the file content as text (Content-Type: text/plain).',
  },
  service_invalid: {
    id: 'Data layanan tidak sah: {problem}',
    en: 'The service data is not valid: {problem}',
  },
  holiday_taken: { id: 'Tanggal itu sudah terdaftar.', en: 'That date is already listed.' },
  holiday_name_too_short: {
    id: 'Nama hari libur terlalu pendek.',
    en: 'The holiday name is too short.',
  },
} as const satisfies Record<string, { id: string; en: string }>;
