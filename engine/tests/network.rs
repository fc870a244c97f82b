//! The simulated network (`net.rs`): its clock (latency, bandwidth, connections reused), its failures by a
//! seed, what the trace says a network wait is for, and its settings in run files. What programs print is the
//! corpus's business (`programs/network/`, against CPython); these check what CPython cannot tell us.

use interleave::net::NetConfig;
use interleave::runfile;
use interleave::session::{Config, Session};
use interleave::trace::{EventKind, Time, WaitReason};

const MS: Time = 1_000_000;

fn run(source: &str, config: Config) -> Session {
    let mut s = Session::new(source, config);
    let code = s.run_to_end();
    assert_eq!(code, 0, "the program failed:\n{}", s.stderr());
    s
}

fn net(f: impl FnOnce(&mut NetConfig)) -> Config {
    let mut config = Config::default();
    f(&mut config.net);
    config
}

/// The names of the objects the program's network waits were for, in order, without repeats.
fn waited_for(s: &Session) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for e in &s.trace().events {
        if let EventKind::Suspended {
            reason: WaitReason::Net { obj: Some(obj) },
        } = e.kind
        {
            let name = s.trace().object_name(obj).to_string();
            if names.last() != Some(&name) {
                names.push(name);
            }
        }
    }
    names
}

const ONE_GET: &str = r#"
import requests
r = requests.get("http://example.com/")
print(r.status_code)
"#;

/// A request takes two round trips (connect, then request and answer) at the host's latency, plus the
/// answer's time on the wire at the bandwidth.
#[test]
fn a_request_takes_two_round_trips_and_its_bytes_time() {
    let fast = run(ONE_GET, net(|n| n.hosts = vec![("example.com".into(), 10 * MS)]));
    let slow = run(ONE_GET, net(|n| n.hosts = vec![("example.com".into(), 100 * MS)]));
    let (f, s) = (fast.now(), slow.now());
    assert!((40 * MS..45 * MS).contains(&f), "took {f} ns at 10 ms a way");
    assert!((400 * MS..405 * MS).contains(&s), "took {s} ns at 100 ms a way");
    let narrow = run(
        ONE_GET,
        net(|n| {
            n.hosts = vec![("example.com".into(), 10 * MS)];
            n.bandwidth = 1000;
        }),
    );
    // The request and the page (about 150 bytes) at 1000 bytes a second: a few hundred milliseconds more.
    assert!(
        narrow.now() > f + 200 * MS,
        "bandwidth changed nothing: {} vs {f}",
        narrow.now()
    );
    // Hosts without a latency of their own take the default one.
    let other = run(
        "import requests\nrequests.get('http://other.org/')\n",
        net(|n| n.latency = 25 * MS),
    );
    assert!((100 * MS..105 * MS).contains(&other.now()), "took {} ns", other.now());
}

/// A session's second request to a host reuses the connection: one round trip, not two.
#[test]
fn a_session_reuses_its_connection() {
    let src = r#"
import requests
with requests.Session() as s:
    s.get("http://example.com/a")
    s.get("http://example.com/b")
"#;
    let s = run(src, net(|n| n.hosts = vec![("example.com".into(), 10 * MS)]));
    assert!((60 * MS..65 * MS).contains(&s.now()), "took {} ns", s.now());
}

const CONCURRENT: &str = r#"
import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        async def one(i):
            async with s.get(f"http://httpbin.org/get?i={i}") as r:
                return r.status
        print(await asyncio.gather(*(one(i) for i in range(10))))
asyncio.run(main())
"#;

/// Ten requests at once with gather take about as long as one; one after another, ten times as long.
#[test]
fn gather_overlaps_the_waits() {
    let config = || net(|n| n.hosts = vec![("httpbin.org".into(), 20 * MS)]);
    let together = run(CONCURRENT, config());
    let sequential = run(
        &CONCURRENT.replace(
            "await asyncio.gather(*(one(i) for i in range(10)))",
            "[await one(i) for i in range(10)]",
        ),
        config(),
    );
    assert!(together.now() < 90 * MS, "gather took {} ns", together.now());
    assert!(sequential.now() > 400 * MS, "one by one took {} ns", sequential.now());
}

const FLAKY: &str = r#"
import requests
outcomes = []
for i in range(40):
    try:
        requests.get(f"http://example.com/{i}", timeout=1)
        outcomes.append(".")
    except requests.Timeout:
        outcomes.append("T")
    except requests.ConnectionError:
        outcomes.append("R")
print("".join(outcomes))
"#;

/// With a failure rate, some requests time out or are reset: the same ones for the same seed, others for
/// another seed.
#[test]
fn failures_follow_the_seed() {
    let with_seed = |seed| {
        run(
            FLAKY,
            net(|n| {
                n.failure_permille = 300;
                n.seed = seed;
            }),
        )
        .stdout()
        .to_string()
    };
    let a = with_seed(1);
    assert_eq!(a, with_seed(1));
    assert_ne!(a, with_seed(2));
    assert!(a.contains('T') && a.contains('R') && a.contains('.'), "{a}");
    let none = run(FLAKY, Config::default()).stdout().to_string();
    assert_eq!(none.trim(), ".".repeat(40));
}

/// Threads blocked on the network let go of the GIL and their lanes say what they wait for: the host, or
/// the loopback address of the server.
#[test]
fn network_waits_name_the_host_or_the_address() {
    let src = r#"
import socket, threading, requests
srv = socket.create_server(("127.0.0.1", 8765))
def serve():
    conn, _ = srv.accept()
    conn.sendall(conn.recv(10))
    conn.close()
t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(("127.0.0.1", 8765))
c.sendall(b"hi")
print(c.recv(10))
t.join()
requests.get("http://example.com/")
"#;
    let s = run(src, Config::default());
    assert_eq!(s.stdout(), "b'hi'\n");
    let names = waited_for(&s);
    assert!(names.contains(&"127.0.0.1:8765".to_string()), "{names:?}");
    assert_eq!(names.last().map(String::as_str), Some("example.com"), "{names:?}");
}

/// An asyncio task awaiting an answer waits for the network too (not for a bare future).
#[test]
fn an_asyncio_request_is_a_network_wait() {
    let s = run(CONCURRENT, Config::default());
    assert_eq!(waited_for(&s), vec!["httpbin.org".to_string()]);
}

/// A run file keeps the network's settings, so that opening it replays the same run.
#[test]
fn run_files_keep_the_network_settings() {
    let config = net(|n| {
        n.latency = 7 * MS;
        n.bandwidth = 12345;
        n.failure_permille = 250;
        n.seed = 99;
        n.hosts = vec![("slow.example.org".into(), 900 * MS)];
    });
    let settings = runfile::Settings::of(&config);
    let s = run("print(1)\n", config.clone());
    let text = runfile::write(&runfile::RunView {
        code: "print(1)\n",
        settings: &settings,
        trace: s.trace(),
        now: s.now(),
        exit_status: Some(0),
        stdout: s.stdout(),
        stderr: "",
    });
    let back = runfile::read(&text).expect("reads back");
    assert_eq!(back.settings.net, config.net);
    let bad = text.replace("slow.example.org=900000000", "no equals sign");
    assert!(runfile::read(&bad).is_err());
}

/// The network's native functions are reachable by a program (`import _il_net`): called with missing or
/// wrong arguments, each raises a Python error, never a panic.
#[test]
fn the_natives_refuse_bad_arguments_with_python_errors() {
    let s = run(
        r#"
import _il_net
raised = 0
for name in dir(_il_net):
    if name.startswith("_"):
        continue
    for args in [(), (None,), (None, None), (1, 2, 3), ("x",) * 4]:
        try:
            getattr(_il_net, name)(*args)
        except Exception:
            raised += 1
print(raised > 0)
"#,
        Config::default(),
    );
    assert_eq!(s.stdout(), "True\n");
}

const ECHO: &str = r#"
import asyncio

async def handle(reader, writer):
    writer.write((await reader.readline()).upper())
    await writer.drain()
    writer.close()

async def client(i):
    reader, writer = await asyncio.open_connection("127.0.0.1", 9000)
    writer.write(b"hi " + str(i).encode() + b"\n")
    await writer.drain()
    print(await reader.readline())
    writer.close()

async def main():
    async with await asyncio.start_server(handle, "127.0.0.1", 9000):
        await asyncio.gather(client(1), client(2))

asyncio.run(main())
"#;

/// Each send on the loopback is a message of the trace, received by the read that takes its first byte, from
/// the sender's lane to the reader's: the page draws them as arrows.
#[test]
fn loopback_sends_are_messages_from_the_senders_lane_to_the_readers() {
    let s = run(ECHO, Config::default());
    let trace = s.trace();
    let mut sent = std::collections::HashMap::new();
    let mut pairs = Vec::new();
    for e in &trace.events {
        match e.kind {
            EventKind::MessageSent { channel, msg } => {
                assert_eq!(trace.object_name(channel), "127.0.0.1:9000");
                sent.insert(msg, (e.task, e.at));
            }
            EventKind::MessageReceived { msg, .. } => {
                let (from, at) = sent.remove(&msg).expect("received after it was sent");
                assert!(at <= e.at);
                pairs.push((trace.messages[msg as usize].clone(), from, e.task));
            }
            _ => {}
        }
    }
    assert!(sent.is_empty(), "sends never read: {sent:?}");
    let texts: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "b'hi 1\\n' (5 bytes)",
            "b'hi 2\\n' (5 bytes)",
            "b'HI 1\\n' (5 bytes)",
            "b'HI 2\\n' (5 bytes)"
        ]
    );
    // A client's line goes to a server task, and its answer comes back to the same client.
    for (line, answer) in [(0, 2), (1, 3)] {
        assert_ne!(pairs[line].1, pairs[line].2);
        assert_eq!((pairs[answer].1, pairs[answer].2), (pairs[line].2, pairs[line].1));
    }
}

/// A lone thread's blocking request shows on its lane as a wait for the host, as long as the host took.
#[test]
fn a_lone_threads_blocking_request_is_a_network_wait_on_its_lane() {
    let s = run(ONE_GET, net(|n| n.hosts = vec![("example.com".into(), 10 * MS)]));
    assert_eq!(waited_for(&s), ["example.com"]);
    let events = &s.trace().events;
    let waits: Vec<Time> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            matches!(
                e.kind,
                EventKind::Suspended {
                    reason: WaitReason::Net { .. }
                }
            )
        })
        .map(|(i, e)| {
            let back = events[i..]
                .iter()
                .find(|r| r.task == e.task && r.kind == EventKind::Resumed);
            back.expect("resumed after the wait").at - e.at
        })
        .collect();
    // The connection's round trip, then the request's and its answer's.
    assert_eq!(waits.len(), 2);
    assert!(
        waits.iter().all(|&w| (19_900_000..20_100_000).contains(&w)),
        "{waits:?}"
    );
}

const PROTOCOL_ECHO: &str = r#"
import asyncio

class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        transport.write(b"ping")

    def data_received(self, data):
        self.done.set_result(data)

async def main():
    loop = asyncio.get_running_loop()
    await loop.create_server(Echo, "127.0.0.1", 9000)
    t0 = loop.time()
    done = loop.create_future()
    await loop.create_connection(lambda: Client(done), "127.0.0.1", 9000)
    t1 = loop.time()
    await done
    print(round((t1 - t0) * 1000), round((loop.time() - t1) * 1000))

asyncio.run(main())
"#;

/// Protocols' callbacks run when what was sent arrives: with a loopback latency, connecting takes a round
/// trip and so does an echo (each rounded up to the selector's whole milliseconds).
#[test]
fn protocol_callbacks_wait_for_the_loopbacks_latency() {
    let s = run(PROTOCOL_ECHO, net(|n| n.loopback_latency = 50 * MS));
    let out = s.stdout();
    let times: Vec<i64> = out.split_whitespace().map(|t| t.parse().expect("a number")).collect();
    assert_eq!(times.len(), 2, "printed {out:?}");
    assert!((100..=103).contains(&times[0]), "connecting took {} ms", times[0]);
    assert!((100..=103).contains(&times[1]), "the echo took {} ms", times[1]);
    let quick = run(PROTOCOL_ECHO, Config::default());
    assert_eq!(quick.stdout(), "0 0\n");
}

/// A task waiting in `loop.sock_recv` or `sock_accept` is waiting for the network, on the address.
#[test]
fn a_sock_recv_wait_is_a_network_wait() {
    let s = run(
        r#"
import asyncio, socket

async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 9001))
    listener.listen()
    listener.setblocking(False)
    accepting = asyncio.create_task(loop.sock_accept(listener))
    await asyncio.sleep(0.01)
    c = socket.socket()
    c.setblocking(False)
    await loop.sock_connect(c, ("127.0.0.1", 9001))
    conn, _ = await accepting
    loop.call_later(0.05, c.send, b"hi")
    print(await loop.sock_recv(conn, 10))

asyncio.run(main())
"#,
        Config::default(),
    );
    assert_eq!(s.stdout(), "b'hi'\n");
    assert_eq!(waited_for(&s), ["127.0.0.1:9001"]);
}
