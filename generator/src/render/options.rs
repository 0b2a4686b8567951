//! What a render needs besides the content and the theme.

/// Everything about a render that does not come from the content or the theme.
#[derive(Debug, Clone)]
pub struct Options {
    /// Public base URL without trailing slash, e.g. `https://winner.menpan.go.id`. Used for
    /// canonical URLs, the sitemap, feeds and `catalog.json`; links inside pages are
    /// root-relative (`/provinsi/…`), so the site is served from the root of its host.
    pub base_url: String,
    /// Where the proposal form posts (submit-fn's `/proposals`).
    pub submit_url: String,
    /// "Today" for proposal windows (WIB), from `winner_catalog::clock::today`.
    pub today: time::Date,
}
