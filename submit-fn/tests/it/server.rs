//! The local server's limits (`submit_fn::Limits`): idle and slow clients are cut off, and no
//! more than the cap of connections is served at once. No store call is made here.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::harness;
use submit_fn::store::Store;
use submit_fn::{AppState, Limits, app, load_catalog};

/// A server with `limits` whose store points at a closed port (never reached by these tests).
async fn start(limits: Limits) -> std::net::SocketAddr {
    let cfg = harness::config("server-limits");
    let catalog = load_catalog(&cfg.catalog_path).expect("fixture catalog");
    let client = harness::client_for("http://127.0.0.1:9").await;
    let state = AppState::new(cfg, catalog, Store::new(client, "server-limits"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(submit_fn::serve_with(listener, app(state), limits));
    addr
}

/// Reads until the peer closes or `within` passes; returns what was read and whether it
/// closed.
async fn read_until_closed(s: &mut TcpStream, within: Duration) -> (String, bool) {
    let mut buf = Vec::new();
    let end = tokio::time::Instant::now() + within;
    loop {
        let mut chunk = [0u8; 4096];
        match tokio::time::timeout_at(end, s.read(&mut chunk)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (String::from_utf8_lossy(&buf).into_owned(), true),
            Ok(Ok(n)) => buf.extend_from_slice(&chunk[..n]),
            Err(_) => return (String::from_utf8_lossy(&buf).into_owned(), false),
        }
    }
}

#[tokio::test]
async fn idle_and_slow_clients_are_cut_off() {
    let addr = start(Limits {
        header_read: Duration::from_millis(400),
        body_read: Duration::from_millis(400),
        max_connections: 8,
    })
    .await;

    // Connects and sends nothing: closed after the header read timeout.
    let t = Instant::now();
    let mut idle = TcpStream::connect(addr).await.expect("connect");
    let (_, closed) = read_until_closed(&mut idle, Duration::from_secs(5)).await;
    assert!(closed, "an idle connection stays open");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());

    // Half a request head, then nothing.
    let t = Instant::now();
    let mut half = TcpStream::connect(addr).await.expect("connect");
    half.write_all(b"POST /proposals HTTP/1.1\r\nhost: x\r\n")
        .await
        .expect("write");
    let (_, closed) = read_until_closed(&mut half, Duration::from_secs(5)).await;
    assert!(closed, "a half-sent head keeps its connection");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());

    // A whole head promising 100 bytes of body, and 10 of them: refused, connection closed.
    let t = Instant::now();
    let mut slow = TcpStream::connect(addr).await.expect("connect");
    slow.write_all(
        b"POST /proposals HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n\
          accept: application/json\r\ncontent-length: 100\r\n\r\n{\"a\":\"bcd",
    )
    .await
    .expect("write");
    let (answer, closed) = read_until_closed(&mut slow, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("did not arrive in time"), "{answer}");
    assert!(closed, "the slow body's connection stays open");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());

    // A kept-alive connection that goes quiet after its answer is closed too.
    let mut kept = TcpStream::connect(addr).await.expect("connect");
    kept.write_all(b"GET /health HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .expect("write");
    let t = Instant::now();
    let (answer, closed) = read_until_closed(&mut kept, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(closed, "an idle kept-alive connection stays open");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

#[tokio::test]
async fn no_more_than_the_cap_of_connections_is_served() {
    let addr = start(Limits {
        header_read: Duration::from_secs(20),
        body_read: Duration::from_secs(20),
        max_connections: 3,
    })
    .await;
    // Three idle connections take every place.
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(addr).await.expect("connect"));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A fourth gets no answer while they are held (the kernel accepts, the server does not).
    let mut fourth = TcpStream::connect(addr).await.expect("connect");
    fourth
        .write_all(b"GET /health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .await
        .expect("write");
    let (early, _) = read_until_closed(&mut fourth, Duration::from_millis(800)).await;
    assert!(early.is_empty(), "served beyond the cap: {early}");
    // One place freed: the fourth is served.
    drop(held.pop());
    let (answer, _) = read_until_closed(&mut fourth, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
