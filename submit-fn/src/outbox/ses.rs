//! Amazon SES v2: one `SendEmail` per message, and what a failure means for the outbox.

use aws_sdk_sesv2::Client;
use aws_sdk_sesv2::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};

use super::render::Email;

/// Why a send failed, without any of the message's content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// SES refused this message for good (the address, the content): park it, do not retry.
    #[error("SES rejected the message: {0}")]
    Rejected(String),
    /// SES was unreachable, throttled or paused: try again later.
    #[error("SES is unavailable: {0}")]
    Transient(String),
}

impl SendError {
    /// The content-free code stored as the message's `last_error`.
    pub fn code(&self) -> String {
        match self {
            SendError::Rejected(c) => format!("rejected: {c}"),
            SendError::Transient(c) => format!("unavailable: {c}"),
        }
    }
}

/// Error codes that mean "this message will never go": a bad or suppressed address, content
/// SES refuses. (`InvalidParameterValue` is how moto's SES says the same.)
const PERMANENT: [&str; 4] = [
    "MessageRejected",
    "BadRequestException",
    "InvalidParameterValue",
    "NotFoundException",
];

/// Sends from one identity, with an optional configuration set.
#[derive(Debug, Clone)]
pub struct Mailer {
    client: Client,
    from: String,
    configuration_set: Option<String>,
}

impl Mailer {
    /// A mailer over `client`, sending from `from`.
    pub fn new(client: Client, from: String, configuration_set: Option<String>) -> Mailer {
        Mailer {
            client,
            from,
            configuration_set,
        }
    }

    /// Sends `email` to `to`; the SES message id on success.
    pub async fn send(&self, to: &str, email: &Email) -> Result<String, SendError> {
        let text = |data: &str| {
            Content::builder()
                .data(data)
                .charset("UTF-8")
                .build()
                .map_err(|_| SendError::Rejected("content could not be built".into()))
        };
        let message = Message::builder()
            .subject(text(&email.subject)?)
            .body(
                Body::builder()
                    .text(text(&email.text)?)
                    .html(text(&email.html)?)
                    .build(),
            )
            .build();
        let out = self
            .client
            .send_email()
            .from_email_address(&self.from)
            .destination(Destination::builder().to_addresses(to).build())
            .content(EmailContent::builder().simple(message).build())
            .set_configuration_set_name(self.configuration_set.clone())
            .send()
            .await
            .map_err(classify)?;
        Ok(out.message_id.unwrap_or_default())
    }
}

fn classify<E: ProvideErrorMetadata, R>(e: SdkError<E, R>) -> SendError {
    match &e {
        SdkError::ServiceError(s) => {
            let code = s.err().code().unwrap_or("service error").to_owned();
            if PERMANENT.contains(&code.as_str()) {
                SendError::Rejected(code)
            } else {
                SendError::Transient(code)
            }
        }
        SdkError::TimeoutError(_) => SendError::Transient("timeout".into()),
        SdkError::DispatchFailure(_) => SendError::Transient("unreachable".into()),
        SdkError::ResponseError(_) => SendError::Transient("unreadable response".into()),
        _ => SendError::Transient("unknown failure".into()),
    }
}

/// A client from the SDK's own environment (`AWS_ENDPOINT_URL_SESV2` points it at moto),
/// with the store's timeouts.
pub async fn client_from_env() -> Client {
    let conf = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .timeout_config(crate::store::timeouts())
        .load()
        .await;
    Client::new(&conf)
}
