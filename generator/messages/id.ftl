# Pesan bahasa Indonesia alat penyunting (check, build, new, serve, explain): bahasa bawaan.
# Katalog bahasa Inggris, en.ftl, memakai id yang sama; sebuah tes menjaga keduanya selaras.
# Id K#### adalah kode tetap masalah konten (generator/src/messages/codes.rs): nilainya pesan,
# .hint yang perlu dilakukan, .title nama jenis masalah, dan .explain teks
# `generator explain KODE`, dengan contoh yang salah dan yang benar.

## Label dan ringkasan

label-error = kesalahan
label-warning = peringatan
label-hint = petunjuk
did-you-mean = mungkin maksud Anda `{ $suggestion }`?
summary = { $errors } kesalahan, { $warnings } peringatan
summary-explain = Untuk penjelasan sebuah masalah, jalankan `generator explain KODE` (misalnya `generator explain K0102`).
check-ok = ok: { $provinces } provinsi, { $issues } isu, { $news } berita, { $pages } halaman, { $files } berkas keluaran; { $warnings } peringatan
build-failed = penyusunan gagal; `{ $out }` dibiarkan seperti semula
build-done = { $pages } halaman tersusun ({ $provinces } provinsi, { $issues } isu, { $news } berita, { $pagecount } halaman; { $files } berkas, { $kb } KB{ $warnings ->
        [0] {""}
       *[other] , { $warnings } peringatan
    }) di { $out }/ dalam { $seconds } detik
new-next = selanjutnya: isi setiap isian bertanda Wajib dan ganti baris petunjuk bercetak miring, lalu jalankan `{ $check }` (perintah itu melaporkan kesalahan sampai berkasnya terisi)
new-invalid-slug = `{ $value }` tidak dapat dipakai sebagai nama { $what ->
        [issue] isu
        [news] berita
       *[province] provinsi
    }: pakai hanya huruf kecil a-z, angka 0-9 dan tanda hubung tunggal, misalnya `kalimantan-barat`
new-no-content = folder konten `{ $dir }` tidak ada (jalankan dari folder teratas repositori atau berikan --content FOLDER)
new-no-province = folder provinsi `{ $dir }` tidak ada; buat provinsinya dulu dengan `generator new province { $province }`
new-exists = `{ $path }` sudah ada; tidak ada yang ditulis (sunting berkas itu, atau pilih nama lain)
new-news-slug-taken = berita `{ $existing }` sudah memakai nama `{ $slug }` (alamat berita tidak memuat tanggal); tidak ada yang ditulis, pilih nama lain
new-io = tidak dapat { $what ->
        [mkdir] membuat folder
        [readdir] membaca folder
        [create] membuat berkas
       *[write] menulis berkas
    } `{ $path }`: { $detail }
new-news-date = berita ini bertanggal { $date } menurut nama berkasnya: ganti nama kedua berkas bila beritanya untuk hari lain
serve-overlay = Penyusunan gagal: yang tampil adalah hasil terakhir yang berhasil. Perbaiki masalahnya lalu simpan; halaman ini memuat ulang sendiri.
serve-failed = penyusunan gagal; hasil terakhir yang berhasil tetap disajikan
serve-built = { $pages } halaman tersusun dalam { $seconds } detik
serve-updated = { $names } diperbarui ({ $files } berkas) dalam { $ms } ms
serve-write-failed = situs tidak dapat ditulis ke folder yang disajikan: { $error }
studio-written = ok: studio penyuntingan ditulis ke { $out } ({ $files } berkas); buka di /admin/ situs
explain-unknown = tidak ada kode masalah `{ $code }`; kode berbentuk K0102 dan tercetak di samping setiap pesan `generator check`
dir-missing = folder { $what ->
        [content] konten
       *[theme] tema
    } `{ $dir }` tidak ada (jalankan dari folder teratas repositori atau berikan { $flag } FOLDER)

## K01: membaca YAML

K0101 = YAML di sini tidak tersusun benar: { $detail }
    .hint = periksa indentasi (spasi, jangan tab), titik dua sesudah setiap nama isian, dan beri tanda kutip pada nilai yang memuat `: ` atau diawali karakter khusus
    .title = Kesalahan susunan YAML
    .explain = Berkas YAML (atau front matter berkas Markdown) tidak dapat dibaca. Penyebab yang biasa:
    tab dipakai untuk indentasi, nilai memuat `: ` tanpa tanda kutip, atau nilai diawali karakter
    khusus seperti `@`, `*`, `&` atau `[` tanpa tanda kutip.

    Salah:
        title: Stunting: angka tinggi
    Benar:
        title: "Stunting: angka tinggi"

K0102 = isian `{ $field }` tidak dikenal; yang boleh: { $expected }
    .hint = periksa ejaan nama isian, atau hapus isiannya; isian yang boleh di tempat ini tercantum dalam pesan
    .title = Isian tidak dikenal
    .explain = Setiap berkas menerima daftar isian yang tetap. Isian yang salah ketik tidak pernah
    diabaikan diam-diam: ia menjadi kesalahan di barisnya, dan pesannya menyebut isian yang boleh.
    Di terjemahan (`.en.md`) hanya `title` dan `summary` yang boleh: fakta ada di berkas bahasa
    Indonesia.

    Salah:
        titel: Stunting
    Benar:
        title: Stunting

K0103 = isian `{ $field }` belum ada
    .hint = tambahkan isian itu (lihat berkas lain yang sejenis, atau tabel isian di panduan penyunting)
    .title = Isian wajib belum ada
    .explain = Isian yang wajib tidak ada di berkas. Panduan penyunting mencantumkan isian wajib untuk
    setiap jenis berkas.

    Salah (isu tanpa sumber):
        title: Stunting
        topic: kesehatan
    Benar:
        title: Stunting
        topic: kesehatan
        sources:
          - title: Rilis FGD
            url: https://menpan.go.id/...

K0104 = isian `{ $field }` belum ada: berkas ini tidak punya front matter
    .hint = awali berkas dengan baris `---`, lalu isian-isiannya, lalu satu baris `---` lagi
    .title = Tanpa front matter
    .explain = Berkas Markdown isu, berita, dan halaman diawali front matter: isian di antara dua baris
    `---`. Tanpa itu, isian wajibnya tidak ada.

    Salah:
        # Stunting
        Angka stunting ...
    Benar:
        ---
        title: Stunting
        ---
        Angka stunting ...

K0105 = isian `{ $field }` ditulis dua kali
    .hint = satu isian hanya boleh muncul sekali: hapus salah satunya
    .title = Isian ganda
    .explain = Isian yang sama ditulis dua kali di satu tempat; hanya satu yang dapat berlaku, jadi
    keduanya tidak diambil.

    Salah:
        title: Stunting
        title: Stunting di Kalbar
    Benar:
        title: Stunting di Kalbar

K0106 = { $field ->
        [none] jenis nilai salah
       *[other] `{ $field }`: jenis nilai salah
    }: { $detail }
    .hint = misalnya daftar (`[a, b]` atau baris berawalan `- `) di tempat yang meminta satu teks, atau teks di tempat yang meminta angka; angka ditulis tanpa kutip (wave: 2), kode dengan kutip (code: "61")
    .title = Jenis nilai salah
    .explain = Jenis nilainya salah: teks di tempat yang meminta angka, satu teks di tempat yang meminta
    daftar, atau sebaliknya.

    Salah:
        wave: dua
        agencies: Dinas Kesehatan
    Benar:
        wave: 2
        agencies: [Dinas Kesehatan]

K0107 = `{ $field }`: `{ $value }` bukan salah satu nilai yang boleh: { $expected }
    .hint = pakai salah satu nilai yang disebut dalam pesan
    .title = Nilai di luar pilihan
    .explain = Beberapa isian hanya menerima beberapa kata tetap, selalu dalam bahasa Inggris, misalnya
    `status` (validated atau pending).

    Salah:
        status: tervalidasi
    Benar:
        status: validated

K0108 = `{ $field }`: `{ $value }` bukan tanggal yang sah ({ $reason ->
        [range] hari itu tidak ada
       *[format] tidak ditulis YYYY-MM-DD
    })
    .hint = tulis tanggal sebagai YYYY-MM-DD, misalnya 2023-04-11, dan pastikan harinya ada di bulan itu
    .title = Tanggal tidak sah
    .explain = Tanggal ditulis tahun-bulan-hari dengan empat, dua, dan dua angka, dan harinya harus ada.

    Salah:
        validated_on: 11-04-2023
        validated_on: 2023-02-30
    Benar:
        validated_on: 2023-04-11

K0109 = front matter yang dibuka dengan `---` tidak pernah ditutup
    .hint = tambahkan baris berisi `---` saja sesudah isian terakhir front matter
    .title = Front matter tidak ditutup
    .explain = Front matter diawali baris `---` dan diakhiri baris `---` berikutnya. Tanpa baris penutup,
    seluruh berkas akan dibaca sebagai isian.

    Salah:
        ---
        title: FAQ
        summary: Pertanyaan umum.
        Isi halaman ...
    Benar:
        ---
        title: FAQ
        summary: Pertanyaan umum.
        ---
        Isi halaman ...

## K02: berkas dan namanya

K0201 = berkas atau folder ini tidak dapat dibaca: { $error }
    .hint = pastikan berkasnya ada dan Anda berhak membacanya
    .title = Berkas tidak terbaca
    .explain = Berkas atau folder tidak dapat dibuka, biasanya karena izinnya atau karena hilang saat
    pemeriksaan berjalan. Periksa berkas itu di salinan repositori Anda.

    Salah: berkas yang hanya boleh dibaca pemiliknya.
    Benar: berkas yang boleh dibaca semua orang (bawaan bila dibuat lewat GitHub).

K0202 = berkas ini bukan teks UTF-8 yang sah
    .hint = simpan berkas sebagai UTF-8 (kebanyakan editor punya pilihan "Save with encoding"); gambar dan dokumen disimpan di folder images/ atau files/ di samping halaman yang memakainya, misalnya provinces/<provinsi>/images/
    .title = Bukan teks UTF-8
    .explain = Berkas konten adalah teks UTF-8. Berkas yang disimpan dengan pengodean lain (misalnya oleh
    editor Windows lama), atau berkas biner di antara berkas teks, tidak dapat dibaca.

    Salah: stunting.md disimpan sebagai "Windows-1252", atau peta.png di dalam issues/.
    Benar: stunting.md disimpan sebagai "UTF-8"; peta.png di provinces/<provinsi>/images/.

K0203 = nama berkas ini bukan UTF-8 yang sah
    .hint = ganti nama berkas hanya dengan a-z, 0-9 dan -
    .title = Nama berkas bukan UTF-8
    .explain = Nama berkas tidak dapat dibaca sebagai teks. Ganti namanya dengan huruf kecil, angka,
    dan tanda hubung.

    Salah: nama dengan karakter dari pengodean lama.
    Benar: air-bersih.md

K0204 = `{ $name }` tidak dapat dipakai di alamat web
    .hint = ganti nama berkas atau folder hanya dengan huruf kecil a-z, angka 0-9 dan satu tanda hubung di antaranya, misalnya `kalimantan-barat`
    .title = Nama tidak dapat dipakai di alamat web
    .explain = Nama berkas dan folder menjadi alamat web. Isinya hanya huruf kecil a-z, angka, dan satu
    tanda hubung di antara kata.

    Salah:
        provinces/Kalimantan_Barat/issues/Air Bersih.md
    Benar:
        provinces/kalimantan-barat/issues/air-bersih.md

K0205 = nama berkas berita harus diawali tanggal: { $reason ->
        [date] `{ $value }` bukan tanggal yang ada
       *[prefix] namanya tidak diawali YYYY-MM-DD-
    }
    .hint = namai berkas berita YYYY-MM-DD-slug.md, misalnya 2023-04-12-fgd-kalimantan-barat.md, dengan tanggal yang ada
    .title = Nama berkas berita tanpa tanggal
    .explain = Berita mengambil tanggalnya dari nama berkas: tahun-bulan-hari, tanda hubung, lalu bagian
    yang dipakai di alamat webnya.

    Salah:
        news/fgd-kalbar.md
        news/2023-02-30-fgd-kalbar.md
    Benar:
        news/2023-04-11-fgd-kalbar.md

K0206 = berkas ini tidak dipakai oleh situs
    .hint = berkas konten ada di: site.yaml, topics.yaml, form.yaml, search.yaml, provinces/<provinsi>/province.yaml, index.md, issues/<isu>.md, news/<YYYY-MM-DD>-<slug>.md, pages/<halaman>.md (setiap .md boleh punya terjemahan .en.md); periksa nama dan foldernya
    .title = Berkas tidak dipakai
    .explain = Berkas ada di tempat, atau bernama, yang tidak dibaca situs. Kemungkinan namanya salah
    atau foldernya keliru.

    Salah:
        provinces/banten/stunting.md
    Benar:
        provinces/banten/issues/stunting.md

K0207 = folder konten `{ $dir }` tidak ada
    .hint = jalankan perintah dari folder teratas repositori, atau berikan --content dengan folder yang memuat site.yaml
    .title = Folder konten tidak ada
    .explain = Perintah mencari konten di folder `content` pada folder saat ini, kecuali --content
    menyebut folder lain.

    Salah: menjalankan `generator check` di dalam content/.
    Benar: menjalankan `generator check` di folder teratas repositori.

K0208 = `{ $name }` tidak ada di folder konten
    .hint = setiap situs membutuhkan site.yaml, topics.yaml dan form.yaml di tingkat teratas folder konten
    .title = Berkas situs tidak ada
    .explain = Tiga berkas menggambarkan seluruh situs: site.yaml, topics.yaml dan form.yaml. Ketiganya
    harus ada di tingkat teratas folder konten. Berkas lain tetap diperiksa tanpanya.

    Salah: content/config/site.yaml
    Benar: content/site.yaml

K0209 = province.yaml tidak ada
    .hint = setiap folder provinsi membutuhkan province.yaml berisi kode, nama, ibu kota, dan sumbernya
    .title = Fakta provinsi tidak ada
    .explain = Folder provinsi menyimpan faktanya di province.yaml. Tanpa berkas itu provinsinya tidak
    dapat ditampilkan; berkas lainnya tetap diperiksa.

    Salah: provinces/banten/ hanya berisi index.md
    Benar: provinces/banten/province.yaml dan provinces/banten/index.md

K0210 = index.md tidak ada
    .hint = setiap folder provinsi membutuhkan index.md berisi narasi provinsi
    .title = Narasi provinsi tidak ada
    .explain = Folder provinsi menyimpan narasinya di index.md (dan terjemahannya di index.en.md).

    Salah: provinces/banten/ hanya berisi province.yaml
    Benar: provinces/banten/province.yaml dan provinces/banten/index.md

K0211 = terjemahan ini tidak punya berkas asli bahasa Indonesia `{ $original }`
    .hint = tulis dulu berkas bahasa Indonesianya, atau ganti nama berkas ini agar cocok dengan aslinya (misalnya stunting.md dan stunting.en.md)
    .title = Terjemahan tanpa berkas asli
    .explain = Berkas bahasa Inggris `x.en.md` menerjemahkan berkas bahasa Indonesia `x.md` di
    sampingnya. Namanya harus sama persis.

    Salah:
        issues/air.md
        issues/air-bersih.en.md
    Benar:
        issues/air-bersih.md
        issues/air-bersih.en.md

K0212 = belum ada terjemahan bahasa Inggris (`{ $translation }`)
    .hint = halaman bahasa Inggris menampilkan teks bahasa Indonesia dengan pemberitahuan sampai terjemahannya ditulis
    .title = Terjemahan belum ditulis
    .explain = Hanya peringatan: situs bahasa Inggris menampilkan teks bahasa Indonesia dengan
    pemberitahuan sampai terjemahan `x.en.md` ada.

    Salah (peringatan): issues/stunting.md saja.
    Benar: issues/stunting.md dan issues/stunting.en.md

K0213 = terjemahan ini tidak punya judul
    .hint = tambahkan `title: …` berisi judul bahasa Inggris di front matter
    .title = Terjemahan tanpa judul
    .explain = Terjemahan isu atau berita membutuhkan judul bahasa Inggrisnya.

    Salah:
        ---
        summary: Stunting in West Kalimantan.
        ---
    Benar:
        ---
        title: Stunting
        summary: Stunting in West Kalimantan.
        ---

K0214 = narasi provinsi tidak memakai judul
    .hint = hapus `title:` dari front matter berkas ini; judul halamannya adalah nama provinsi
    .title = Narasi dengan judul
    .explain = Judul halaman provinsi adalah nama provinsi dari province.yaml; narasinya (index.md,
    index.en.md) tidak punya judul sendiri.

    Salah:
        title: Banten
        summary: ...
    Benar:
        summary: ...

K0215 = teks ini memuat karakter kendali ({ $char })
    .hint = hapus karakter tak terlihat itu (sering ikut tersalin dari PDF atau pengolah kata) lalu ketik ulang teksnya
    .title = Karakter kendali di teks
    .explain = Teks tidak boleh memuat karakter kendali yang tak terlihat seperti NUL (U+0000) atau form
    feed: keduanya merusak halaman dan feed. Tab dan akhir baris boleh.

    Salah: baris yang disalin dari PDF dengan U+000C tak terlihat.
    Benar: baris yang sama diketik ulang.

K0216 = berkas ini { $size } KB; berkas Markdown paling besar { $limit } KB
    .hint = bagi teksnya menjadi beberapa halaman, atau pindahkan tabel data ke berkas unduhan di files/
    .title = Berkas terlalu besar
    .explain = Halaman sebesar itu terlalu lambat bagi pembaca di ponsel, dan biasanya kekeliruan
    (dokumen yang tersalin utuh). Berkas Markdown paling besar 1024 KB; gambar dan dokumen punya
    batasnya sendiri.

    Salah: berkas Markdown 20 MB berisi laporan yang disalin.
    Benar: halaman singkat yang menaut ke laporan itu di situs penerbitnya.

K0217 = ini tautan simbolik; tidak diikuti
    .hint = ganti tautan itu dengan berkasnya sendiri, atau hapus
    .title = Tautan simbolik
    .explain = Berkas konten harus berkas sungguhan di folder konten. Tautan ke tempat lain tidak
    diikuti, jadi yang ditunjuknya tidak diterbitkan.

    Salah: provinces/banten/issues/air.md yang menunjuk ke berkas di tempat lain.
    Benar: berkas itu sendiri di provinces/banten/issues/.

K0218 = `{ $file }` berukuran { $size } KB; { $kind ->
        [image] gambar
       *[document] dokumen
    } paling besar { $limit } KB
    .hint = { $kind ->
        [image] perkecil gambarnya (lebar 1600 piksel cukup untuk layar mana pun) atau simpan sebagai JPEG atau WebP
       *[document] kecilkan dokumennya (misalnya "Save as… / Reduce file size" untuk PDF), atau tautkan ke dokumen itu di situs penerbitnya
    }
    .title = Gambar atau dokumen terlalu besar
    .explain = Gambar paling besar 2048 KB (2 MB) dan dokumen paling besar 10240 KB (10 MB): pembaca
    di ponsel membayar setiap byte, dan berkas sebesar itu membuat repositori berat. Ukuran diperiksa
    sebelum berkasnya dibaca.

    Salah: provinces/banten/images/foto.png, foto kamera 30 MB.
    Benar: foto yang sama diperkecil ke lebar 1600 piksel dan disimpan sebagai JPEG (sekitar 300 KB).

K0219 = isi `{ $file }` bukan { $expected }, melainkan { $found ->
        [text] teks
        [damaged] gambar yang rusak atau kosong
        [unknown] jenis yang tidak dikenal
       *[other] { $found }
    }
    .hint = jenis berkas dibaca dari isinya, bukan dari namanya: simpan ulang berkas aslinya sebagai { $expected }, atau beri nama yang sesuai dengan isinya
    .title = Isi berkas tidak sesuai jenisnya
    .explain = Akhiran nama berkas (.png, .jpg, .pdf) harus sesuai dengan isinya. Berkas yang diganti
    namanya saja, berkas teks yang diberi akhiran gambar, atau gambar yang rusak, ditolak.

    Salah: images/peta.png yang sebenarnya berkas teks, atau foto JPEG yang dinamai foto.png.
    Benar: foto JPEG bernama foto.jpg; peta PNG bernama peta.png.

K0220 = berkas `{ $file }` berjenis .{ $ext }, yang tidak diterima
    .hint = { $ext ->
        [svg] SVG dapat memuat skrip, jadi tidak diterbitkan: simpan gambarnya sebagai PNG
       *[other] gambar: PNG, JPEG, WebP atau GIF; dokumen: PDF
    }
    .title = Jenis berkas tidak diterima
    .explain = Folder images/ dan files/ menerima gambar PNG, JPEG (.jpg, .jpeg), WebP dan GIF, serta
    dokumen PDF. SVG ditolak karena dapat memuat skrip; dokumen Word atau Excel ditolak karena tidak
    semua pembaca dapat membukanya: simpan sebagai PDF.

    Salah: files/laporan.docx, images/logo.svg.
    Benar: files/laporan.pdf, images/logo.png.

K0221 = gambar atau dokumen ini tidak berada di folder images/ atau files/
    .hint = pindahkan ke folder images/ (gambar) atau files/ (dokumen) di samping halaman yang memakainya, misalnya provinces/<provinsi>/images/
    .title = Gambar atau dokumen di luar foldernya
    .explain = Gambar dan dokumen disimpan di folder bernama images/ atau files/, di samping berkas
    Markdown yang memakainya. Di luar folder itu, setiap berkas dibaca sebagai teks.

    Salah: provinces/banten/peta.png.
    Benar: provinces/banten/images/peta.png, ditulis ![Peta Banten](images/peta.png) di index.md.

K0222 = gambar atau dokumen ini tidak dipakai oleh halaman mana pun
    .hint = tampilkan atau tautkan dari sebuah halaman (misalnya ![Peta](images/peta.png)), atau hapus berkasnya; berkas itu tetap diterbitkan
    .title = Gambar atau dokumen tidak dipakai
    .explain = Berkas di folder images/ atau files/ yang tidak ditampilkan atau ditautkan halaman mana pun
    tetap diterbitkan di situs, tetapi pembaca tidak dapat menemukannya. Biasanya nama di berkas
    Markdown salah ketik, atau berkasnya tertinggal setelah halaman diubah.

    Salah: provinces/banten/images/peta-lama.png yang tidak disebut di mana pun.
    Benar: hapus berkas itu, atau tulis ![Peta lama Banten](images/peta-lama.png) di index.md.

## K03: nilai dan aturan antarberkas

K0301 = `{ $field }` kosong
    .hint = { $kind ->
        [source] tulis judul sumber itu seperti tertulis di sumbernya, atau hapus sumber itu dari daftar `sources`
       *[other] tulis teksnya di antara tanda kutip, atau hapus berkasnya bila belum siap
    }
    .title = Teks wajib kosong
    .explain = Teks wajib ada tetapi kosong (seperti yang ditulis `generator new`): berkas yang baru
    setengah terisi tidak boleh sampai ke situs publik.

    Salah:
        summary: ""
    Benar:
        summary: Angka stunting masih di atas target nasional.

K0302 = sumber `{ $url }` bukan alamat web
    .hint = sumber membutuhkan alamat lengkap yang diawali https:// (atau http://), misalnya https://menpan.go.id/…
    .title = Sumber tanpa alamat web
    .explain = Setiap sumber adalah halaman web publik, ditulis dengan alamat lengkapnya.

    Salah:
        url: menpan.go.id/berita
    Benar:
        url: https://menpan.go.id/berita

K0303 = languages harus [id, en], tertulis [{ $found }]
    .hint = tulis `languages: [id, en]`: bahasa Indonesia disajikan di / dan bahasa Inggris di /en/
    .title = Bahasa salah
    .explain = Situs memakai dua bahasa, bahasa Indonesia lebih dulu.

    Salah:
        languages: [en, id]
    Benar:
        languages: [id, en]

K0304 = `{ $field }` `{ $url }` bukan alamat web
    .hint = tulis alamat lengkap yang diawali https://
    .title = Alamat situs tidak sah
    .explain = base_url dan submit_url di site.yaml adalah alamat web lengkap.

    Salah:
        base_url: winner.menpan.go.id
    Benar:
        base_url: https://winner.menpan.go.id

K0305 = `base_url` tidak boleh diakhiri `/`
    .hint = hapus garis miring terakhir, misalnya https://winner.menpan.go.id
    .title = Alamat dasar diakhiri garis miring
    .explain = Alamat-alamat situs dibuat dengan menambahkan jalur ke base_url, jadi base_url tidak
    diakhiri garis miring.

    Salah:
        base_url: https://winner.menpan.go.id/
    Benar:
        base_url: https://winner.menpan.go.id

K0306 = slug tahap `{ $slug }` tidak dapat dipakai di alamat web
    .hint = pakai hanya huruf kecil a-z, angka 0-9 dan satu tanda hubung di antaranya
    .title = Slug tahap tidak sah
    .explain = Slug sebuah tahap menjadi jangkar di halaman tahapan.

    Salah:
        slug: Tahap 1
    Benar:
        slug: tahap-1

K0307 = dua tahap memakai slug `{ $slug }`
    .hint = beri setiap tahap slug sendiri
    .title = Slug tahap ganda
    .explain = Setiap tahap membutuhkan slug sendiri, agar tautan ke satu tahap tidak membuka tahap lain.

    Salah: dua tahap dengan slug: penilaian
    Benar: slug: penilaian-awal dan slug: penilaian-akhir

K0308 = tahap `{ $slug }` berakhir sebelum dimulai
    .hint = periksa tanggal starts dan ends
    .title = Tanggal tahap terbalik
    .explain = Hari terakhir sebuah tahap tidak dapat mendahului hari pertamanya.

    Salah:
        starts: 2023-06-11
        ends: 2023-04-12
    Benar:
        starts: 2023-04-12
        ends: 2023-06-11

K0309 = slug topik `{ $slug }` tidak dapat dipakai di alamat web
    .hint = pakai hanya huruf kecil a-z, angka 0-9 dan satu tanda hubung di antaranya
    .title = Slug topik tidak sah
    .explain = Slug sebuah topik menjadi alamat webnya (/topik/<slug>/).

    Salah:
        slug: Air Bersih
    Benar:
        slug: air-bersih

K0310 = dua topik memakai slug `{ $slug }`
    .hint = beri setiap topik slug sendiri
    .title = Slug topik ganda
    .explain = Dua topik dengan satu slug akan berbagi satu alamat web.

    Salah: dua topik dengan slug: kesehatan
    Benar: slug: kesehatan dan slug: kesehatan-ibu-anak

K0311 = kode provinsi `{ $code }` bukan dua angka
    .hint = pakai kode Kemendagri dua angka di dalam tanda kutip, misalnya code: "61"
    .title = Kode provinsi bukan dua angka
    .explain = Kode provinsi adalah kode dua angka dari Kementerian Dalam Negeri (Kemendagri).

    Salah:
        code: "6100"
    Benar:
        code: "61"

K0312 = kode provinsi harus ditulis di dalam tanda kutip
    .hint = tulis kodenya di dalam tanda kutip, misalnya code: "61", agar kode seperti "06" tetap memakai nol
    .title = Kode provinsi tanpa tanda kutip
    .explain = Tanpa tanda kutip, YAML membaca kode sebagai angka dan nol di depannya akan hilang.

    Salah:
        code: 61
    Benar:
        code: "61"

K0313 = kode provinsi `{ $code }` sudah dipakai oleh `{ $other }`
    .hint = setiap provinsi punya kode Kemendagri sendiri; periksa mana yang benar
    .title = Kode provinsi ganda
    .explain = Dua folder provinsi memakai kode yang sama; peta akan mewarnai satu bidang untuk keduanya.

    Salah: banten dan kalimantan-barat sama-sama memakai code: "61"
    Benar: banten dengan "36", kalimantan-barat dengan "61"

K0314 = kode provinsi `{ $code }` milik { $official }, bukan { $name }
    .hint = { $expected ->
        [none] periksa nama dan kode provinsi di daftar resmi Kemendagri (lihat sumber di province.yaml)
       *[other] kode resmi { $name } adalah "{ $expected }"
    }
    .title = Kode provinsi milik provinsi lain
    .explain = Kode harus cocok dengan nama provinsi di daftar resmi Kemendagri yang dipakai peta;
    bila tidak, peta menandai bidang yang salah.

    Salah:
        code: "36"
        name: Kalimantan Barat
    Benar:
        code: "61"
        name: Kalimantan Barat

K0315 = `not_before` hanya untuk jendela yang hari pembukaannya tidak diketahui, tetapi `opens` diisi
    .hint = pertahankan `opens` (hari yang disebut sumber) dan hapus `not_before`
    .title = Jendela dengan dua awal
    .explain = Jendela usulan menyebut kapan dibuka (opens) atau, bila tidak ada sumber yang menyebut hari
    pertamanya, hari paling awal yang dimungkinkan sumber (not_before); tidak keduanya.

    Salah:
        proposals:
          opens: 2023-04-12
          not_before: 2023-03-01
    Benar:
        proposals:
          opens: 2023-04-12

K0316 = jendela usulan tidak punya hari pembukaan maupun hari paling awal
    .hint = tulis `opens:` bila sumber menyebut hari pertamanya; bila tidak, `not_before:` hari paling awal yang dimungkinkan sumber (misalnya peluncuran kompetisi), dengan sumbernya di komentar
    .title = Jendela tanpa awal
    .explain = Situs tidak pernah menyebut jendela terbuka sebelum hari yang dimungkinkan sebuah sumber.

    Salah:
        proposals:
          closes: 2023-06-11
    Benar:
        proposals:
          not_before: 2023-03-01
          closes: 2023-06-11

K0317 = usulan ditutup sebelum dibuka
    .hint = periksa tanggal opens (atau not_before) dan closes
    .title = Tanggal jendela terbalik
    .explain = Hari penutupan jendela usulan tidak dapat mendahului hari pembukaannya.

    Salah:
        opens: 2023-06-11
        closes: 2023-04-12
    Benar:
        opens: 2023-04-12
        closes: 2023-06-11

K0318 = `issues_stated` berjumlah 0
    .hint = tulis jumlah isu yang disebut sumber, atau hapus `issues_stated`
    .title = Jumlah tersebut nol
    .explain = issues_stated mencatat angka yang disebut sebuah sumber; nol tidak pernah menjadi angka itu.

    Salah:
        issues_stated:
          count: 0
    Benar:
        issues_stated:
          count: 5
          source: https://menpan.go.id/...

K0319 = `issues_stated` mengutip `{ $url }`, yang bukan salah satu sumber provinsi ini
    .hint = tambahkan sumber itu di `sources:`, atau salin alamat sumber yang tercantum yang menyebut jumlahnya
    .title = Jumlah dari sumber yang tidak tercantum
    .explain = Sumber jumlah itu harus tercantum di antara sumber provinsi, agar pembaca dapat
    memeriksanya.

    Salah: issues_stated.source dengan alamat yang tidak ada di sources.
    Benar: alamat yang sama juga ada di sources.

K0320 = tidak ada topik `{ $topic }` di topics.yaml
    .hint = pakai salah satu: { $topics }
    .title = Topik tidak dikenal
    .explain = Topik sebuah isu adalah slug salah satu topik di topics.yaml.

    Salah:
        topic: gizi-buruk
    Benar:
        topic: kesehatan

K0321 = isu berstatus pending tidak boleh punya tanggal validasi
    .hint = ubah menjadi `status: validated` atau hapus `validated_on`
    .title = Isu pending dengan tanggal validasi
    .explain = validated_on adalah hari isu divalidasi; isu pending belum punya hari itu.

    Salah:
        status: pending
        validated_on: 2023-04-11
    Benar:
        status: validated
        validated_on: 2023-04-11

K0322 = tidak ada provinsi `{ $province }`
    .hint = pakai nama folder di bawah provinces/, misalnya kalimantan-barat
    .title = Provinsi tidak dikenal
    .explain = Berita menyebut provinsi yang dibahasnya dengan nama foldernya.

    Salah:
        provinces: [Kalimantan Barat]
    Benar:
        provinces: [kalimantan-barat]

K0323 = `{ $slug }` memakai slug yang sama dengan { $other }
    .hint = alamat web berita memakai bagian sesudah tanggal: beri berita ini nama lain
    .title = Slug berita ganda
    .explain = Alamat web berita adalah bagian nama berkas sesudah tanggal, jadi dua berita dengan
    bagian yang sama akan berbagi satu alamat.

    Salah:
        news/2023-04-11-fgd.md
        news/2023-05-02-fgd.md
    Benar:
        news/2023-04-11-fgd-kalbar.md
        news/2023-05-02-fgd-banten.md

K0324 = `{ $slug }` tidak dapat dipakai di alamat web
    .hint = pakai hanya huruf kecil a-z, angka 0-9 dan satu tanda hubung di antaranya
    .title = Slug halaman bahasa Inggris tidak sah
    .explain = Slug terjemahan sebuah halaman menjadi alamat web bahasa Inggrisnya (/en/<slug>/).

    Salah:
        slug: About Us
    Benar:
        slug: about

K0325 = slug bahasa Inggris `{ $slug }` juga dipakai oleh pages/{ $other }.en.md
    .hint = beri setiap halaman slug bahasa Inggris sendiri
    .title = Slug halaman bahasa Inggris ganda
    .explain = Dua terjemahan dengan slug yang sama akan berbagi satu alamat bahasa Inggris.

    Salah: tentang.en.md dan profil.en.md sama-sama slug: about
    Benar: slug: about dan slug: profile

K0326 = formulir tidak dapat ditegakkan: { $detail }
    .hint = formulir harus dapat diperiksa layanan penerima usulan; perbaiki isiannya seperti kata pesan (lihat komentar di awal form.yaml)
    .title = Masalah definisi formulir
    .explain = form.yaml mendefinisikan formulir usulan; layanan penerima memeriksa setiap jawaban
    dengannya, jadi setiap isian teks membutuhkan panjang maksimum dan setiap pilihan daftar
    pilihannya. Tanyakan kepada tim teknis bila ragu.

    Salah:
        - name: ringkasan
          type: textarea
    Benar:
        - name: ringkasan
          type: textarea
          max_length: 2000

K0327 = gelombang { $wave } bukan gelombang kompetisi (yang dikenal: { $waves })
    .hint = tulis gelombang yang diikuti provinsi itu, atau hapus `wave`
    .title = Gelombang tidak dikenal
    .explain = Kompetisi 2023 berjalan dalam dua gelombang (gelombang I dan II); sebuah provinsi ikut
    salah satunya, atau isiannya dihapus bila tidak ada sumber yang menyebutnya.

    Salah:
        wave: 3
    Benar:
        wave: 2

K0328 = `validated_on` { $date } berbeda dengan rapat validasi provinsi ({ $meeting })
    .hint = periksa kedua tanggal dengan sumbernya; isu biasanya divalidasi di rapat provinsi itu
    .title = Tanggal validasi berbeda dengan rapat
    .explain = Peringatan: isu yang divalidasi pada hari lain dari rapat validasi provinsinya mungkin
    saja, tetapi jarang, dan biasanya salah ketik.

    Salah (peringatan):
        validated_on: 2023-04-12
    Benar (province.yaml menulis validation: date: 2023-04-11):
        validated_on: 2023-04-11

K0329 = penanda isian dari `generator new` masih ada: { $text }
    .hint = ganti petunjuk itu dengan teks sebenarnya, atau hapus barisnya
    .title = Penanda isian tertinggal
    .explain = `generator new` menulis baris petunjuk (bercetak miring, diawali "Tulis" atau "Ganti") dan
    penanda TODO untuk Anda ganti. Tidak satu pun boleh sampai ke situs publik.

    Salah:
        _Tulis di sini masalahnya: siapa yang terdampak, di mana, seberapa besar._
    Benar:
        Prevalensi stunting di Kalimantan Barat 27,8 % (SSGI 2022).

K0330 = `{ $field }` terpotong di `#`: yang terbaca hanya `{ $value }`
    .hint = beri tanda kutip pada seluruh nilainya: { $field }: "{ $full }"
    .title = Nilai terpotong di `#`
    .explain = Di YAML, ` #` memulai komentar: semua sesudahnya diabaikan. Judul yang memuat `#` harus
    ditulis di dalam tanda kutip.

    Salah:
        title: Isu #1 Kalbar
    Benar:
        title: "Isu #1 Kalbar"

K0331 = `{ $name }` akan menggantikan halaman bawaan situs { $url }
    .hint = pilih nama lain: { $reserved } adalah halaman bawaan situs
    .title = Nama halaman yang dicadangkan
    .explain = Beberapa alamat milik halaman yang dibuat situs sendiri: /provinsi/, /berita/, /topik/,
    /ajukan/, /cari/ dan, dalam bahasa Inggris, /en/provinces/, /en/news/, /en/topics/, /en/apply/
    dan /en/search/. Halaman dengan salah satu nama itu akan menggantikannya.

    Salah:
        pages/berita.md
        slug: provinces
    Benar:
        pages/kabar-kompetisi.md
        slug: competition-news

K0332 = dua berkas akan menulis { $url }: berkas ini dan { $other }
    .hint = ganti nama salah satunya agar masing-masing punya alamat web sendiri
    .title = Dua berkas, satu alamat
    .explain = Setiap berkas menjadi halaman di alamatnya sendiri. Bila dua berkas menulis alamat yang
    sama, tidak satu pun boleh menang: penyusunan berhenti agar hasilnya tidak bergantung pada
    kebetulan.

    Salah:
        pages/tentang.en.md dengan slug: about
        pages/profil.en.md dengan slug: about
    Benar:
        slug: about dan slug: profile

K0333 = kalimat ini menyatakan apakah jendela usulan terbuka: `{ $phrase }`
    .hint = situs menulis keadaan jendela dari province.yaml dan tanggal hari ini; tulis tanggal dan fakta saja (tanggal penutupan gelombang pertama ditulis di province.yaml, bukan di narasi)
    .title = Keadaan jendela di narasi
    .explain = Apakah usulan diterima ditampilkan dari jendela usulan di province.yaml dan tanggal hari
    ini. Narasi yang menyatakannya menjadi usang dan bertentangan dengan status di sampingnya.

    Salah:
        Pendaftaran ditutup pada 11 Juni 2023.
    Benar:
        proposals:
          opens: 2023-04-12
          closes: 2023-06-11

K0334 = entri { $entry } di `synonyms` tidak punya `{ $key }`
    .hint = tulis sedikitnya satu kata atau frasa, misalnya `terms: [kalbar]` dan `means: [Kalimantan Barat]`
    .title = Sinonim pencarian tanpa kata
    .explain = Setiap entri di search.yaml menghubungkan kata yang diketik orang (`terms`) dengan kata
    yang ada di halaman (`means`). Entri tanpa salah satunya tidak berguna bagi pencarian.

    Salah:
        - terms: [kalbar]
    Benar:
        - terms: [kalbar]
          means: [Kalimantan Barat]

K0335 = `{ $key }` pada entri { $entry } punya butir kosong
    .hint = hapus butir yang kosong
    .title = Butir kosong di sinonim pencarian
    .explain = Butir kosong di `terms` atau `means` tidak cocok dengan kata apa pun; biasanya itu sisa
    koma atau tanda kutip kosong.

    Salah:
        terms: [kalbar, ""]
    Benar:
        terms: [kalbar]

K0336 = `{ $term }` sudah menjadi kata di entri { $first } pada `synonyms`
    .hint = satu kata yang diketik orang hanya boleh punya satu arti: simpan di satu entri saja
    .title = Kata pencarian di dua entri
    .explain = Bila satu kata ada di dua entri, pencarian tidak tahu arti mana yang dimaksud.

    Salah:
        - terms: [ntt]
          means: [Nusa Tenggara Timur]
        - terms: [ntt, ntb]
          means: [Nusa Tenggara]
    Benar:
        - terms: [ntt]
          means: [Nusa Tenggara Timur]
        - terms: [ntb]
          means: [Nusa Tenggara Barat]

K0337 = kode provinsi `{ $code }` tidak ada di daftar resmi Kemendagri yang dipakai peta
    .hint = { $expected ->
        [none] periksa nama dan kode provinsi di daftar resmi Kemendagri (lihat sumber di province.yaml)
       *[other] kode resmi { $name } adalah "{ $expected }"
    }
    .title = Kode provinsi tidak dikenal
    .explain = Kode provinsi adalah dua angka dari daftar resmi Kemendagri; peta situs memakai daftar
    yang sama untuk menandai provinsi. Kode yang tidak ada di daftar itu tidak menandai apa pun.

    Salah:
        code: "99"
        name: Banten
    Benar:
        code: "36"
        name: Banten

K0338 = pemberitahuan privasi tidak menyebut versi `{ $version }` yang dirujuk persetujuan di formulir
    .hint = tulis versi itu di pemberitahuan (mis. "Versi: **{ $version }**"), atau ubah `privacy_notice_version` di form.yaml menjadi versi pemberitahuan itu
    .title = Pemberitahuan privasi tanpa versi formulir
    .explain = Setiap usulan menyimpan versi pemberitahuan privasi yang disetujui pengirimnya
    (`privacy_notice_version` di form.yaml). Pemberitahuan itu harus menyebut versi tersebut di
    setiap bahasa, agar persetujuan merujuk ke teks yang dapat dibaca. Ubah keduanya bersamaan.

    Salah (form.yaml menyebut "2026-12-07.2"):
        Versi: **2026-12-07**
    Benar:
        Versi: **2026-12-07.2**

K0339 = `organiser_email` bukan alamat email: `{ $address }`
    .hint = tulis satu alamat seperti bappeda@contoh.go.id, tanpa nama atau spasi, atau hapus barisnya agar pemberitahuan dikirim ke alamat penyelenggara
    .title = Alamat penerima pemberitahuan bukan alamat email
    .explain = `organiser_email` di province.yaml adalah alamat yang menerima pemberitahuan setiap
    usulan untuk provinsi ini, menggantikan alamat penyelenggara. Isinya harus satu alamat saja.
    Alamat ini tercantum di catalog.json yang terbuka untuk umum, jadi pakailah alamat lembaga,
    bukan alamat pribadi.

    Salah:
        organiser_email: Bappeda Banten <bappeda@bantenprov.go.id>
    Benar:
        organiser_email: bappeda@bantenprov.go.id

## K04: tautan dan gambar

K0401 = tautan `@/{ $target }`: `{ $file }` tidak punya judul bagian dengan id `{ $anchor }`
    .hint = { $ids ->
        [none] halaman itu tidak punya judul bagian untuk ditaut; tautkan ke halamannya tanpa #…
       *[other] id judul bagian dibuat dari teks judulnya, misalnya "## Data dan Sumber" menjadi #data-dan-sumber; halaman itu punya: { $ids }
    }
    .title = Jangkar tidak ada di halaman tujuan
    .explain = Bagian sesudah # menyebut sebuah judul bagian di halaman tujuan, dibuat dari teksnya:
    huruf kecil, setiap deretan karakter lain menjadi tanda hubung.

    Salah:
        lihat bagian (@/pages/tentang.md#tujuan)
    Benar:
        lihat bagian (@/pages/tentang.md#tujuan-kompetisi)

K0402 = tidak ada judul bagian dengan id `{ $anchor }` di halaman ini
    .hint = { $ids ->
        [none] halaman ini tidak punya judul bagian untuk ditaut
       *[other] id judul bagian dibuat dari teks judulnya, misalnya "## Data dan Sumber" menjadi #data-dan-sumber; halaman ini punya: { $ids }
    }
    .title = Jangkar tidak ada di halaman ini
    .explain = Tautan #... menunjuk judul bagian di halaman yang sama, dengan id yang dibuat dari teksnya.

    Salah:
        lihat (#data) untuk angkanya, dengan judul "## Data dan Sumber"
    Benar:
        lihat (#data-dan-sumber) untuk angkanya

K0403 = tautan `{ $url }` memakai alamat web untuk halaman konten
    .hint = tautkan ke berkas kontennya, misalnya (@/provinces/banten/issues/stunting.md): tetap berfungsi bila alamat web berubah dan ikut diperiksa
    .title = Alamat web, bukan tautan berkas
    .explain = Peringatan: tautan ke halaman situs sendiri ditulis dengan jalur berkas kontennya, diawali
    @/, agar diperiksa dan tetap berfungsi bila alamatnya berubah.

    Salah:
        lihat (/provinsi/banten/stunting/)
    Benar:
        lihat (@/provinces/banten/issues/stunting.md)

K0404 = tautan `{ $url }` tidak diizinkan
    .hint = tautan boleh berupa alamat https://…, mailto:, tel:, #judul-bagian, berkas konten yang ditulis @/provinces/<provinsi>/issues/<isu>.md, atau dokumen di folder files/ (misalnya files/laporan.pdf)
    .title = Tautan tidak diizinkan
    .explain = Jalur relatif ke halaman lain dan jenis tautan lain (javascript:, file:) ditolak. Jalur
    relatif hanya boleh menunjuk ke gambar dan dokumen di folder images/ atau files/.

    Salah:
        lihat (../stunting.md)
    Benar:
        lihat (@/provinces/banten/issues/stunting.md)

K0405 = gambar ini tidak punya teks alternatif
    .hint = jelaskan gambarnya di antara kurung siku, misalnya ![Peta Kalimantan Barat](images/peta.png), bagi pembaca yang tidak dapat melihatnya
    .title = Gambar tanpa teks alternatif
    .explain = Setiap gambar membutuhkan keterangan bagi pembaca yang tidak dapat melihatnya.

    Salah:
        ![](images/peta.png)
    Benar:
        ![Peta Kalimantan Barat](images/peta.png)

K0406 = gambar `{ $url }` tidak disajikan oleh situs
    .hint = situs tidak pernah memuat berkas dari situs lain; simpan gambarnya di folder images/ di samping halaman ini dan tulis jalurnya, misalnya images/peta.png (periksa dulu bahwa gambar itu boleh diterbitkan ulang)
    .title = Gambar dari situs lain
    .explain = Gambar harus berupa berkas situs sendiri: halaman tidak pernah memuat apa pun dari situs lain.

    Salah:
        ![Peta](https://example.org/peta.png)
    Benar:
        ![Peta](images/peta.png)

K0407 = tautan `@/{ $target }` menunjuk ke terjemahan
    .hint = tautkan ke berkas bahasa Indonesia (tanpa .en); halaman bahasa Inggris otomatis menaut ke versi bahasa Inggrisnya
    .title = Tautan ke terjemahan
    .explain = Tautan selalu menyebut berkas bahasa Indonesia; halaman bahasa Inggris menaut ke versi
    bahasa Inggrisnya sendiri.

    Salah:
        (@/pages/tentang.en.md)
    Benar:
        (@/pages/tentang.md)

K0408 = tautan `@/{ $target }`: tidak ada berkas konten `{ $file }`
    .hint = periksa jalurnya: dimulai sesudah folder konten, misalnya @/provinces/kalimantan-barat/issues/stunting.md atau @/pages/tentang.md
    .title = Tautan ke berkas yang tidak ada
    .explain = Berkas tujuan tidak ada: jalurnya salah ketik, atau berkasnya berganti nama.

    Salah:
        (@/provinces/banten/issues/air.md)
    Benar:
        (@/provinces/banten/issues/air-bersih.md)

K0409 = gambar `{ $url }` tidak ada
    .hint = yang dicari: { $file }; periksa nama berkas dan foldernya: gambar provinsi disimpan di provinces/<provinsi>/images/ dan ditulis images/<nama> dari index.md, ../images/<nama> dari sebuah isu
    .title = Berkas gambar tidak ada
    .explain = Berkas gambar yang ditampilkan halaman tidak ada di folder konten.

    Salah:
        ![Peta](images/peta-kalbar.png) padahal berkasnya tidak ada
    Benar:
        ![Peta](images/peta.png) dengan provinces/kalimantan-barat/images/peta.png

K0410 = berkas `{ $url }` yang ditautkan tidak ada
    .hint = yang dicari: { $file }; periksa nama berkas dan foldernya: dokumen disimpan di folder files/ di samping halamannya, misalnya pages/files/laporan.pdf, ditulis files/laporan.pdf dari pages/tentang.md
    .title = Berkas tautan tidak ada
    .explain = Berkas yang ditautkan halaman (misalnya sebuah PDF) tidak ada di folder konten. Jalur
    dibaca dari letak berkas Markdown-nya.

    Salah:
        unduh [Laporan (PDF)](files/laporan-2023.pdf) padahal berkasnya tidak ada
    Benar:
        unduh [Laporan (PDF)](files/laporan.pdf) dengan pages/files/laporan.pdf

K0411 = `{ $url }` tidak menunjuk ke folder images/ atau files/ di dalam folder konten
    .hint = simpan gambar di folder images/ dan dokumen di folder files/ di samping halamannya, lalu tulis jalurnya dari berkas Markdown ini, misalnya images/peta.png atau ../images/peta.png dari sebuah isu
    .title = Gambar atau berkas di luar foldernya
    .explain = Halaman hanya dapat menampilkan gambar dan menautkan berkas dari folder images/ atau
    files/ di dalam folder konten. Jalur dibaca dari letak berkas Markdown-nya: dari
    provinces/banten/issues/air.md, ../images/peta.png berarti provinces/banten/images/peta.png.

    Salah:
        ![Peta](peta.png) atau ![Peta](../../../peta.png)
    Benar:
        ![Peta](../images/peta.png) dengan provinces/banten/images/peta.png

K0412 = `{ $url }` adalah alamat pustaka bersama studio untuk { $file }, yang tidak disajikan situs
    .hint = tulis jalurnya dari berkas Markdown ini: { $relative }
    .title = Jalur pustaka studio
    .explain = Studio menulis gambar dari pustaka bersamanya (content/images/) dengan alamat
    /images/…, yang tidak ada di situs. Gambar dan dokumen ditulis dengan jalur dari letak berkas
    Markdown-nya; situs menerbitkannya di /media/.

    Salah:
        ![Logo](/images/logo.png) di provinces/banten/index.md
    Benar:
        ![Logo](../../images/logo.png) di provinces/banten/index.md
