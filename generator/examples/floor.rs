//! The floor of a build, for `bench/run.sh`: read every content file, turn every Markdown body
//! into HTML with pulldown-cmark (the generator's options), and write the same files, with the
//! same sizes, as a real build wrote. No templates, no validation, no link rewriting, no
//! atomic swap: files are overwritten in place over the previous floor output (as Hugo does),
//! so the floor pays for writing bytes, not for creating and deleting folders.
//!
//! ```text
//! cargo run --release -p generator --example floor -- CONTENT_DIR OUT_DIR REFERENCE_DIR
//! ```
//!
//! `REFERENCE_DIR` is a real build's output: its file list (paths and sizes) is read first.
//! Reading and parsing run in parallel over the file list (rayon), as in the generator; each
//! written file is parsed HTML repeated or cut to the size of the reference file.

use std::fs;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, out, reference] = args.as_slice() else {
        eprintln!("usage: floor CONTENT_DIR OUT_DIR REFERENCE_DIR");
        std::process::exit(2);
    };
    let out = Path::new(out);
    let reference = Path::new(reference);
    let targets: Vec<(PathBuf, usize)> = walkdir::WalkDir::new(reference)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let size = e.metadata().map_or(0, |m| m.len() as usize);
            let rel = e.path().strip_prefix(reference).unwrap_or(e.path());
            (rel.to_path_buf(), size)
        })
        .collect();

    let inputs: Vec<PathBuf> = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let html: Vec<String> = inputs
        .par_iter()
        .map(|path| {
            let text = fs::read_to_string(path).expect("read content file");
            let body = match text.strip_prefix("---\n") {
                Some(rest) => rest.split_once("\n---\n").map_or(rest, |(_, body)| body),
                None => text.as_str(),
            };
            let mut html = String::with_capacity(body.len() * 3 / 2);
            if path.extension().is_some_and(|e| e == "md") {
                pulldown_cmark::html::push_html(&mut html, Parser::new_ext(body, opts));
            } else {
                html.push_str(&text);
            }
            if html.is_empty() {
                html.push(' ');
            }
            html
        })
        .collect();

    fs::create_dir_all(out).expect("create out");
    targets.par_iter().enumerate().for_each(|(i, (rel, len))| {
        let src = html[i % html.len()].as_bytes();
        let mut buf = Vec::with_capacity(*len);
        while buf.len() < *len {
            let take = (len - buf.len()).min(src.len());
            buf.extend_from_slice(&src[..take]);
        }
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create dir");
        }
        fs::write(path, buf).expect("write");
    });
    let bytes: usize = targets.iter().map(|(_, l)| l).sum();
    eprintln!(
        "floor: read {} files, wrote {} files, {bytes} bytes",
        inputs.len(),
        targets.len()
    );
}
