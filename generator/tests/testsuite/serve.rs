//! `generator serve` through the binary, over real HTTP: the first build is served, a saved
//! change shows up, a broken file keeps the last good page and reports the error on the
//! live-reload stream, and fixing it brings the page back up to date.
//!
//! Every wait is a bounded poll; the server is told to stop (SIGTERM, then a kill) by a guard
//! that runs even when an assertion fails.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::prelude::*;

/// How long any one wait may take.
const PATIENCE: Duration = Duration::from_secs(20);

/// The server process; stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    /// Starts `generator serve` on a free port and waits for its `serving http://…` line.
    fn start(content: &Path) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("generator"))
            .env("WINNER_LANG", "en")
            .arg("serve")
            .arg("--port")
            .arg(port.to_string())
            .arg("--content")
            .arg(content)
            .arg("--theme")
            .arg(theme())
            .env_remove("GENERATOR_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start generator serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        // Keeps draining stderr so the server never blocks on a full pipe; echoes it for
        // failed runs.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("[serve] {line}");
                let _ = tx.send(line);
            }
        });
        // The port may have moved to the next free one: the line says where it listens.
        let mut server = Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
        };
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("serving http://") {
                        let addr = rest.split('/').next().unwrap_or_default();
                        server.addr = addr.parse().expect("address in the serving line");
                        return server;
                    }
                }
                Err(_) => panic!("no `serving http://` line within {PATIENCE:?}"),
            }
        }
    }

    /// `GET path` over HTTP/1.0: (status, body).
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n", self.addr).expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read response");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").expect("a response head");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status code");
        (status, body.to_owned())
    }

    /// The first event of `/__livereload` (the current build status, as JSON).
    fn status(&self) -> serde_json::Value {
        let mut stream = TcpStream::connect(self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        write!(
            stream,
            "GET /__livereload HTTP/1.0\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.addr
        )
        .expect("send");
        let mut raw = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = stream.read(&mut buf).expect("read event stream");
            assert!(n > 0, "the event stream ended before its first event");
            raw.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&raw);
            if let Some(data) = text
                .lines()
                .find_map(|l| l.strip_prefix("data:"))
                .filter(|_| text.contains("\n\n"))
            {
                return serde_json::from_str(data.trim()).expect("status JSON");
            }
        }
    }

    /// Polls `probe` until it returns `Some`, for at most [`PATIENCE`].
    fn wait_for<T>(&self, what: &str, mut probe: impl FnMut(&Server) -> Option<T>) -> T {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(found) = probe(self) {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "gave up after {PATIENCE:?} waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `path` is served with status 200 and a body containing `text`.
    fn wait_for_page(&self, path: &str, text: &str) -> String {
        self.wait_for(&format!("{path} to show {text:?}"), |s| {
            let (status, body) = s.get(path);
            (status == 200 && body.contains(text)).then_some(body)
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGTERM lets the server remove its temporary build folder; kill if it lingers.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_rebuilds_on_change_and_keeps_the_last_good_page() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let issue = content.join("provinces/kalimantan-barat/issues/stunting.md");
    let original = fs::read_to_string(&issue).expect("read issue");
    let page = "/provinsi/kalimantan-barat/stunting/";

    let server = Server::start(&content);
    let first = server.wait_for_page(page, "Angka stunting tinggi.");
    assert!(
        first.contains("/__livereload"),
        "live-reload script missing"
    );
    let (status, _) = server.get("/no/such/page/");
    assert_eq!(status, 404);

    // A saved change is served.
    fs::write(
        &issue,
        format!("{original}\nKalimat baru dari uji serve pertama.\n"),
    )
    .expect("write change");
    server.wait_for_page(page, "Kalimat baru dari uji serve pertama.");
    let good = server.status();
    assert!(good["error"].is_null(), "{good}");

    // A broken file: the error is reported, the last good page stays.
    fs::write(
        &issue,
        original.replace("status: validated", "status: mungkin")
            + "\nKalimat yang tidak boleh tampil.\n",
    )
    .expect("write broken");
    let broken = server.wait_for("the error on /__livereload", |s| {
        let st = s.status();
        st["error"].as_str().map(str::to_owned)
    });
    assert!(broken.contains("stunting.md"), "{broken}");
    assert!(broken.contains("mungkin"), "{broken}");
    let (status, body) = server.get(page);
    assert_eq!(status, 200);
    assert!(body.contains("Kalimat baru dari uji serve pertama."));
    assert!(!body.contains("Kalimat yang tidak boleh tampil."));

    // Fixed: the page updates and the error clears.
    fs::write(&issue, format!("{original}\nKalimat setelah perbaikan.\n")).expect("write fix");
    server.wait_for_page(page, "Kalimat setelah perbaikan.");
    server.wait_for("the error to clear", |s| {
        s.status()["error"].is_null().then_some(())
    });
}
