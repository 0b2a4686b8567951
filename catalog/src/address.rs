//! The one rule for what counts as an email address: a form's email answer (submit-fn), an
//! organiser address in a province's content (the generator's check) and the deployment's
//! mail settings (submit-fn's configuration) all ask it.

/// A pragmatic address check: `local@domain.tld`, no spaces, a dotted domain of letters,
/// digits and hyphens (any script), a top-level part of at least two letters.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let local_ok = (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::is_email;

    #[test]
    fn addresses() {
        assert!(is_email("nama.belakang+tag@sub.contoh.co.id"));
        assert!(is_email("budi@dinas.jabarprov.go.id"));
        assert!(!is_email("@contoh.id"));
        assert!(!is_email("a@-contoh.id"));
        assert!(!is_email("a b@contoh.id"));
    }
}
