//! Every text a person may read, in Indonesian and English.

use time::Date;
use winner_catalog::Lang;

use crate::validate::Problem;

/// A date as people read it: `11 Juni 2023` / `11 June 2023` (the site's wording too).
pub fn human_date(date: Date, lang: Lang) -> String {
    winner_catalog::clock::long_date(date, lang)
}

/// What to fix in one field.
pub fn problem(p: Problem, lang: Lang) -> String {
    use Problem::*;
    let en = lang == Lang::En;
    match p {
        Required if en => "This field is required.".into(),
        Required => "Bagian ini wajib diisi.".into(),
        TooShort(n) if en => format!("Write at least {n} characters."),
        TooShort(n) => format!("Tulis paling sedikit {n} karakter."),
        TooLong(n) if en => format!("Write at most {n} characters."),
        TooLong(n) => format!("Tulis paling banyak {n} karakter."),
        TooManyWords(n) if en => format!("Write at most {n} words."),
        TooManyWords(n) => format!("Tulis paling banyak {n} kata."),
        ForbiddenCharacters if en => {
            "Remove the control or text-direction characters (often pasted by accident).".into()
        }
        ForbiddenCharacters => {
            "Hapus karakter kontrol atau pengatur arah teks (sering ikut tersalin tanpa sengaja)."
                .into()
        }
        BadEmail if en => "Enter an email address like nama@contoh.id.".into(),
        BadEmail => "Masukkan alamat email seperti nama@contoh.id.".into(),
        BadPhone if en => "Enter a phone number like 0812 3456 7890 or +62 812 3456 7890.".into(),
        BadPhone => "Masukkan nomor telepon seperti 0812 3456 7890 atau +62 812 3456 7890.".into(),
        BadUrl if en => "Enter an address that starts with https:// or http://.".into(),
        BadUrl => "Masukkan alamat yang diawali https:// atau http://.".into(),
        NotANumber if en => "Enter a whole number.".into(),
        NotANumber => "Masukkan bilangan bulat.".into(),
        OutOfRange(min, max) => range(min, max, en),
        NotAnOption if en => "Choose one of the options.".into(),
        NotAnOption => "Pilih salah satu pilihan.".into(),
        BadCheckbox if en => "Tick the box or leave it empty.".into(),
        BadCheckbox => "Centang kotak ini atau biarkan kosong.".into(),
        NotTicked if en => "Tick this box to continue.".into(),
        NotTicked => "Centang kotak ini untuk melanjutkan.".into(),
        UnknownProvince if en => "Choose a province from the list.".into(),
        UnknownProvince => "Pilih provinsi dari daftar.".into(),
        UnknownIssue if en => "Choose an issue of the chosen province.".into(),
        UnknownIssue => "Pilih isu dari provinsi yang dipilih.".into(),
        NotValidated if en => "This issue does not take proposals yet.".into(),
        NotValidated => "Isu ini belum menerima usulan.".into(),
        NotAccepting if en => "This province does not take proposals.".into(),
        NotAccepting => "Provinsi ini tidak menerima usulan.".into(),
        NotYetOpen(d) if en => format!("Proposals open on {}.", human_date(d, lang)),
        NotYetOpen(d) => format!("Pendaftaran usulan dibuka pada {}.", human_date(d, lang)),
        Closed(d) if en => format!("Proposals closed on {}.", human_date(d, lang)),
        Closed(d) => format!("Pendaftaran usulan ditutup pada {}.", human_date(d, lang)),
        UnknownField if en => "This form has no such field.".into(),
        UnknownField => "Formulir ini tidak memiliki bagian tersebut.".into(),
        ReservedField if en => "This name is reserved and cannot be sent.".into(),
        ReservedField => "Nama ini dicadangkan dan tidak boleh dikirim.".into(),
        BadToken if en => "Reload the form page and send again.".into(),
        BadToken => "Muat ulang halaman formulir lalu kirim lagi.".into(),
        BadStartedAt if en => "Reload the form page and send again.".into(),
        BadStartedAt => "Muat ulang halaman formulir lalu kirim lagi.".into(),
        TooFast(s) if en => {
            format!(
                "The form was sent within {s} seconds of opening it. Check your answers and send again."
            )
        }
        TooFast(s) => format!(
            "Formulir dikirim kurang dari {s} detik setelah dibuka. Periksa jawaban Anda lalu kirim lagi."
        ),
    }
}

fn range(min: Option<i64>, max: Option<i64>, en: bool) -> String {
    match (min, max, en) {
        (Some(a), Some(b), true) => format!("Enter a number from {a} to {b}."),
        (Some(a), Some(b), false) => format!("Masukkan angka dari {a} sampai {b}."),
        (Some(a), None, true) => format!("Enter a number of at least {a}."),
        (Some(a), None, false) => format!("Masukkan angka paling kecil {a}."),
        (None, Some(b), true) => format!("Enter a number of at most {b}."),
        (None, Some(b), false) => format!("Masukkan angka paling besar {b}."),
        (None, None, true) => "Enter a whole number.".into(),
        (None, None, false) => "Masukkan bilangan bulat.".into(),
    }
}

/// Labels of the form's own fields (those not in the form definition).
pub fn own_field_label(name: &str, lang: Lang) -> Option<&'static str> {
    let en = lang == Lang::En;
    Some(match name {
        "province" if en => "Province",
        "province" => "Provinsi",
        "issue" if en => "Issue",
        "issue" => "Isu",
        "token" | "started_at" if en => "Form",
        "token" | "started_at" => "Formulir",
        _ => return None,
    })
}

/// Texts of whole-request answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Summary above the list of field problems.
    InvalidSummary,
    /// Body over 64 KiB.
    TooLarge,
    /// Neither form nor JSON.
    UnsupportedType,
    /// Not parseable (bad UTF-8, bad JSON, duplicated names ...).
    Malformed,
    /// Rate limit.
    RateLimited,
    /// Storage failed before anything was written.
    Unavailable,
    /// The write was sent but its outcome is unknown.
    Unconfirmed,
    /// The token was used for a different proposal.
    Conflict,
    /// No such route.
    NotFound,
    /// Method not allowed / preflight refused.
    Forbidden,
    /// HTML page title for errors.
    ErrorTitle,
    /// Link back to the form.
    BackToForm,
    /// Hint about the browser's back button keeping answers.
    BackHint,
}

/// A whole-request text.
pub fn text(t: Text, lang: Lang) -> &'static str {
    use Text::*;
    match (t, lang) {
        (InvalidSummary, Lang::Id) => "Ada yang perlu diperbaiki pada usulan Anda.",
        (InvalidSummary, Lang::En) => "Some answers in your proposal need fixing.",
        (TooLarge, Lang::Id) => {
            "Usulan terlalu panjang untuk dikirim. Persingkat jawaban Anda lalu kirim lagi."
        }
        (TooLarge, Lang::En) => {
            "The proposal is too long to send. Shorten your answers and send again."
        }
        (UnsupportedType, Lang::Id) => "Kirim usulan melalui formulir di situs ini.",
        (UnsupportedType, Lang::En) => "Send your proposal through the form on this site.",
        (Malformed, Lang::Id) => {
            "Kiriman tidak dapat dibaca. Kirim usulan melalui formulir di situs ini."
        }
        (Malformed, Lang::En) => {
            "The request could not be read. Send your proposal through the form on this site."
        }
        (RateLimited, Lang::Id) => "Terlalu banyak usulan dari jaringan Anda. Coba lagi nanti.",
        (RateLimited, Lang::En) => "Too many proposals from your network. Please try again later.",
        (Unavailable, Lang::Id) => {
            "Usulan Anda belum tersimpan karena gangguan sementara. Coba kirim lagi sebentar lagi."
        }
        (Unavailable, Lang::En) => {
            "Your proposal was not saved because of a temporary problem. Please send it again in a moment."
        }
        (Unconfirmed, Lang::Id) => {
            "Kami belum dapat memastikan usulan Anda tersimpan. Tekan Kirim lagi: itu tidak akan membuat usulan kedua."
        }
        (Unconfirmed, Lang::En) => {
            "We could not confirm that your proposal was saved. Press Send again: it will not create a second proposal."
        }
        (Conflict, Lang::Id) => {
            "Formulir ini sudah terkirim dengan jawaban yang berbeda, dan perubahan ini tidak disimpan. Untuk mengirim usulan baru, muat ulang halaman formulir."
        }
        (Conflict, Lang::En) => {
            "This form was already sent with different answers, and these changes were not saved. To send a new proposal, reload the form page."
        }
        (NotFound, Lang::Id) => "Alamat ini tidak ada.",
        (NotFound, Lang::En) => "There is nothing at this address.",
        (Forbidden, Lang::Id) => "Permintaan ini tidak diizinkan.",
        (Forbidden, Lang::En) => "This request is not allowed.",
        (ErrorTitle, Lang::Id) => "Usulan belum terkirim",
        (ErrorTitle, Lang::En) => "Your proposal was not sent",
        (BackToForm, Lang::Id) => "Kembali ke formulir",
        (BackToForm, Lang::En) => "Back to the form",
        (BackHint, Lang::Id) => {
            "Gunakan tombol Kembali di peramban Anda agar jawaban yang sudah diisi tetap ada."
        }
        (BackHint, Lang::En) => {
            "Use your browser's Back button to keep the answers you have written."
        }
    }
}
