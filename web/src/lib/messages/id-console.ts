/** Bahasa Indonesia: the facilitator's console, the projector, inbox and admin additions. */
export const idConsole = {
  'status.do.open': 'Buka forum untuk masukan daring',
  'status.do.reopen': 'Buka kembali forum',
  'status.do.live': 'Mulai sesi langsung',
  'status.do.endLive': 'Akhiri sesi langsung',
  'status.do.close': 'Tutup forum',
  'status.do.archive': 'Arsipkan forum',
  'status.do.draft': 'Kembalikan ke draf',
  'status.do.schedule': 'Jadwalkan',
  'status.hint.endLive':
    'Sesi di aula berakhir; forum tetap menerima masukan daring sampai ditutup.',
  'status.hint.open': 'Warga dapat mengirim masukan dan dukungan secara daring.',
  'status.confirm.closed.title': 'Tutup forum ini?',
  'status.confirm.archived.title': 'Arsipkan forum ini?',
  'status.confirm.pending.one':
    '{n} masukan belum dimoderasi. Masukan itu tetap tersimpan dan masih dapat dimoderasi setelah forum ditutup.',
  'status.confirm.pending.other':
    '{n} masukan belum dimoderasi. Masukan itu tetap tersimpan dan masih dapat dimoderasi setelah forum ditutup.',
  'status.confirm.nonePending': 'Semua masukan sudah dimoderasi.',
  'status.confirm.closedEffect': 'Warga tidak dapat lagi mengirim masukan atau dukungan.',
  'status.confirm.archivedEffect':
    'Forum yang diarsipkan tidak dapat dibuka kembali maupun dimoderasi.',
  'status.confirm.closed.do': 'Ya, tutup forum',
  'status.confirm.archived.do': 'Ya, arsipkan',
  'status.done': 'Status forum: {status}.',
  'mod.shortcutsPending':
    'Pintasan pada butir yang dipilih: j/k pindah, a setujui, r tolak (antrean) atau sembunyikan (tayang), s sorot (hanya yang tayang).',
  'mod.failed': 'Gagal: {message}',
  'mod.archived': 'Forum ini sudah diarsipkan: tidak ada lagi tindakan moderasi.',
  'merge.doApprove': 'Setujui dan gabungkan ({n})',
  'merge.pendingHint':
    'Masukan tujuan belum ditayangkan: saat digabung ia disetujui dan ditayangkan dalam satu langkah.',
  'mod.done.approveMerge': '{n} masukan digabungkan; masukan tujuan disetujui dan ditayangkan.',
  'projector.mainLabel': 'Layar forum',
  'projector.joinLabel': 'Cara ikut bertanya',
  'projector.spotlightLabel': 'Masukan yang sedang dibahas',
  'projector.votes.one': '{n} dukungan',
  'projector.votes.other': '{n} dukungan',
  'inbox.replySentResolved':
    'Balasan terkirim ke warga (juga lewat email bila warga mencantumkannya). Status kasus kini "{status}": kasus tidak lagi tampil di daftar "Terbuka", dan warga dapat mengonfirmasi atau membuka kembali.',
  'inbox.replySentOpen':
    'Balasan terkirim ke warga (juga lewat email bila warga mencantumkannya). Status kasus: {status}.',
  'inbox.outsideFilter':
    'Kasus ini ({status}) tidak lagi termasuk filter daftar, tetapi tetap terbuka di sini.',
  'inbox.liveReopened': 'Warga membuka kembali kasus ini: {reason}',
  'inbox.liveConfirmed': 'Warga mengonfirmasi kasus ini selesai.',
  'route.singleUpp': 'Hanya satu UPP menyediakan layanan ini: UPP itu sudah dipilih.',
  'admin.deactivate': 'Nonaktifkan',
  'admin.reactivate': 'Aktifkan kembali',
  'admin.deactivateConfirm':
    'Nonaktifkan akun {name}? Ia langsung keluar dari semua perangkat dan tidak dapat masuk sampai diaktifkan kembali.',
  'admin.deactivateDo': 'Ya, nonaktifkan',
  'audit.filters': 'Saring log',
  'audit.everyone': 'Semua pelaku',
  'audit.everything': 'Semua tindakan',
  'audit.from': 'Dari tanggal',
  'audit.to': 'Sampai tanggal',
  'audit.reset': 'Hapus saringan',
  'audit.system': 'Sistem',
  'routing.newVersionTitle': 'Versi baru {version} siap, belum aktif',
  'routing.newVersionHint':
    'Masukan warga masih dirutekan oleh versi aktif. Aktifkan versi baru bila skornya lebih baik; versi lama tetap tersimpan dan dapat dikembalikan.',
  'routing.activeVersion': 'Versi aktif',
  'routing.newVersion': 'Versi baru',
  'routing.measure': 'Ukuran',
  'routing.macroF1': 'Macro-F1 (rata-rata per sektor)',
  'routing.activateNew': 'Aktifkan versi baru',
  'routing.keepActive': 'Tetap pakai versi aktif',
  'audit.table': 'Tabel log audit',
  'a11y.table': 'Tabel',
  'triage.listTitle': 'Masukan yang menunggu rute',
  'a11y.tableOf': 'Tabel {name}',
} as const;
