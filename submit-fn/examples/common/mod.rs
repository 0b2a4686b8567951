//! What the two on-demand harnesses (`bench`, `faults`) share: where the repository is, free
//! loopback ports, guards that stop moto and the server when a run ends (also on a panic),
//! the readiness probe, a DynamoDB client for moto, and the proposal they send.
#![allow(dead_code)] // each example uses its own subset

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| fail(&format!("no free port: {e}")))
}

/// Panics (rather than exiting) so that the guards below stop moto and the server.
pub fn fail(msg: &str) -> ! {
    let name = std::env::args()
        .next()
        .and_then(|a| {
            Path::new(&a)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    panic!("{name}: {msg}")
}

/// A DynamoDB client for moto (or a proxy in front of it) at `endpoint`, with moto's dummy
/// credentials.
pub fn dynamodb(endpoint: &str) -> aws_sdk_dynamodb::Client {
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(aws_sdk_dynamodb::config::BehaviorVersion::latest())
        .endpoint_url(endpoint)
        .region(aws_sdk_dynamodb::config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_dynamodb::config::Credentials::new(
            "test", "test", None, None, "harness",
        ))
        .build();
    aws_sdk_dynamodb::Client::from_conf(config)
}

/// moto_server on this port, stopped (scripts/moto.sh stop) when dropped.
pub struct Moto(pub u16);

impl Moto {
    /// Installs moto if needed (scripts/moto.sh install) and starts it on a free port.
    pub fn start() -> Moto {
        let moto_sh = root().join("scripts/moto.sh");
        let ok = Command::new(&moto_sh).arg("install").status();
        if !ok.is_ok_and(|s| s.success()) {
            fail("scripts/moto.sh install failed");
        }
        let port = free_port();
        let ok = Command::new(&moto_sh)
            .args(["start", &port.to_string()])
            .stdout(Stdio::null())
            .status();
        if !ok.is_ok_and(|s| s.success()) {
            fail("scripts/moto.sh start failed");
        }
        Moto(port)
    }
}

/// The release `submit-fn` both harnesses measure; fails when it is not built.
pub fn release_binary() -> PathBuf {
    let bin = root().join("target/release/submit-fn");
    if !bin.exists() {
        fail("target/release/submit-fn is missing: run `cargo build --release -p submit-fn` first");
    }
    bin
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = Command::new(root().join("scripts/moto.sh"))
            .args(["stop", &self.0.to_string()])
            .status();
    }
}

/// A started `submit-fn serve`, killed when dropped.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Whether `/health` on this port answers 200.
pub fn health(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(1)));
    if s.write_all(b"GET /health HTTP/1.0\r\nHost: x\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut buf = [0u8; 12];
    matches!(s.read(&mut buf), Ok(n) if n >= 12 && buf[9..12] == *b"200")
}

/// A valid proposal for the test catalog's open issue (kalimantan-barat / stunting) as the
/// form's script sends it: `token`, the page-load time `started_at` (ms) and the organisation
/// (distinct content per proposal: the same content under two tokens is one proposal).
pub fn proposal(token: &str, started_at: u128, organisation: &str) -> String {
    serde_json::json!({
        "province": "kalimantan-barat", "issue": "stunting", "lang": "id",
        "token": token,
        "started_at": started_at.to_string(),
        "organisation": organisation, "legal_form": "koperasi", "stage": "early",
        "contact_name": "Siti Rahma", "email": "siti@contoh.id", "phone": "0812 3456 7890",
        "summary": "Dapur gizi keliling untuk balita di desa pesisir, dengan kader setempat.",
        "problem": "Angka stunting di pesisir tinggi menurut data dinas kesehatan provinsi.",
        "business_model": "Langganan makanan bergizi dengan harga terjangkau untuk keluarga.",
        "impact": "Seribu balita mendapat makanan bergizi setiap minggu, diukur tiap bulan.",
        "consent": "yes"
    })
    .to_string()
}
