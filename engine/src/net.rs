//! The simulated network: a loopback of TCP and UDP sockets on the virtual clock, and the latency, bandwidth
//! and failures of a simulated internet, all deterministic (`Config::net`).
//!
//! A socket ([`Sock`]) is a native object shared by every process that holds it. What one sends reaches the
//! other end after the link's latency and the bytes' time on the wire at the configured bandwidth (sends on
//! one socket queue behind each other, so data arrives in order); until then the receiver cannot see it. A
//! socket carries a `procs::Signal`: a thread that waits for it (`_il_net.wait`) blocks on
//! `threads::Block::Signal` until the next arrival or its timeout, and a send to it moves a waiter's
//! deadline to the new arrival (`natives::arrive`); its lane shows `WaitReason::Net` (the socket's or host's
//! trace object, of kind `ObjKind::Socket`). Sockets are shared by a forked child, but a send wakes waiters of
//! the sending process only.
//!
//! Ports behave as on a Linux loopback: binding a port in use fails with `EADDRINUSE`, port 0 takes the next
//! ephemeral port (counted up from 32768, where Linux would pick one at random), a connection to a port nobody
//! listens on is refused at once. TCP and UDP have separate ports. The natives return error numbers rather
//! than raising; `modules/socket.py` raises them with CPython's messages.
//!
//! The simulated internet's hosts (`modules/_il_web.py` answers them) have a latency each
//! (`NetConfig::hosts`, else `NetConfig::latency`), and a request fails (a timeout or a reset) with
//! `NetConfig::failure_permille`, drawn from a generator seeded with `NetConfig::seed`, in the order requests are
//! made, so a given seed always fails the same requests.

pub mod natives;

use crate::procs::Signal;
use crate::trace::{ObjId, Time, END_OF_TIME};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::{Rc, Weak};

/// The network's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetConfig {
    /// One-way latency of the loopback, in virtual nanoseconds. 0 by default: on a real loopback, what one
    /// side sends is there by the time the other's event loop next looks, a turn later, and CPython's order
    /// of events between a client and a server in one program depends on that.
    pub loopback_latency: Time,
    /// One-way latency to an internet host without one of its own, in virtual nanoseconds.
    pub latency: Time,
    /// Hosts with a latency of their own (one way, nanoseconds).
    pub hosts: Vec<(String, Time)>,
    /// Bytes per second on every link.
    pub bandwidth: u64,
    /// Of every 1000 requests to internet hosts, how many fail (a timeout or a connection reset).
    pub failure_permille: u32,
    /// The seed of the failures' draws.
    pub seed: u64,
}

impl Default for NetConfig {
    fn default() -> Self {
        NetConfig {
            loopback_latency: 0,
            latency: 50_000_000,
            hosts: vec![
                ("example.com".into(), 40_000_000),
                ("httpbin.org".into(), 60_000_000),
                ("python.org".into(), 30_000_000),
            ],
            bandwidth: 10_000_000,
            failure_permille: 0,
            seed: 0,
        }
    }
}

/// Hosts' latencies as text, `example.com=40000000,httpbin.org=60000000` (nanoseconds), for run files.
pub fn hosts_text(hosts: &[(String, Time)]) -> String {
    hosts
        .iter()
        .map(|(h, t)| format!("{h}={t}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// [`hosts_text`]'s reverse; `None` for text that is not that (a bounded list: 256 hosts at most).
pub fn parse_hosts(text: &str) -> Option<Vec<(String, Time)>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let hosts = text
        .split(',')
        .map(|pair| {
            let (h, t) = pair.split_once('=')?;
            let t: Time = t.parse().ok()?;
            (!h.is_empty() && h.len() <= 253).then(|| (h.to_ascii_lowercase(), t.min(END_OF_TIME)))
        })
        .collect::<Option<Vec<_>>>()?;
    (hosts.len() <= 256).then_some(hosts)
}

/// TCP or UDP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Proto {
    Tcp,
    Udp,
}

/// Where a TCP socket is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Fresh,
    Listening,
    /// Connecting: established at this time.
    Connecting(Time),
    Connected,
    Closed,
}

/// A datagram or a piece of a stream, visible to the receiver from `at`.
pub struct Segment {
    pub at: Time,
    pub data: Vec<u8>,
    /// The sender's port (UDP).
    pub from: u16,
    /// Its message in the trace (`EventKind::MessageSent`), which the read that takes its first byte receives;
    /// `None` once the trace is cut.
    pub msg: Option<u32>,
}

/// A socket's state.
pub struct SockState {
    pub proto: Proto,
    pub state: State,
    pub port: Option<u16>,
    pub peer_port: Option<u16>,
    /// The other end of a connection.
    pub peer: Weak<Sock>,
    pub inbox: VecDeque<Segment>,
    /// Connections waiting to be accepted, each visible from its time.
    pub backlog: VecDeque<(Time, Rc<Sock>)>,
    pub backlog_max: usize,
    /// The peer closed: the end of the stream is visible from then (after the data sent before it).
    pub eof_at: Option<Time>,
    /// When this socket's sends are all on the wire (the next one queues behind).
    pub tx_free: Time,
    /// Shut down for writing (`shutdown(SHUT_WR)` or closed).
    pub wr_closed: bool,
    /// The port of the service this socket talks to (its listener's, or its own when it serves), for the
    /// name of what its waits are for (`127.0.0.1:8888`).
    pub service: u16,
    /// asyncio futures waiting for something to arrive here (`_il_net.watch`); an arrival moves them to
    /// `Net::woken`, for the runtime to resolve on their loops.
    pub watchers: Vec<crate::value::Value>,
}

/// A simulated socket: a native object, shared by every process holding it.
pub struct Sock {
    pub st: RefCell<SockState>,
    pub signal: Rc<Signal>,
    /// Its number, for the runtime's tables (`fileno()`).
    pub id: u32,
}

/// Error numbers as Linux has them; `socket.py` raises them with CPython's messages.
pub const EBADF: i64 = 9;
pub const EINVAL: i64 = 22;
pub const EPIPE: i64 = 32;
pub const EADDRINUSE: i64 = 98;
pub const EADDRNOTAVAIL: i64 = 99;
pub const ENOTCONN: i64 = 107;
pub const ECONNREFUSED: i64 = 111;
pub const EISCONN: i64 = 106;

/// The network of a run: its bound ports and the failures' generator.
pub struct Net {
    pub config: NetConfig,
    /// Sorted by port (bound ports are never released, only their sockets dropped).
    ports: Vec<((Proto, u16), Weak<Sock>)>,
    next_ephemeral: u16,
    /// The file descriptors of open sockets: a new one takes the lowest free, as on Linux.
    fds: Vec<u32>,
    /// Whether the running thread's asyncio loop is running, which holds descriptors 3 to 5 (its epoll and its
    /// self-pipe, in CPython), so that a transport's `fd=` is CPython's.
    pub loop_fds: bool,
    rng: u64,
    /// The trace object of each host or address waited on, by its name.
    pub objs: HashMap<String, ObjId>,
    /// Watchers (asyncio futures) whose socket got something, with when it arrives (`_il_net.woken`).
    pub woken: Vec<(crate::value::Value, Time)>,
}

pub const EPHEMERAL_FIRST: u16 = 32768;
pub const EPHEMERAL_LAST: u16 = 60999;

impl Net {
    /// A closed socket's descriptor is free again.
    pub fn free_fd(&mut self, id: u32) {
        if let Ok(at) = self.fds.binary_search(&id) {
            self.fds.remove(at);
        }
    }

    pub fn new(config: &NetConfig) -> Net {
        Net {
            config: config.clone(),
            ports: Vec::new(),
            next_ephemeral: EPHEMERAL_FIRST,
            fds: Vec::new(),
            loop_fds: false,
            rng: config.seed ^ 0x9e37_79b9_7f4a_7c15,
            objs: HashMap::new(),
            woken: Vec::new(),
        }
    }

    pub fn socket(&mut self, proto: Proto) -> Rc<Sock> {
        let mut id = if self.loop_fds { 6 } else { 3 };
        while self.fds.binary_search(&id).is_ok() {
            id += 1;
        }
        crate::smallsort::insert(&mut self.fds, id);
        Rc::new(Sock {
            st: RefCell::new(SockState {
                proto,
                state: State::Fresh,
                port: None,
                peer_port: None,
                peer: Weak::new(),
                inbox: VecDeque::new(),
                backlog: VecDeque::new(),
                backlog_max: 0,
                eof_at: None,
                tx_free: 0,
                wr_closed: false,
                service: 0,
                watchers: Vec::new(),
            }),
            signal: Rc::new(Signal::default()),
            id,
        })
    }

    /// The socket bound to `port`, if it is still open.
    pub fn bound(&self, proto: Proto, port: u16) -> Option<Rc<Sock>> {
        let at = self.ports.binary_search_by_key(&(proto, port), |(k, _)| *k).ok()?;
        let s = self.ports[at].1.upgrade()?;
        let open = s.st.borrow().state != State::Closed;
        open.then_some(s)
    }

    /// Binds `s` to `port` (0: the next free ephemeral port); `Err(errno)` when that cannot be.
    pub fn bind(&mut self, s: &Rc<Sock>, port: u16) -> Result<u16, i64> {
        let proto = {
            let st = s.st.borrow();
            if st.port.is_some() {
                return Err(EINVAL);
            }
            st.proto
        };
        let port = if port == 0 {
            self.ephemeral(proto).ok_or(EADDRINUSE)?
        } else if self.bound(proto, port).is_some() {
            return Err(EADDRINUSE);
        } else {
            port
        };
        let entry = ((proto, port), Rc::downgrade(s));
        match self.ports.binary_search_by_key(&(proto, port), |(k, _)| *k) {
            Ok(at) => self.ports[at] = entry,
            Err(at) => self.ports.insert(at, entry),
        }
        s.st.borrow_mut().port = Some(port);
        Ok(port)
    }

    fn ephemeral(&mut self, proto: Proto) -> Option<u16> {
        let span = (EPHEMERAL_LAST - EPHEMERAL_FIRST + 1) as usize;
        for _ in 0..span {
            let p = self.next_ephemeral;
            self.next_ephemeral = if p == EPHEMERAL_LAST { EPHEMERAL_FIRST } else { p + 1 };
            if self.bound(proto, p).is_none() {
                return Some(p);
            }
        }
        None
    }

    /// When what is sent now on `s` reaches the other end of the loopback (which copies memory: no time on
    /// a wire), never before what `s` sent earlier.
    pub fn arrival(&self, s: &Sock, now: Time) -> Time {
        let mut st = s.st.borrow_mut();
        st.tx_free = st.tx_free.max(now);
        st.tx_free.saturating_add(self.config.loopback_latency).min(END_OF_TIME)
    }

    /// The time `n` bytes take on the wire at the configured bandwidth.
    pub fn wire_time(&self, n: usize) -> Time {
        let bw = self.config.bandwidth.max(1) as u128;
        ((n as u128 * 1_000_000_000) / bw).min(END_OF_TIME as u128) as Time
    }

    /// A host's one-way latency.
    pub fn latency_of(&self, host: &str) -> Time {
        if is_loopback(host) {
            return self.config.loopback_latency;
        }
        let host = host.to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        self.config
            .hosts
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(host))
            .map_or(self.config.latency, |&(_, t)| t)
    }

    /// The next draw of the failures' generator (splitmix64), as a number in [0, 1).
    pub fn draw(&mut self) -> f64 {
        self.rng = self.rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Whether `host` is this machine.
pub fn is_loopback(host: &str) -> bool {
    matches!(host, "" | "localhost" | "0.0.0.0" | "::1" | "::") || host.starts_with("127.")
}

impl Sock {
    /// The earliest time something not yet visible on this socket becomes so (data, a connection, the end
    /// of the stream, the connection's establishment), if anything is on its way.
    pub fn next_at(&self, now: Time) -> Option<Time> {
        let st = self.st.borrow();
        let mut next: Option<Time> = None;
        let mut see = |t: Time| {
            if t > now {
                next = Some(next.map_or(t, |n| n.min(t)));
            }
        };
        if let Some(s) = st.inbox.front() {
            see(s.at);
        }
        if let Some((t, _)) = st.backlog.front() {
            see(*t);
        }
        if let Some(t) = st.eof_at {
            see(t);
        }
        if let State::Connecting(t) = st.state {
            see(t);
        }
        next
    }
}
