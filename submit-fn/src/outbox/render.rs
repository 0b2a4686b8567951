//! The texts of a message, from the catalog's email strings (the theme's `email.*` keys, one
//! home with the site's other strings) and the stored proposal: a subject carrying the
//! reference, a plain-text part, and a simple HTML part escaped with the `html-escape` crate
//! that both binaries share (the same call as the error pages'; `outbox` may not reach `http`).

use winner_catalog::{Catalog, EmailTexts, FieldKind, Lang};

use crate::store::{MessageKind, ProposalRecord, StoredValue};

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// One line, with the reference.
    pub subject: String,
    /// The plain-text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
}

/// Why a message could not be rendered (a deployment problem, never the submitter's).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The catalog carries no email texts.
    #[error("catalog.json has no email texts (the theme's `email.*` strings)")]
    NoTexts,
    /// A string the message needs is missing from the catalog.
    #[error("catalog.json lacks the email string `{0}`")]
    Missing(String),
    /// The stored proposal lacks an attribute the message shows.
    #[error("the stored proposal has no `{0}`")]
    Incomplete(&'static str),
}

/// What to render: a proposal as stored and which message about it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The catalog (form fields, provinces, email texts).
    pub catalog: &'a Catalog,
    /// The stored proposal.
    pub proposal: &'a ProposalRecord,
    /// Which message.
    pub kind: MessageKind,
    /// The message's language.
    pub lang: Lang,
    /// Whether a notice may copy the answers (`NOTICE_INCLUDES_ANSWERS`); receipts always do.
    pub notice_answers: bool,
    /// What the message is about ([`crate::store::NewMessage::seq`]).
    pub seq: u32,
    /// The private link (#18), in messages to the author when the sender can make it.
    pub link: Option<&'a str>,
}

struct Texts<'a> {
    texts: &'a EmailTexts,
    lang: Lang,
}

impl Texts<'_> {
    fn get(&self, key: &str) -> Result<&str, RenderError> {
        self.texts
            .strings
            .get(key)
            .map(|l| l.get(self.lang))
            .ok_or_else(|| RenderError::Missing(key.to_owned()))
    }

    fn fill(&self, key: &str, args: &[(&str, &str)]) -> Result<String, RenderError> {
        Ok(fill(self.get(key)?, args))
    }
}

/// Replaces each `{name}` of `template` with its value from `args`, in one pass (a value is
/// never scanned for placeholders); unknown placeholders stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `submitted_at` as people read it in WIB, in `lang` (e.g. `1 Juni 2023 pukul 10.26 WIB`).
fn when(t: &Texts<'_>, submitted_at: &str) -> Result<String, RenderError> {
    let at = winner_catalog::clock::parse_instant(submitted_at)
        .ok_or(RenderError::Incomplete("submitted_at"))?;
    let (date, time) = winner_catalog::clock::wib_date_and_time(at, t.lang);
    t.fill("email.when", &[("date", &date), ("time", &time)])
}

/// One answer as the submitter would recognise it: a choice's label, "Yes" for a tick.
fn answer_text(
    t: &Texts<'_>,
    field: &winner_catalog::Field,
    value: &StoredValue,
) -> Result<Option<String>, RenderError> {
    Ok(Some(match value {
        StoredValue::Text(v) if field.kind == FieldKind::Select => field
            .options
            .iter()
            .find(|c| c.value == *v)
            .map_or_else(|| v.clone(), |c| c.label.get(t.lang).to_owned()),
        StoredValue::Text(v) | StoredValue::Number(v) => v.clone(),
        StoredValue::Ticked => t.get("email.ticked")?.to_owned(),
        StoredValue::Other => return Ok(None),
    }))
}

/// Renders one message (see the module docs).
pub fn render(req: &Request<'_>) -> Result<Email, RenderError> {
    let texts = req.catalog.email.as_ref().ok_or(RenderError::NoTexts)?;
    let t = Texts {
        texts,
        lang: req.lang,
    };
    let p = req.proposal;
    let reference = p
        .reference
        .as_deref()
        .ok_or(RenderError::Incomplete("reference"))?;
    let province_slug = p
        .province
        .as_deref()
        .ok_or(RenderError::Incomplete("province"))?;
    let province = req.catalog.province(province_slug);
    let province_name = province.map_or(province_slug, |p| p.name.as_str());
    let issue_slug = p.issue.as_deref().ok_or(RenderError::Incomplete("issue"))?;
    let issue = province
        .and_then(|p| p.issues.iter().find(|i| i.slug == issue_slug))
        .map_or(issue_slug, |i| i.title.get(req.lang));
    let submitted = when(
        &t,
        p.submitted_at
            .as_deref()
            .ok_or(RenderError::Incomplete("submitted_at"))?,
    )?;
    let organiser = texts.organiser.get(req.lang);

    // Paragraphs and label/value rows, rendered once to text and once to HTML.
    let facts = vec![
        (t.get("email.reference")?.to_owned(), reference.to_owned()),
        (
            t.get("email.province")?.to_owned(),
            province_name.to_owned(),
        ),
        (t.get("email.issue")?.to_owned(), issue.to_owned()),
        (t.get("email.submitted_at")?.to_owned(), submitted),
    ];
    let mut answers = Vec::new();
    let copy_answers = matches!(req.kind, MessageKind::Receipt | MessageKind::Correction)
        || (req.kind == MessageKind::Notice && req.notice_answers);
    if copy_answers {
        for field in &req.catalog.form.fields {
            if let Some(v) = p.answers.get(&field.name)
                && let Some(text) = answer_text(&t, field, v)?
            {
                answers.push((field.label.get(req.lang).to_owned(), text));
            }
        }
    }
    // What every message to the author ends with: the private link, the contact, the footer.
    let author_closing =
        |next: Option<(String, String)>| -> Result<Vec<(String, String)>, RenderError> {
            let contact = match &texts.contact_path {
                Some(path) => {
                    let url = format!("{}{}", req.catalog.site_url, path.get(req.lang));
                    t.fill(
                        "email.contact",
                        &[
                            ("organiser", organiser),
                            ("contact_url", &url),
                            ("reference", reference),
                        ],
                    )?
                }
                None => t.fill(
                    "email.contact_unknown",
                    &[("organiser", organiser), ("reference", reference)],
                )?,
            };
            let mut closing: Vec<(String, String)> = next.into_iter().collect();
            if let Some(link) = req.link {
                closing.push((
                    t.get("email.link_title")?.to_owned(),
                    t.fill("email.link", &[("link", link)])?,
                ));
            }
            closing.push((t.get("email.contact_title")?.to_owned(), contact));
            closing.push((String::new(), t.get("email.footer")?.to_owned()));
            Ok(closing)
        };
    let version = req.seq.to_string();
    let (subject, lead, answers_title, closing) = match req.kind {
        MessageKind::Receipt => (
            t.fill("email.receipt.subject", &[("reference", reference)])?,
            t.get("email.receipt.lead")?.to_owned(),
            t.get("email.answers")?.to_owned(),
            author_closing(Some((
                t.get("sent.next_title")?.to_owned(),
                t.get("sent.next")?.to_owned(),
            )))?,
        ),
        MessageKind::Correction => (
            t.fill(
                "email.correction.subject",
                &[("reference", reference), ("version", &version)],
            )?,
            t.fill("email.correction.lead", &[("version", &version)])?,
            t.get("email.answers")?.to_owned(),
            author_closing(None)?,
        ),
        MessageKind::Withdrawal => (
            t.fill("email.withdrawal.subject", &[("reference", reference)])?,
            t.get("email.withdrawal.lead")?.to_owned(),
            String::new(),
            author_closing(None)?,
        ),
        MessageKind::Link => (
            t.fill("email.resend.subject", &[("reference", reference)])?,
            t.get("email.resend.lead")?.to_owned(),
            String::new(),
            author_closing(None)?,
        ),
        MessageKind::Status => {
            let entry = usize::try_from(req.seq)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| p.history.get(i))
                .ok_or(RenderError::Incomplete("history"))?;
            let status = crate::messages::status(entry.status, req.lang);
            let note = entry.note.as_ref().map(|n| {
                (
                    t.get("email.status.note_title").map(str::to_owned),
                    n.clone(),
                )
            });
            let mut closing = Vec::new();
            if let Some((title, note)) = note {
                closing.push((title?, note));
            }
            closing.extend(author_closing(None)?);
            (
                t.fill(
                    "email.status.subject",
                    &[("reference", reference), ("status", status)],
                )?,
                t.fill("email.status.lead", &[("status", status)])?,
                String::new(),
                closing,
            )
        }
        MessageKind::Notice => {
            let mut closing = Vec::new();
            if !copy_answers {
                // A province's own recipient has no access to the export: it is told whom to
                // ask instead.
                let line = if super::provincial_recipient(req.catalog, province_slug).is_some() {
                    t.fill(
                        "email.notice.ask",
                        &[("organiser", organiser), ("reference", reference)],
                    )?
                } else {
                    t.fill("email.notice.export", &[("province_slug", province_slug)])?
                };
                closing.push((String::new(), line));
            }
            (
                t.fill(
                    "email.notice.subject",
                    &[("reference", reference), ("province", province_name)],
                )?,
                t.get("email.notice.lead")?.to_owned(),
                t.get("email.notice.answers")?.to_owned(),
                closing,
            )
        }
    };
    let subject = one_line(&subject);
    let mut html = html_part(
        req.lang,
        &subject,
        &lead,
        &facts,
        &answers_title,
        &answers,
        &closing,
    );
    if let Some(link) = req.link {
        // The private link, clickable in the HTML part (it is escaped like any text first).
        let e = escape(link);
        html = html.replace(&*e, &format!("<a href=\"{e}\">{e}</a>"));
    }
    Ok(Email {
        text: text_part(&lead, &facts, &answers_title, &answers, &closing),
        html,
        subject,
    })
}

/// A subject never spans lines (a header).
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

type Rows = [(String, String)];

use winner_catalog::escape::html as escape;

fn text_part(lead: &str, facts: &Rows, title: &str, answers: &Rows, closing: &Rows) -> String {
    let mut out = format!("{lead}\n\n");
    for (k, v) in facts {
        out.push_str(&format!("{k}: {v}\n"));
    }
    if !answers.is_empty() {
        out.push_str(&format!(
            "\n{title}\n{}\n",
            "=".repeat(title.chars().count())
        ));
        for (k, v) in answers {
            out.push_str(&format!("\n{k}:\n{v}\n"));
        }
    }
    for (k, v) in closing {
        out.push('\n');
        if !k.is_empty() {
            out.push_str(&format!("{k}\n"));
        }
        out.push_str(&format!("{v}\n"));
    }
    out
}

fn html_part(
    lang: Lang,
    subject: &str,
    lead: &str,
    facts: &Rows,
    title: &str,
    answers: &Rows,
    closing: &Rows,
) -> String {
    let rows = |rows: &Rows| {
        rows.iter()
            .map(|(k, v)| {
                format!(
                    "<dt style=\"font-weight:bold\">{}</dt><dd style=\"white-space:pre-wrap;margin:0 0 1em 0\">{}</dd>",
                    escape(k),
                    escape(v)
                )
            })
            .collect::<String>()
    };
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font-family:sans-serif;line-height:1.5\"><p>{}</p><dl>{}</dl>",
        lang.code(),
        escape(subject),
        escape(lead),
        rows(facts)
    );
    if !answers.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2><dl>{}</dl>",
            escape(title),
            rows(answers)
        ));
    }
    for (k, v) in closing {
        if !k.is_empty() {
            out.push_str(&format!("<h2>{}</h2>", escape(k)));
        }
        out.push_str(&format!("<p>{}</p>", escape(v)));
    }
    out.push_str("</body></html>");
    out
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
