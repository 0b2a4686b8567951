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

/// The messages to write with `valid`: none without `mail` settings or email texts in the
/// catalog; a receipt to the form's (first) email answer in the submission's language; a
/// notice when an organiser address is configured.
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
    if let Some(organiser) = &mail.organiser {
        out.push(NewMessage {
            kind: MessageKind::Notice,
            to: organiser.clone(),
            lang: NOTICE_LANG.code(),
            seq: 0,
        });
    }
    out
}
