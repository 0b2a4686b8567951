//! Every text a person may read, in Indonesian and English.

use time::Date;
use winner_catalog::Lang;

use crate::status::Status;
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

/// A proposal's status as its author reads it (#18); the emails use the same words.
pub fn status(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Received, Lang::Id) => "Diterima",
        (Status::Received, Lang::En) => "Received",
        (Status::Corrected, Lang::Id) => "Diperbaiki",
        (Status::Corrected, Lang::En) => "Corrected",
        (Status::Withdrawn, Lang::Id) => "Ditarik",
        (Status::Withdrawn, Lang::En) => "Withdrawn",
        (Status::UnderReview, Lang::Id) => "Sedang ditinjau",
        (Status::UnderReview, Lang::En) => "Under review",
        (Status::Shortlisted, Lang::Id) => "Masuk daftar pendek",
        (Status::Shortlisted, Lang::En) => "Shortlisted",
        (Status::NotSelected, Lang::Id) => "Tidak terpilih",
        (Status::NotSelected, Lang::En) => "Not selected",
    }
}

/// Texts of the page behind the private link (#18).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkText {
    /// Page title.
    Title,
    /// Status label.
    Status,
    /// Version label.
    Version,
    /// History heading.
    History,
    /// Who: the author.
    ByAuthor,
    /// Who: the organiser.
    ByOrganiser,
    /// The proposal's answers heading.
    Answers,
    /// Correction form heading.
    CorrectTitle,
    /// Correction form hint.
    CorrectHint,
    /// Correction button.
    CorrectButton,
    /// Withdrawal heading.
    WithdrawTitle,
    /// Withdrawal hint.
    WithdrawHint,
    /// Withdrawal button (first step).
    WithdrawButton,
    /// Confirmation question.
    ConfirmWithdraw,
    /// Confirmation button.
    ConfirmButton,
    /// Back to the proposal without withdrawing.
    Cancel,
    /// After a correction.
    Corrected,
    /// A correction that changed nothing.
    Unchanged,
    /// After a withdrawal.
    Withdrawn,
    /// The proposal is withdrawn: nothing more to change.
    IsWithdrawn,
    /// The province takes no proposals now: nothing to change.
    NotOpen,
    /// Someone else changed it meanwhile.
    Meanwhile,
    /// Unknown, wrong or old link (one text for all).
    Unknown,
    /// Lost link: heading.
    ResendTitle,
    /// Lost link: explanation.
    ResendHint,
    /// Lost link: button.
    ResendButton,
    /// After a re-send request (the same whatever happened).
    ResendAccepted,
    /// Reference label.
    Reference,
    /// Province label.
    Province,
    /// Issue label.
    Issue,
    /// Note label.
    Note,
    /// The link is private.
    Private,
    /// A select's empty choice.
    Choose,
}

/// A text of the private link's page.
pub fn link_text(t: LinkText, lang: Lang) -> &'static str {
    use LinkText::*;
    let en = lang == Lang::En;
    match t {
        Title if en => "Your proposal",
        Title => "Usulan Anda",
        Status if en => "Status",
        Status => "Status",
        Version if en => "Version",
        Version => "Versi",
        History if en => "History",
        History => "Riwayat",
        ByAuthor if en => "you",
        ByAuthor => "Anda",
        ByOrganiser if en => "the organiser",
        ByOrganiser => "penyelenggara",
        Answers if en => "Your answers",
        Answers => "Jawaban Anda",
        CorrectTitle if en => "Correct your proposal",
        CorrectTitle => "Perbaiki usulan Anda",
        CorrectHint if en => {
            "Change what needs changing and save. Each correction is kept as a new version, and a receipt is sent to the email address in the proposal."
        }
        CorrectHint => {
            "Ubah yang perlu diubah lalu simpan. Setiap perbaikan disimpan sebagai versi baru, dan tanda terimanya dikirim ke alamat email pada usulan."
        }
        CorrectButton if en => "Save the correction",
        CorrectButton => "Simpan perbaikan",
        WithdrawTitle if en => "Withdraw your proposal",
        WithdrawTitle => "Tarik usulan Anda",
        WithdrawHint if en => {
            "A withdrawn proposal is not reviewed. It is kept, marked as withdrawn, until the organiser's retention period ends."
        }
        WithdrawHint => {
            "Usulan yang ditarik tidak dinilai. Usulan tetap disimpan dengan tanda ditarik sampai masa penyimpanan penyelenggara berakhir."
        }
        WithdrawButton if en => "Withdraw the proposal",
        WithdrawButton => "Tarik usulan",
        ConfirmWithdraw if en => {
            "Do you really want to withdraw this proposal? This cannot be undone."
        }
        ConfirmWithdraw => "Yakin ingin menarik usulan ini? Penarikan tidak dapat dibatalkan.",
        ConfirmButton if en => "Yes, withdraw it",
        ConfirmButton => "Ya, tarik usulan",
        Cancel if en => "No, back to the proposal",
        Cancel => "Tidak, kembali ke usulan",
        Corrected if en => "Your correction was saved as a new version.",
        Corrected => "Perbaikan Anda tersimpan sebagai versi baru.",
        Unchanged if en => "Nothing was changed, so no new version was saved.",
        Unchanged => "Tidak ada yang berubah, jadi tidak ada versi baru yang disimpan.",
        Withdrawn if en => "Your proposal was withdrawn.",
        Withdrawn => "Usulan Anda sudah ditarik.",
        IsWithdrawn if en => "This proposal was withdrawn; it can no longer be changed.",
        IsWithdrawn => "Usulan ini sudah ditarik dan tidak dapat diubah lagi.",
        NotOpen if en => "The province does not take proposals now; it can no longer be changed.",
        NotOpen => "Provinsi ini sedang tidak menerima usulan; usulan tidak dapat diubah.",
        Meanwhile if en => {
            "The proposal was changed meanwhile (perhaps in another window), and your change was not saved. Here it is as stored now: check it and try again."
        }
        Meanwhile => {
            "Usulan ini berubah sementara itu (mungkin di jendela lain), dan perubahan Anda tidak disimpan. Inilah usulan seperti tersimpan sekarang: periksa lalu coba lagi."
        }
        Unknown if en => {
            "This link does not open a proposal. It may be incomplete or replaced by a newer one. You can ask for the link to be sent again below."
        }
        Unknown => {
            "Tautan ini tidak membuka usulan apa pun. Mungkin tautannya terpotong atau sudah diganti dengan yang lebih baru. Anda dapat meminta tautan dikirim ulang di bawah ini."
        }
        ResendTitle if en => "Lost your link?",
        ResendTitle => "Kehilangan tautan?",
        ResendHint if en => {
            "Enter the reference number and the email address of the proposal. If they match, a new link is sent to that address and the old one stops working."
        }
        ResendHint => {
            "Masukkan nomor referensi dan alamat email usulan. Jika cocok, tautan baru dikirim ke alamat tersebut dan tautan lama tidak berlaku lagi."
        }
        ResendButton if en => "Send the link again",
        ResendButton => "Kirim ulang tautan",
        ResendAccepted if en => {
            "If the reference and the email address belong to one proposal, a new link is on its way to that address."
        }
        ResendAccepted => {
            "Jika nomor referensi dan alamat email itu milik satu usulan, tautan baru sedang dikirim ke alamat tersebut."
        }
        Reference if en => "Reference number",
        Reference => "Nomor referensi",
        Province if en => "Province",
        Province => "Provinsi",
        Issue if en => "Issue",
        Issue => "Isu",
        Note if en => "Note",
        Note => "Catatan",
        Choose if en => "Choose",
        Choose => "Pilih",
        Private if en => {
            "This page is private: anyone with its link can see and change your proposal. Do not share it."
        }
        Private => {
            "Halaman ini pribadi: siapa pun yang memiliki tautannya dapat melihat dan mengubah usulan Anda. Jangan bagikan tautannya."
        }
    }
}

/// Until when the proposal may be changed, or why not: `closes` is the window's last day.
pub fn link_window(open: bool, day: Option<Date>, lang: Lang) -> String {
    let en = lang == Lang::En;
    match (open, day) {
        (true, Some(d)) if en => format!(
            "You can correct or withdraw it until {} (the end of the province's registration).",
            human_date(d, lang)
        ),
        (true, Some(d)) => format!(
            "Anda dapat memperbaiki atau menariknya sampai {} (akhir pendaftaran provinsi).",
            human_date(d, lang)
        ),
        (true, None) if en => "You can correct or withdraw it while registration is open.".into(),
        (true, None) => "Anda dapat memperbaiki atau menariknya selama pendaftaran dibuka.".into(),
        (false, Some(d)) if en => format!(
            "Registration closed on {}: the proposal can no longer be corrected or withdrawn.",
            human_date(d, lang)
        ),
        (false, Some(d)) => format!(
            "Pendaftaran ditutup pada {}: usulan tidak dapat diperbaiki atau ditarik lagi.",
            human_date(d, lang)
        ),
        (false, None) => link_text(LinkText::NotOpen, lang).into(),
    }
}
