//! The HTML of the private link's pages (#18), in the one page shell ([`super::page`]):
//! the proposal, its status and history, and while the window is open the correction form
//! (prefilled, with each problem beside its field) and the withdrawal button. Every text comes from
//! [`crate::messages`]; everything echoed is escaped.

use winner_catalog::{Field, FieldKind, Lang};

use super::page::{escape, page_html};
use crate::link::{Editable, Outcome, Page, StoredValue};
use crate::messages::{self, LinkText, Text};
use crate::state::AppState;
use crate::status::{BY_AUTHOR, Status};
use crate::validate::FieldErrors;

pub(super) fn page_of(outcome: &Outcome) -> Option<&Page> {
    match outcome {
        Outcome::Page(p)
        | Outcome::ConfirmWithdrawal(p)
        | Outcome::Corrected(p)
        | Outcome::Unchanged(p)
        | Outcome::Withdrawn(p)
        | Outcome::Invalid(p, _)
        | Outcome::Refused(p)
        | Outcome::Meanwhile(p) => Some(p),
        _ => None,
    }
}

pub(super) fn flash(outcome: &Outcome, lang: Lang) -> Option<String> {
    let t = |x| messages::link_text(x, lang).to_owned();
    match outcome {
        Outcome::Corrected(_) => Some(t(LinkText::Corrected)),
        Outcome::Unchanged(_) => Some(t(LinkText::Unchanged)),
        Outcome::Withdrawn(_) => Some(t(LinkText::Withdrawn)),
        Outcome::Meanwhile(_) => Some(t(LinkText::Meanwhile)),
        Outcome::Invalid(..) => Some(messages::text(Text::InvalidSummary, lang).to_owned()),
        Outcome::Refused(p) => Some(window_sentence(p)),
        _ => None,
    }
}

pub(super) fn window_sentence(p: &Page) -> String {
    match p.editable {
        Editable::Open(closes) => messages::link_window(true, closes, p.lang),
        Editable::Closed(d) => messages::link_window(false, Some(d), p.lang),
        Editable::NotOpen => messages::link_window(false, None, p.lang),
        Editable::Withdrawn => messages::link_text(LinkText::IsWithdrawn, p.lang).to_owned(),
    }
}

pub(super) fn resend_form(lang: Lang) -> String {
    let t = |x| escape(messages::link_text(x, lang));
    format!(
        "<h2 id=\"resend\">{title}</h2>\n<p>{hint}</p>\n\
<form method=\"post\" action=\"/proposals/link/resend\">\n<input type=\"hidden\" name=\"lang\" value=\"{code}\">\n\
<label for=\"resend-reference\">{reference}</label>\n<input type=\"text\" id=\"resend-reference\" name=\"reference\" autocomplete=\"off\" spellcheck=\"false\">\n\
<label for=\"resend-email\">Email</label>\n<input type=\"email\" id=\"resend-email\" name=\"email\" autocomplete=\"email\">\n\
<button type=\"submit\">{button}</button>\n</form>\n",
        title = t(LinkText::ResendTitle),
        hint = t(LinkText::ResendHint),
        reference = t(LinkText::Reference),
        button = t(LinkText::ResendButton),
        code = lang.code(),
    )
}

pub(super) fn html(state: &AppState, outcome: &Outcome) -> String {
    let Some(p) = page_of(outcome) else {
        let lang = Lang::Id;
        let text = match outcome {
            Outcome::RateLimited(_) => messages::text(Text::RateLimited, lang),
            Outcome::Unavailable => messages::text(Text::Unavailable, lang),
            Outcome::ResendAccepted => messages::link_text(LinkText::ResendAccepted, lang),
            _ => messages::link_text(LinkText::Unknown, lang),
        };
        // Both languages: the token says nothing about the proposal's language.
        let en = match outcome {
            Outcome::RateLimited(_) => messages::text(Text::RateLimited, Lang::En),
            Outcome::Unavailable => messages::text(Text::Unavailable, Lang::En),
            Outcome::ResendAccepted => messages::link_text(LinkText::ResendAccepted, Lang::En),
            _ => messages::link_text(LinkText::Unknown, Lang::En),
        };
        let body = format!(
            "<div class=\"box error\" role=\"alert\"><p>{}</p><p lang=\"en\">{}</p></div>\n{}",
            escape(text),
            escape(en),
            resend_form(lang)
        );
        return page_html(lang, messages::link_text(LinkText::Title, lang), &body);
    };
    let lang = p.lang;
    let t = |x| escape(messages::link_text(x, lang));
    let r = &p.record;
    let catalog = state.catalog();
    let province = r.province.as_deref().and_then(|s| catalog.province(s));
    let province_name = province.map_or_else(
        || r.province.clone().unwrap_or_default(),
        |p| p.name.clone(),
    );
    let issue = province
        .and_then(|pr| {
            pr.issues
                .iter()
                .find(|i| Some(i.slug.as_str()) == r.issue.as_deref())
        })
        .map_or_else(
            || r.issue.clone().unwrap_or_default(),
            |i| i.title.get(lang).to_owned(),
        );
    let mut out = format!("<p>{}</p>\n", t(LinkText::Private));
    if let Some(m) = flash(outcome, lang) {
        let class = if matches!(
            outcome,
            Outcome::Invalid(..) | Outcome::Meanwhile(_) | Outcome::Refused(_)
        ) {
            "box error\" role=\"alert"
        } else {
            "box\" role=\"status"
        };
        out.push_str(&format!("<div class=\"{class}\"><p>{}</p>", escape(&m)));
        if let Outcome::Invalid(_, errors) = outcome {
            out.push_str("<ul>");
            for e in &errors.0 {
                let label = catalog
                    .form
                    .field(&e.name)
                    .map_or(e.name.as_str(), |f| f.label.get(lang));
                out.push_str(&format!(
                    "<li><a href=\"#f-{}\">{}</a>: {}</li>",
                    escape(&e.name),
                    escape(label),
                    escape(&messages::problem(e.problem, lang))
                ));
            }
            out.push_str("</ul>");
        }
        out.push_str("</div>\n");
    }
    out.push_str(&format!(
        "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd id=\"status\">{}</dd>\n<dt>{}</dt><dd id=\"version\">{}</dd>\n</dl>\n<p id=\"window\">{}</p>\n",
        t(LinkText::Reference),
        escape(r.reference.as_deref().unwrap_or("")),
        t(LinkText::Province),
        escape(&province_name),
        t(LinkText::Issue),
        escape(&issue),
        t(LinkText::Status),
        escape(messages::status(r.status(), lang)),
        t(LinkText::Version),
        r.version.unwrap_or(1),
        escape(&window_sentence(p)),
    ));
    if let Outcome::ConfirmWithdrawal(_) = outcome {
        out.push_str(&format!(
            "<div class=\"box error\" role=\"alert\"><p>{}</p>\n{}{}</div>\n",
            t(LinkText::ConfirmWithdraw),
            action_form(p, "confirm_withdrawal", &t(LinkText::ConfirmButton), true),
            action_form(p, "view", &t(LinkText::Cancel), false),
        ));
    }
    out.push_str(&format!(
        "<h2>{}</h2>\n<ol id=\"history\">\n",
        t(LinkText::History)
    ));
    for h in &r.history {
        let who = if h.by == BY_AUTHOR {
            t(LinkText::ByAuthor)
        } else {
            t(LinkText::ByOrganiser)
        };
        let mut line = format!(
            "{} · {} · {} {} · {}",
            escape(&when(&h.at, lang)),
            escape(messages::status(h.status, lang)),
            t(LinkText::Version),
            h.version,
            who
        );
        if let Some(note) = &h.note {
            line.push_str(&format!(" · {}: {}", t(LinkText::Note), escape(note)));
        }
        out.push_str(&format!("<li>{line}</li>\n"));
    }
    out.push_str("</ol>\n");
    let errors = match outcome {
        Outcome::Invalid(_, e) => Some(e),
        _ => None,
    };
    if p.editable.is_open() && !matches!(outcome, Outcome::ConfirmWithdrawal(_)) {
        out.push_str(&correction_form(state, p, errors));
        out.push_str(&format!(
            "<h2>{}</h2>\n<p>{}</p>\n{}",
            t(LinkText::WithdrawTitle),
            t(LinkText::WithdrawHint),
            action_form(p, "withdraw", &t(LinkText::WithdrawButton), true)
        ));
    } else {
        out.push_str(&format!(
            "<h2>{}</h2>\n<dl id=\"answers\">\n",
            t(LinkText::Answers)
        ));
        for f in &catalog.form.fields {
            if let Some(v) = r.answers.get(&f.name) {
                out.push_str(&format!(
                    "<dt>{}</dt><dd>{}</dd>\n",
                    escape(f.label.get(lang)),
                    escape(&shown(f, v, lang))
                ));
            }
        }
        out.push_str("</dl>\n");
    }
    if r.status() == Status::Withdrawn && !matches!(outcome, Outcome::Withdrawn(_)) {
        out.push_str(&format!("<p>{}</p>\n", t(LinkText::IsWithdrawn)));
    }
    page_html(lang, messages::link_text(LinkText::Title, lang), &out)
}

/// A stored timestamp as `1 Juni 2023, 10.26 WIB` (as stored when it is not one).
fn when(at: &str, lang: Lang) -> String {
    match winner_catalog::clock::parse_instant(at) {
        Some(t) => {
            let (date, time) = winner_catalog::clock::wib_date_and_time(t, lang);
            format!("{date}, {time} WIB")
        }
        None => at.to_owned(),
    }
}

fn shown(field: &Field, v: &StoredValue, lang: Lang) -> String {
    match v {
        StoredValue::Text(t) if field.kind == FieldKind::Select => field
            .options
            .iter()
            .find(|c| c.value == *t)
            .map_or_else(|| t.clone(), |c| c.label.get(lang).to_owned()),
        StoredValue::Text(t) | StoredValue::Number(t) => t.clone(),
        StoredValue::Ticked => "✓".to_owned(),
        StoredValue::Other => String::new(),
    }
}

/// The hidden fields every form of the page carries: the token and the revision shown.
fn hidden(p: &Page, action: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"link\" value=\"{}\">\n<input type=\"hidden\" name=\"action\" value=\"{action}\">\n<input type=\"hidden\" name=\"revision\" value=\"{}\">\n",
        escape(&p.token),
        p.record.revision.max(1)
    )
}

fn action_form(p: &Page, action: &str, label: &str, danger: bool) -> String {
    format!(
        "<form method=\"post\" action=\"/proposals/link\">\n{}<button type=\"submit\"{}>{label}</button>\n</form>\n",
        hidden(p, action),
        if danger { " class=\"danger\"" } else { "" },
    )
}

fn correction_form(state: &AppState, p: &Page, errors: Option<&FieldErrors>) -> String {
    let lang = p.lang;
    let t = |x| escape(messages::link_text(x, lang));
    let mut out = format!(
        "<h2>{}</h2>\n<p>{}</p>\n<form method=\"post\" action=\"/proposals/link\" novalidate>\n{}",
        t(LinkText::CorrectTitle),
        t(LinkText::CorrectHint),
        hidden(p, "correct"),
    );
    for f in &state.catalog().form.fields {
        let id = format!("f-{}", escape(&f.name));
        let name = escape(&f.name);
        let value = match p.record.answers.get(&f.name) {
            Some(StoredValue::Text(t) | StoredValue::Number(t)) => t.clone(),
            _ => String::new(),
        };
        let ticked = matches!(p.record.answers.get(&f.name), Some(StoredValue::Ticked));
        let error = errors.and_then(|e| e.0.iter().find(|x| x.name == f.name));
        let described = format!(
            "{}{}",
            if f.hint.is_some() {
                format!("{id}-hint ")
            } else {
                String::new()
            },
            if error.is_some() {
                format!("{id}-error")
            } else {
                String::new()
            }
        );
        let aria = if described.trim().is_empty() {
            String::new()
        } else {
            format!(" aria-describedby=\"{}\"", described.trim())
        };
        let required = if f.required { " required" } else { "" };
        let label = format!(
            "<label for=\"{id}\">{}</label>\n",
            escape(f.label.get(lang))
        );
        let hint = f.hint.as_ref().map_or(String::new(), |h| {
            format!(
                "<p class=\"hint\" id=\"{id}-hint\">{}</p>\n",
                escape(h.get(lang))
            )
        });
        let err = error.map_or(String::new(), |e| {
            format!(
                "<p class=\"field-error\" id=\"{id}-error\">{}</p>\n",
                escape(&messages::problem(e.problem, lang))
            )
        });
        let control = match f.kind {
            FieldKind::Textarea => format!(
                "<textarea id=\"{id}\" name=\"{name}\"{required}{aria}>{}</textarea>\n",
                escape(&value)
            ),
            FieldKind::Select => {
                let mut s = format!(
                    "<select id=\"{id}\" name=\"{name}\"{required}{aria}>\n<option value=\"\">{}</option>\n",
                    t(LinkText::Choose)
                );
                for c in &f.options {
                    s.push_str(&format!(
                        "<option value=\"{}\"{}>{}</option>\n",
                        escape(&c.value),
                        if c.value == value { " selected" } else { "" },
                        escape(c.label.get(lang))
                    ));
                }
                s.push_str("</select>\n");
                s
            }
            FieldKind::Checkbox => format!(
                "<input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"yes\"{}{required}{aria}>\n",
                if ticked { " checked" } else { "" }
            ),
            kind => {
                let ty = match kind {
                    FieldKind::Email => "email",
                    FieldKind::Tel => "tel",
                    FieldKind::Url => "url",
                    FieldKind::Number => "number",
                    _ => "text",
                };
                let auto = f.autocomplete.as_deref().map_or(String::new(), |a| {
                    format!(" autocomplete=\"{}\"", escape(a))
                });
                format!(
                    "<input type=\"{ty}\" id=\"{id}\" name=\"{name}\" value=\"{}\"{auto}{required}{aria}>\n",
                    escape(&value)
                )
            }
        };
        if f.kind == FieldKind::Checkbox {
            out.push_str(&format!("<div>{err}{control}{label}{hint}</div>\n"));
        } else {
            out.push_str(&format!("<div>{label}{hint}{err}{control}</div>\n"));
        }
    }
    out.push_str(&format!(
        "<button type=\"submit\">{}</button>\n</form>\n",
        t(LinkText::CorrectButton)
    ));
    out
}
