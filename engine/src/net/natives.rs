//! `_il_net`: the natives `socket`, asyncio's streams and the HTTP clients are written on, over the model of
//! `net.rs`. They return error numbers (negative) instead of raising; the Python side raises them.

use super::{is_loopback, Proto, Sock, State, EBADF, ECONNREFUSED, EISCONN, ENOTCONN};
use crate::exc::{Exc, PyResult};
use crate::native::Kwargs;
use crate::procs::Signal;
use crate::threads::Block;
use crate::trace::{EventKind, ObjId, ObjInfo, ObjKind, Time, WaitReason, END_OF_TIME};
use crate::types::args;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// A socket as a value: the `Rc` a connection's other end and a listener's backlog also hold.
pub struct SockRef(pub Rc<Sock>);

impl crate::native::NativeObject for SockRef {
    fn type_name(&self) -> &'static str {
        "_il_sock"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn val(s: Rc<Sock>) -> Value {
    Value::Object(Rc::new(SockRef(s)))
}

/// The socket that is argument `0` of `a`.
fn sock(a: &[Value]) -> PyResult<Rc<Sock>> {
    sock_value(a.first().unwrap_or(&Value::None))
}

fn sock_value(v: &Value) -> PyResult<Rc<Sock>> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<SockRef>().map(|s| s.0.clone()),
        _ => None,
    }
    .ok_or_else(|| Exc::type_error("expected a socket"))
}

fn int(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<i64> {
    match a.get(i) {
        Some(v) => args::int_arg(vm, v),
        None => Err(Exc::type_error("missing argument")),
    }
}

fn port_arg(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<u16> {
    let p = int(vm, a, i)?;
    u16::try_from(p).map_err(|_| Exc::new(crate::exc::ExcType::OverflowError, "bind(): port must be 0-65535."))
}

fn bytes_arg(a: &[Value], i: usize) -> PyResult<Rc<[u8]>> {
    match a.get(i) {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        _ => Err(Exc::type_error("a bytes-like object is required")),
    }
}

/// A deadline in the clock's nanoseconds (`now() + ...`), `None` for none.
fn deadline(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Time>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(t) => Ok(Some(args::int_arg(vm, t)?.clamp(0, END_OF_TIME as i64) as Time)),
    }
}

/// `now()`: the virtual clock in nanoseconds; `after(secs)`: the deadline `secs` from now.
fn now(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Int(vm.world.now as i64))
}

fn after(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let secs = match a.first() {
        Some(v) => crate::modules::float_arg(vm, v)?.max(0.0),
        None => 0.0,
    };
    Ok(Value::Int(
        vm.world
            .now
            .saturating_add((secs * 1e9).min(1e18) as Time)
            .min(END_OF_TIME) as i64,
    ))
}

fn secs(t: Time) -> Value {
    Value::Float(t as f64 / 1e9)
}

/// The trace object named `label` (a host, or a loopback address), made on its first wait.
fn net_obj(vm: &mut Vm, label: &str) -> ObjId {
    if let Some(&o) = vm.world.net.objs.get(label) {
        return o;
    }
    vm.world.trace.objects.push(ObjInfo {
        kind: ObjKind::Socket,
        name: label.to_string(),
        created_line: vm.ts.line,
        internal: false,
        capacity: None,
    });
    let o = vm.world.trace.objects.len() as ObjId - 1;
    vm.world.net.objs.insert(label.to_string(), o);
    o
}

/// Data (or a connection, or the end of a stream) reaches `s` at `at`: its waiters in this process wake then.
/// `data` from `s` into `p`'s inbox, arriving at `at`.
fn deliver(vm: &mut Vm, s: &Sock, p: &Sock, at: Time, data: &[u8]) {
    let from = s.st.borrow().port.unwrap_or(0);
    let label = match p.st.borrow().proto {
        Proto::Tcp => format!("127.0.0.1:{}", p.st.borrow().service),
        Proto::Udp => format!("127.0.0.1:{}", p.st.borrow().port.unwrap_or(0)),
    };
    let msg = sent(vm, &label, data);
    p.st.borrow_mut().inbox.push_back(super::Segment {
        at,
        data: data.to_vec(),
        from,
        msg,
    });
    arrive(vm, p, at);
}

/// Records `data` sent to the service `label` as a message of the trace (drawn as an arrow from the sender's
/// lane to the lane that reads it), while the trace is not cut.
fn sent(vm: &mut Vm, label: &str, data: &[u8]) -> Option<u32> {
    if vm.world.trace.events.len() >= vm.world.max_events {
        return None;
    }
    let channel = net_obj(vm, label);
    let msg = vm.world.trace.messages.len() as u32;
    vm.world.trace.messages.push(brief_bytes(data));
    vm.event(vm.ts.current_task, EventKind::MessageSent { channel, msg });
    Some(msg)
}

/// A message's text: the start of its bytes' repr, and its length.
fn brief_bytes(data: &[u8]) -> String {
    const MAX: usize = 32;
    let shown = crate::pyfmt::bytes_repr(&data[..data.len().min(MAX)]);
    let more = if data.len() > MAX { "\u{2026}" } else { "" };
    let unit = if data.len() == 1 { "byte" } else { "bytes" };
    format!("{shown}{more} ({} {unit})", data.len())
}

/// The read that took the first byte of `seg` received its message.
fn received(vm: &mut Vm, label: &str, msg: Option<u32>) {
    if let Some(msg) = msg {
        let channel = net_obj(vm, label);
        vm.event(vm.ts.current_task, EventKind::MessageReceived { channel, msg });
    }
}

fn arrive(vm: &mut Vm, s: &Sock, at: Time) {
    let watchers = std::mem::take(&mut s.st.borrow_mut().watchers);
    vm.world.net.woken.extend(watchers.into_iter().map(|w| (w, at)));
    let now = vm.world.now;
    for i in 0..vm.threads.list.len() {
        if Some(i) == vm.threads.holder {
            continue;
        }
        let crate::threads::Status::Blocked(b @ Block::Signal { .. }) = &mut vm.threads.list[i].status else {
            continue;
        };
        let Block::Signal { sig, until, .. } = b else { continue };
        if !Rc::ptr_eq(sig, &s.signal) {
            continue;
        }
        if at > now {
            // Later: a deadline, which the clock reaches as it reaches a sleep's.
            *until = Some(until.map_or(at, |u| u.min(at)));
            continue;
        }
        // There now: the waiter wakes at this very instruction (as `Vm::notify` does), never at whichever
        // later point a budget's end happens to look (its wait is over now: `retry_block` lets it look again).
        *until = Some(now);
        let b = b.clone();
        vm.threads.list[i].status = crate::threads::Status::Runnable;
        vm.threads.list[i].pending = Some(b);
        vm.want_gil(i);
    }
}

fn socket(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let proto = if int(vm, a, 0)? == 2 { Proto::Udp } else { Proto::Tcp };
    vm.world.net.loop_fds = vm.ts.aio.running;
    let s = vm.world.net.socket(proto);
    Ok(val(s))
}

fn bind(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let port = port_arg(vm, a, 1)?;
    Ok(Value::Int(match vm.world.net.bind(&s, port) {
        Ok(p) => {
            let mut st = s.st.borrow_mut();
            if st.service == 0 {
                st.service = p;
            }
            p as i64
        }
        Err(e) => -e,
    }))
}

fn listen(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let n = int(vm, a, 1)?.clamp(0, 4096) as usize;
    if s.st.borrow().port.is_none() {
        vm.world.net.bind(&s, 0).ok();
    }
    let mut st = s.st.borrow_mut();
    match st.state {
        State::Fresh | State::Listening => {
            st.state = State::Listening;
            st.backlog_max = n + 1;
            st.service = st.port.unwrap_or(0);
            Ok(Value::Int(0))
        }
        State::Closed => Ok(Value::Int(-EBADF)),
        _ => Ok(Value::Int(-super::EINVAL)),
    }
}

/// `connect(s, port)`: a TCP connection to the loopback's `port`, established a round trip later (`state`
/// says when), or `-ECONNREFUSED` at once; for UDP, the default destination.
fn connect(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let port = port_arg(vm, a, 1)?;
    let now = vm.world.now;
    let (proto, state) = {
        let st = s.st.borrow();
        (st.proto, st.state)
    };
    match state {
        State::Closed => return Ok(Value::Int(-EBADF)),
        State::Connected | State::Connecting(_) if proto == Proto::Tcp => return Ok(Value::Int(-EISCONN)),
        State::Listening => return Ok(Value::Int(-EISCONN)),
        _ => {}
    }
    if s.st.borrow().port.is_none() {
        vm.world.net.bind(&s, 0).ok();
    }
    if proto == Proto::Udp {
        let mut st = s.st.borrow_mut();
        st.peer_port = Some(port);
        st.service = port;
        return Ok(Value::Int(0));
    }
    let listener = vm
        .world
        .net
        .bound(Proto::Tcp, port)
        .filter(|l| l.st.borrow().state == State::Listening);
    let Some(listener) = listener else {
        return Ok(Value::Int(-ECONNREFUSED));
    };
    let lat = vm.world.net.config.loopback_latency;
    vm.world.net.loop_fds = vm.ts.aio.running;
    let conn = vm.world.net.socket(Proto::Tcp);
    let my_port = s.st.borrow().port;
    {
        let mut c = conn.st.borrow_mut();
        c.state = State::Connected;
        c.port = Some(port);
        c.peer_port = my_port;
        c.peer = Rc::downgrade(&s);
        c.service = port;
    }
    {
        let mut st = s.st.borrow_mut();
        st.state = State::Connecting(now.saturating_add(2 * lat).min(END_OF_TIME));
        st.peer_port = Some(port);
        st.peer = Rc::downgrade(&conn);
        st.service = port;
    }
    let at = now.saturating_add(lat).min(END_OF_TIME);
    listener.st.borrow_mut().backlog.push_back((at, conn));
    arrive(vm, &listener, at);
    arrive(vm, &s, at + lat);
    Ok(Value::Int(0))
}

/// `state(s)`: `"fresh"`, `"listening"`, `"connecting"`, `"connected"` or `"closed"`.
fn state(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let now = vm.world.now;
    let mut st = s.st.borrow_mut();
    if let State::Connecting(t) = st.state {
        if t <= now {
            st.state = State::Connected;
        }
    }
    Ok(Value::Str(Rc::from(match st.state {
        State::Fresh => "fresh",
        State::Listening => "listening",
        State::Connecting(_) => "connecting",
        State::Connected => "connected",
        State::Closed => "closed",
    })))
}

/// `accept(s)`: the next connection that has arrived, with its peer's port, or None.
fn accept(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let now = vm.world.now;
    let mut st = s.st.borrow_mut();
    if st.backlog.front().is_some_and(|(t, _)| *t <= now) {
        let (_, c) = st.backlog.pop_front().expect("a front");
        let peer = c.st.borrow().peer_port.unwrap_or(0);
        return Ok(Value::tuple(vec![val(c), Value::Int(peer as i64)]));
    }
    Ok(Value::None)
}

/// `send(s, data)`: the bytes sent (all of them: buffers are unbounded) or an error number.
fn send(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let data = bytes_arg(a, 1)?;
    let now = vm.world.now;
    let peer = {
        let st = s.st.borrow();
        match st.state {
            State::Closed => return Ok(Value::Int(-EBADF)),
            State::Connected => {}
            State::Connecting(t) if t <= now => {}
            _ => return Ok(Value::Int(-ENOTCONN)),
        }
        if st.wr_closed {
            return Ok(Value::Int(-super::EPIPE));
        }
        st.peer.upgrade()
    };
    let at = vm.world.net.arrival(&s, now);
    if let Some(p) = peer.filter(|p| p.st.borrow().state != State::Closed) {
        if !data.is_empty() {
            deliver(vm, &s, &p, at, &data);
        }
    }
    Ok(Value::Int(data.len() as i64))
}

/// `sendto(s, data, port)`: a datagram to the loopback's `port` (lost if nobody is bound there).
fn sendto(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let data = bytes_arg(a, 1)?;
    let port = port_arg(vm, a, 2)?;
    if s.st.borrow().state == State::Closed {
        return Ok(Value::Int(-EBADF));
    }
    if s.st.borrow().port.is_none() {
        vm.world.net.bind(&s, 0).ok();
    }
    let now = vm.world.now;
    let at = vm.world.net.arrival(&s, now);
    if let Some(p) = vm.world.net.bound(Proto::Udp, port) {
        deliver(vm, &s, &p, at, &data);
    }
    Ok(Value::Int(data.len() as i64))
}

/// `recv(s, n)`: up to `n` bytes that have arrived (a datagram, for UDP), `b""` at the end of the stream,
/// None when nothing is there yet; `recvfrom` gives `(data, port)`.
fn recv_inner(vm: &mut Vm, a: &[Value]) -> PyResult<Option<(Value, u16)>> {
    let s = sock(a)?;
    let n = int(vm, a, 1)?.max(0) as usize;
    let now = vm.world.now;
    let mut st = s.st.borrow_mut();
    if st.state == State::Closed {
        return Ok(Some((Value::Int(-EBADF), 0)));
    }
    if st.proto == Proto::Udp {
        if st.inbox.front().is_some_and(|s| s.at <= now) {
            let seg = st.inbox.pop_front().expect("a front");
            let label = format!("127.0.0.1:{}", st.port.unwrap_or(0));
            drop(st);
            received(vm, &label, seg.msg);
            let mut d = seg.data;
            d.truncate(n);
            return Ok(Some((Value::Bytes(Rc::from(d)), seg.from)));
        }
        return Ok(None);
    }
    let mut out = Vec::new();
    let mut from = 0;
    // The messages whose first byte this read takes.
    let mut got = Vec::new();
    while out.len() < n {
        let Some(seg) = st.inbox.front_mut().filter(|s| s.at <= now) else {
            break;
        };
        from = seg.from;
        got.extend(seg.msg.take());
        let take = (n - out.len()).min(seg.data.len());
        out.extend(seg.data.drain(..take));
        if seg.data.is_empty() {
            st.inbox.pop_front();
        }
    }
    if !got.is_empty() {
        let label = format!("127.0.0.1:{}", st.service);
        drop(st);
        for msg in got {
            received(vm, &label, Some(msg));
        }
        st = s.st.borrow_mut();
    }
    if !out.is_empty() || n == 0 {
        return Ok(Some((Value::Bytes(Rc::from(out)), from)));
    }
    if st.eof_at.is_some_and(|t| t <= now) {
        return Ok(Some((Value::Bytes(Rc::from(Vec::new())), from)));
    }
    Ok(None)
}

fn recv(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(recv_inner(vm, a)?.map_or(Value::None, |(v, _)| v))
}

fn recvfrom(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(match recv_inner(vm, a)? {
        Some((v, p)) => Value::tuple(vec![v, Value::Int(p as i64)]),
        None => Value::None,
    })
}

/// Whether `recv` or `accept` would return at once (data, a connection, the end of the stream, a closed socket).
fn readable(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let now = vm.world.now;
    let st = s.st.borrow();
    Ok(Value::Bool(
        st.state == State::Closed
            || st.inbox.front().is_some_and(|s| s.at <= now)
            || st.backlog.front().is_some_and(|(t, _)| *t <= now)
            || st.eof_at.is_some_and(|t| t <= now),
    ))
}

/// `close(s)`, or `shutdown(s)` with a second argument (no more sends): the peer sees the end of its stream
/// after what was already sent.
fn close(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let only_write = a.len() > 1;
    let now = vm.world.now;
    let lat = vm.world.net.config.loopback_latency;
    let peer = {
        let mut st = s.st.borrow_mut();
        if st.state == State::Closed || (only_write && st.wr_closed) {
            return Ok(Value::None);
        }
        let had = st.wr_closed;
        st.wr_closed = true;
        if !only_write {
            vm.world.net.free_fd(s.id);
            st.state = State::Closed;
            st.inbox.clear();
            st.backlog.clear();
        }
        if had {
            None
        } else {
            st.peer.upgrade()
        }
    };
    if let Some(p) = peer {
        let at = s.st.borrow().tx_free.max(now).saturating_add(lat).min(END_OF_TIME);
        let open = p.st.borrow().state != State::Closed;
        if open {
            p.st.borrow_mut().eof_at = Some(at);
            arrive(vm, &p, at);
        }
    }
    Ok(Value::None)
}

/// `wait(s, deadline)`: blocks the thread until something arrives on `s` or the deadline passes (returns at
/// once when something is there); the caller looks again. `wait(label, deadline)` with a host's name is a
/// pause until then spent on the network (a request to the simulated internet).
fn wait(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let until = deadline(vm, a.get(1))?;
    let now = vm.world.now;
    let (sig, label, until) = match a.first() {
        Some(Value::Str(host)) => {
            let sig = Rc::new(Signal::default());
            (sig, host.to_string(), until)
        }
        Some(v) => {
            let s = sock_value(v)?;
            if matches!(readable(vm, a, &Kwargs::default())?, Value::Bool(true)) {
                return Ok(Value::None);
            }
            let next = s.next_at(now);
            let until = match (until, next) {
                (Some(u), Some(n)) => Some(u.min(n)),
                (u, n) => u.or(n),
            };
            let service = s.st.borrow().service;
            (s.signal.clone(), format!("127.0.0.1:{service}"), until)
        }
        None => return Err(Exc::type_error("wait() takes a socket")),
    };
    if until.is_some_and(|u| u <= now) {
        return Ok(Value::None);
    }
    if vm.ts.nested_cap.is_some() {
        return Err(Exc::runtime(
            "Interleave cannot block a thread inside a call made by a builtin (a key function, __repr__, __eq__...)",
        ));
    }
    let obj = net_obj(vm, &label);
    sig.obj.set(Some(obj));
    sig.net.set(true);
    let seen = sig.version.get();
    vm.block(Block::Signal { sig, seen, until });
    Ok(Value::None)
}

/// `waiting(label)`: the running asyncio task's next wait is for the network, on `label` (a host, or a socket).
fn waiting(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let label = match a.first() {
        Some(Value::Str(h)) => h.to_string(),
        Some(v) => format!("127.0.0.1:{}", sock_value(v)?.st.borrow().service),
        None => return Ok(Value::None),
    };
    let obj = net_obj(vm, &label);
    vm.ts.aio.pending_reason = Some(WaitReason::Net { obj: Some(obj) });
    Ok(Value::None)
}

/// `watch(s, fut)`: `fut` (an asyncio future) is to be resolved when something next arrives on `s`.
fn watch(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    if let Some(f) = a.get(1) {
        s.st.borrow_mut().watchers.push(f.clone());
    }
    Ok(Value::None)
}

/// `woken()`: the watchers whose socket got something since the last call, each with the seconds from now
/// until it arrives.
fn woken(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    let now = vm.world.now;
    let items = std::mem::take(&mut vm.world.net.woken)
        .into_iter()
        .map(|(f, at)| Value::tuple(vec![f, secs(at.saturating_sub(now))]))
        .collect();
    Ok(Value::list(items))
}

/// `delay(s)`: seconds until the next arrival on `s`, None if nothing is on its way.
fn delay(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let now = vm.world.now;
    Ok(s.next_at(now).map_or(Value::None, |t| secs(t - now)))
}

fn info(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let s = sock(a)?;
    let st = s.st.borrow();
    let port = |p: Option<u16>| p.map_or(Value::None, |p| Value::Int(p as i64));
    let _ = vm;
    Ok(Value::tuple(vec![
        port(st.port),
        port(st.peer_port),
        Value::Int(s.id as i64),
    ]))
}

/// `pair()`: two connected stream sockets (`socket.socketpair`).
fn pair(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    vm.world.net.loop_fds = vm.ts.aio.running;
    let x = vm.world.net.socket(Proto::Tcp);
    let y = vm.world.net.socket(Proto::Tcp);
    for (p, q) in [(&x, &y), (&y, &x)] {
        let mut st = p.st.borrow_mut();
        st.state = State::Connected;
        st.peer = Rc::downgrade(q);
    }
    Ok(Value::tuple(vec![val(x), val(y)]))
}

/// `latency(host)`: the host's one-way latency in seconds; `wire(n)`: `n` bytes' time on the wire.
fn latency(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let host = match a.first() {
        Some(Value::Str(h)) => h.to_string(),
        _ => String::new(),
    };
    Ok(secs(vm.world.net.latency_of(&host)))
}

fn wire(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let n = int(vm, a, 0)?.max(0) as usize;
    Ok(secs(vm.world.net.wire_time(n)))
}

/// `failure()`: whether the next request to the internet fails: `None`, `"timeout"` or `"reset"`.
fn failure(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    let rate = vm.world.net.config.failure_permille.min(1000) as f64 / 1000.0;
    if rate <= 0.0 {
        return Ok(Value::None);
    }
    if vm.world.net.draw() >= rate {
        return Ok(Value::None);
    }
    let kind = if vm.world.net.draw() < 0.5 { "timeout" } else { "reset" };
    Ok(Value::Str(Rc::from(kind)))
}

fn loopback(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Bool(matches!(a.first(), Some(Value::Str(h)) if is_loopback(h))))
}

pub fn native_module(vm: &mut Vm) -> Value {
    vm.types.register_native_in("_il_net", "_il_sock", &[]);
    let funcs: crate::modules::Funcs = &[
        ("socket", socket),
        ("bind", bind),
        ("listen", listen),
        ("connect", connect),
        ("state", state),
        ("accept", accept),
        ("send", send),
        ("sendto", sendto),
        ("recv", recv),
        ("recvfrom", recvfrom),
        ("readable", readable),
        ("close", close),
        ("wait", wait),
        ("waiting", waiting),
        ("now", now),
        ("after", after),
        ("delay", delay),
        ("watch", watch),
        ("woken", woken),
        ("info", info),
        ("pair", pair),
        ("latency", latency),
        ("wire", wire),
        ("failure", failure),
        ("loopback", loopback),
    ];
    crate::modules::module(vm, "_il_net", funcs, vec![])
}
