//! The transactional outbox (#17): the emails about a proposal.
//!
//! A proposal and its messages (a receipt to the address the submitter typed, a notice to the
//! organiser) are written in one DynamoDB transaction by the intake ([`outgoing`] decides which
//! messages, `crate::store` writes them). Nothing is sent on the submit path, so a slow or
//! failing SES never delays or fails a submission. A sender then delivers them:
//!
//! - in production, DynamoDB Streams invoke the same binary's outbox handler with the new
//!   messages' keys ([`deliver::stream_batch`]), and a schedule sweeps messages whose retry is
//!   due ([`deliver::drain`]);
//! - locally and in tests, `submit-fn outbox run` drains the same records through the same code.
//!
//! Modules, one job each: [`render`] (the texts, from the catalog's email strings), [`ses`]
//! (one SES v2 call and what its failure means), [`deliver`] (claim, send, record, retry or park).

pub mod deliver;
pub mod render;
pub mod ses;

use winner_catalog::Catalog;

use crate::config::MailConfig;
use crate::store::{MessageKind, NewMessage};
use crate::validate::Valid;

/// The language organiser notices are written in.
pub const NOTICE_LANG: winner_catalog::Lang = winner_catalog::Lang::Id;

/// The province's own recipient of its notices (`organiser_email` in its content), which
/// takes them instead of the deployment's address: the one rule [`outgoing`] addresses a
/// notice by and [`render`] words it by (such a recipient cannot run the export).
pub fn provincial_recipient<'a>(catalog: &'a Catalog, province: &str) -> Option<&'a str> {
    catalog.province(province)?.organiser_email.as_deref()
}

/// The messages to write with `valid`: none without `mail` settings or email texts in the
/// catalog; a receipt to the form's (first) email answer in the submission's language; a
/// notice to the province's own organiser address when its content gives one, else to the
/// deployment's (`ORGANISER_EMAIL`), else none.
pub fn outgoing(catalog: &Catalog, mail: Option<&MailConfig>, valid: &Valid) -> Vec<NewMessage> {
    let Some(mail) = mail else {
        return Vec::new();
    };
    if catalog.email.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(to) = valid.author_email(&catalog.form) {
        out.push(NewMessage {
            kind: MessageKind::Receipt,
            to: to.to_owned(),
            lang: valid.lang.code(),
            seq: 0,
        });
    }
    let own = provincial_recipient(catalog, &valid.province);
    if let Some(organiser) = own.or(mail.organiser.as_deref()) {
        out.push(NewMessage {
            kind: MessageKind::Notice,
            to: organiser.to_owned(),
            lang: NOTICE_LANG.code(),
            seq: 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Answer;
    use winner_catalog::Lang;

    fn catalog() -> Catalog {
        Catalog::from_json(include_str!("../../tests/fixtures/catalog.json")).expect("fixture")
    }

    fn mail(organiser: Option<&str>) -> MailConfig {
        MailConfig {
            from: "Kompetisi WiNNER <noreply@winner.example.go.id>".into(),
            organiser: organiser.map(str::to_owned),
            notice_answers: false,
            configuration_set: None,
            submit_url: None,
        }
    }

    fn valid() -> Valid {
        Valid {
            province: "kalimantan-barat".into(),
            province_code: "61".into(),
            issue: "stunting".into(),
            lang: Lang::En,
            token: None,
            started_at: None,
            answers: vec![("email".into(), Answer::Text("budi@contoh.id".into()))],
        }
    }

    fn recipients(catalog: &Catalog, organiser: Option<&str>) -> Vec<(MessageKind, String)> {
        outgoing(catalog, Some(&mail(organiser)), &valid())
            .into_iter()
            .map(|m| (m.kind, m.to))
            .collect()
    }

    #[test]
    fn a_province_address_takes_the_notice_instead_of_the_deployments() {
        let mut with_own = catalog();
        let province = with_own
            .provinces
            .iter_mut()
            .find(|p| p.slug == "kalimantan-barat")
            .expect("fixture province");
        province.organiser_email = Some("bappeda@kalbarprov.go.id".into());
        let central = Some("panitia@winner.example.go.id");
        assert_eq!(
            recipients(&with_own, central),
            [
                (MessageKind::Receipt, "budi@contoh.id".to_owned()),
                (MessageKind::Notice, "bappeda@kalbarprov.go.id".to_owned()),
            ]
        );
        // Without a deployment address, the province's still gets its notice.
        assert_eq!(
            recipients(&with_own, None)[1],
            (MessageKind::Notice, "bappeda@kalbarprov.go.id".to_owned())
        );
        // Another province's address does not.
        assert_eq!(
            recipients(&catalog(), central)[1],
            (
                MessageKind::Notice,
                "panitia@winner.example.go.id".to_owned()
            )
        );
        assert_eq!(
            recipients(&catalog(), None).len(),
            1,
            "no notice without any address"
        );
    }
}
