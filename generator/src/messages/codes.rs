//! The stable codes of the kinds of content problem: one constant per kind, named for code
//! readers; the number is what editors see and search for, the text lives in the catalogue
//! under the same id. A code is never reused for another kind of problem.
//!
//! K01xx: reading YAML; K02xx: files and their names (K0218 to K0222: image and document
//! files); K03xx: values and rules across files;
//! K04xx: links and images in Markdown bodies.

macro_rules! codes {
    ($($name:ident = $code:literal;)*) => {
        $(
            #[doc = concat!("`", $code, "` (see the catalogue for its text).")]
            pub const $name: &str = $code;
        )*
        /// Every code, in order.
        pub const ALL: &[&str] = &[$($code),*];
    };
}

codes! {
    YAML_SYNTAX = "K0101";
    UNKNOWN_FIELD = "K0102";
    MISSING_FIELD = "K0103";
    NO_FRONT_MATTER = "K0104";
    DUPLICATE_FIELD = "K0105";
    INVALID_TYPE = "K0106";
    UNKNOWN_VARIANT = "K0107";
    INVALID_DATE = "K0108";
    UNCLOSED_FRONT_MATTER = "K0109";
    CANNOT_READ = "K0201";
    NOT_UTF8 = "K0202";
    NAME_NOT_UTF8 = "K0203";
    NAME_NOT_SLUG = "K0204";
    NEWS_NAME = "K0205";
    UNUSED_FILE = "K0206";
    CONTENT_DIR_MISSING = "K0207";
    SITE_FILE_MISSING = "K0208";
    PROVINCE_YAML_MISSING = "K0209";
    PROVINCE_INDEX_MISSING = "K0210";
    ORPHAN_TRANSLATION = "K0211";
    MISSING_TRANSLATION = "K0212";
    TRANSLATION_NO_TITLE = "K0213";
    NARRATIVE_HAS_TITLE = "K0214";
    CONTROL_CHAR = "K0215";
    FILE_TOO_LARGE = "K0216";
    SYMLINK = "K0217";
    MEDIA_TOO_LARGE = "K0218";
    MEDIA_WRONG_TYPE = "K0219";
    MEDIA_UNSUPPORTED = "K0220";
    MEDIA_OUTSIDE_FOLDER = "K0221";
    MEDIA_UNUSED = "K0222";
    BLANK_FIELD = "K0301";
    SOURCE_NOT_URL = "K0302";
    BAD_LANGUAGES = "K0303";
    SITE_URL_INVALID = "K0304";
    BASE_URL_SLASH = "K0305";
    STAGE_SLUG_INVALID = "K0306";
    STAGE_SLUG_DUPLICATE = "K0307";
    STAGE_DATES_REVERSED = "K0308";
    TOPIC_SLUG_INVALID = "K0309";
    TOPIC_SLUG_DUPLICATE = "K0310";
    CODE_NOT_TWO_DIGITS = "K0311";
    CODE_UNQUOTED = "K0312";
    CODE_DUPLICATE = "K0313";
    CODE_MISMATCH = "K0314";
    WINDOW_BOTH_STARTS = "K0315";
    WINDOW_NO_START = "K0316";
    WINDOW_REVERSED = "K0317";
    ISSUES_STATED_ZERO = "K0318";
    ISSUES_STATED_SOURCE = "K0319";
    UNKNOWN_TOPIC = "K0320";
    PENDING_WITH_DATE = "K0321";
    UNKNOWN_PROVINCE = "K0322";
    NEWS_SLUG_DUPLICATE = "K0323";
    PAGE_SLUG_INVALID = "K0324";
    PAGE_SLUG_DUPLICATE = "K0325";
    FORM_PROBLEM = "K0326";
    WAVE_UNKNOWN = "K0327";
    VALIDATED_ON_DIFFERS = "K0328";
    PLACEHOLDER_LEFT = "K0329";
    TITLE_CUT_BY_HASH = "K0330";
    RESERVED_ROUTE = "K0331";
    SAME_OUTPUT_PATH = "K0332";
    WINDOW_STATE_IN_PROSE = "K0333";
    SYNONYM_SIDE_EMPTY = "K0334";
    SYNONYM_EMPTY_ITEM = "K0335";
    SYNONYM_TERM_TWICE = "K0336";
    CODE_UNKNOWN = "K0337";
    PRIVACY_VERSION_NOT_STATED = "K0338";
    ORGANISER_EMAIL_INVALID = "K0339";
    ANCHOR_MISSING_THERE = "K0401";
    ANCHOR_MISSING_HERE = "K0402";
    ROOT_RELATIVE_LINK = "K0403";
    LINK_NOT_ALLOWED = "K0404";
    IMAGE_NO_ALT = "K0405";
    IMAGE_NOT_LOCAL = "K0406";
    LINK_TO_TRANSLATION = "K0407";
    LINK_TARGET_MISSING = "K0408";
    IMAGE_MISSING = "K0409";
    LINKED_FILE_MISSING = "K0410";
    MEDIA_REF_OUTSIDE = "K0411";
    MEDIA_LIBRARY_PATH = "K0412";
}
