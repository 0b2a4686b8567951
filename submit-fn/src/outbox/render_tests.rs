use super::*;

#[test]
fn fill_replaces_known_placeholders_once() {
    assert_eq!(
        fill("a {x} b {y} {z", &[("x", "{y}"), ("y", "2")]),
        "a {y} b 2 {z"
    );
}

#[test]
fn subjects_stay_on_one_line() {
    assert_eq!(one_line("a\r\nb"), "a  b");
}

#[test]
fn html_escapes_every_value() {
    let rows = [("<b>".to_owned(), "\"x\" & 'y' </dd>".to_owned())];
    let html = html_part(Lang::En, "s<", "l>", &rows, "t", &rows, &[]);
    assert!(!html.contains("<b>"), "{html}");
    assert!(!html.contains("</dd>\""), "{html}");
    assert!(
        html.contains("&lt;b&gt;") && html.contains("&amp;"),
        "{html}"
    );
    assert!(html.contains("<title>s&lt;</title>"), "{html}");
}
