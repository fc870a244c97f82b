//! A run as a versioned JSON file: the code, its settings and its whole trace (`interleave run --trace json`, the
//! page's Download run and Open run), written by [`write`] and read back, validated, by [`read`].
//!
//! Version 1, one object (the format is documented in `docs/run-format.md`):
//!
//! ```text
//! {"format": "interleave-run", "version": 1, "code": "...",
//!  "settings": {"filename": "main.py", "seed": 0, "cpus": 4, "switchInterval": 5000000,
//!               "switchAnywhere": false, "selectorResolution": 1000000, "scheduler": "random", "choices": "v1.CA"},
//!  "now": 2000000000, "exitStatus": 0, "stdout": "...", "stderr": "", "cutAt": null,
//!  "tasks": [{"name": "Task-1", "coro": "main", "parent": 0, "line": 3, "internal": false, "thread": false}],
//!  "objects": [{"kind": "Lock", "name": "Lock-1", "line": 4, "internal": false, "capacity": null}],
//!  "processes": [], "texts": ["hello\n"], "messages": [],
//!  "events": [{"at": 0, "task": 0, "line": 1, "kind": {"type": "Resumed"}}, ...]}
//! ```
//!
//! Reading is input from anyone: it never panics, bounds what it keeps ([`MAX_EVENTS`] and the nesting of
//! `json::MAX_DEPTH`), checks every index against its table, and says what is wrong and where. Unknown keys
//! are skipped, so a later version 1 may add some; a change older readers would misread takes version 2.

use std::fmt::Write as _;

use crate::json::{self, Json, Reader, SyntaxError};
use crate::session::Config;
use crate::trace::{
    Event, EventKind, GilDrop, ObjInfo, ObjKind, Outcome, ProcInfo, Stream, SyncOp, TaskInfo, Time, Trace, WaitReason,
    Wake, END_OF_TIME,
};

/// What the `format` key holds.
pub const FORMAT: &str = "interleave-run";
/// The version this engine writes, and the newest it reads.
pub const VERSION: u32 = 1;
/// The most events, tasks, objects, processes or texts a file may hold.
pub const MAX_EVENTS: usize = 4_000_000;

/// The settings a run depends on (the rest of `Config` is the host's: limits, the cost of a step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub filename: String,
    pub seed: u64,
    pub cpus: u32,
    pub switch_interval: Time,
    pub switch_anywhere: bool,
    pub selector_resolution: Time,
    /// Who runs next at each choice point (`sched.rs`), and the choice log followed first.
    pub scheduler: crate::sched::Strategy,
    pub choices: Option<String>,
    /// The simulated network (`net::NetConfig`).
    pub net: crate::net::NetConfig,
}

impl Settings {
    pub fn of(config: &Config) -> Settings {
        Settings {
            filename: config.filename.clone(),
            seed: config.seed,
            cpus: config.cpu_count,
            switch_interval: config.switch_interval,
            switch_anywhere: config.switch_any_instruction,
            selector_resolution: config.selector_resolution,
            scheduler: config.scheduler,
            choices: config.choices.clone(),
            net: config.net.clone(),
        }
    }

    /// `base` with these settings.
    pub fn apply(&self, base: Config) -> Config {
        Config {
            filename: self.filename.clone(),
            seed: self.seed,
            cpu_count: self.cpus,
            switch_interval: self.switch_interval,
            switch_any_instruction: self.switch_anywhere,
            selector_resolution: self.selector_resolution,
            scheduler: self.scheduler,
            choices: self.choices.clone(),
            net: self.net.clone(),
            ..base
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::of(&Config::default())
    }
}

/// A run to write: borrowed from the session or the page.
pub struct RunView<'a> {
    pub code: &'a str,
    pub settings: &'a Settings,
    pub trace: &'a Trace,
    /// The run's clock when it was written.
    pub now: Time,
    /// `None` while the run had not ended.
    pub exit_status: Option<i32>,
    pub stdout: &'a str,
    pub stderr: &'a str,
}

/// A run read from a file.
#[derive(Debug, Clone)]
pub struct RunFile {
    pub code: String,
    pub settings: Settings,
    pub trace: Trace,
    pub now: Time,
    pub exit_status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl RunFile {
    pub fn view(&self) -> RunView<'_> {
        RunView {
            code: &self.code,
            settings: &self.settings,
            trace: &self.trace,
            now: self.now,
            exit_status: self.exit_status,
            stdout: &self.stdout,
            stderr: &self.stderr,
        }
    }
}

/// Why a file could not be read; `Display` says it to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON: the line and column (from 1) and what was expected.
    Syntax {
        line: usize,
        column: usize,
        message: &'static str,
    },
    /// JSON, but not a run file.
    NotARun,
    /// Made by a newer Interleave.
    NewerVersion(i128),
    /// A run file whose content is wrong: where (`events[12].kind.parent`) and what.
    Invalid { place: String, problem: String },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Syntax { line, column, message } => {
                write!(
                    f,
                    "This file is not valid JSON: {message} at line {line}, column {column}."
                )
            }
            ReadError::NotARun => write!(
                f,
                "This file is not an Interleave run (its \"format\" is not \"{FORMAT}\")."
            ),
            ReadError::NewerVersion(v) => write!(
                f,
                "This run was saved by a newer Interleave (version {v}); this one reads version {VERSION}."
            ),
            ReadError::Invalid { place, problem } => write!(f, "This run file is damaged: {place} {problem}."),
        }
    }
}

impl std::error::Error for ReadError {}

/// A syntax error before its place is known as a line and column.
struct Pending(SyntaxError);

impl From<SyntaxError> for Pending {
    fn from(e: SyntaxError) -> Self {
        Pending(e)
    }
}

fn invalid<T>(place: impl Into<String>, problem: impl Into<String>) -> Result<T, ReadError> {
    Err(ReadError::Invalid {
        place: place.into(),
        problem: problem.into(),
    })
}

/// The two traces record the same run: the same events, tasks, objects, processes and texts, and the same cut.
pub fn same_trace(a: &Trace, b: &Trace) -> bool {
    a.events == b.events
        && a.tasks == b.tasks
        && a.objects == b.objects
        && a.processes == b.processes
        && a.texts == b.texts
        && a.messages == b.messages
        && a.cut_at == b.cut_at
}

/// `run` begins with everything `saved` recorded: a run saved on the way, replayed to a little past it (a host
/// stops between slices of a run, so not always at the very event).
pub fn starts_with(run: &Trace, saved: &Trace) -> bool {
    fn prefix<T: PartialEq>(long: &[T], short: &[T]) -> bool {
        long.get(..short.len()) == Some(short)
    }
    prefix(&run.events, &saved.events)
        && prefix(&run.tasks, &saved.tasks)
        && prefix(&run.objects, &saved.objects)
        && prefix(&run.processes, &saved.processes)
        && prefix(&run.texts, &saved.texts)
        && prefix(&run.messages, &saved.messages)
        && (saved.cut_at.is_none() || run.cut_at == saved.cut_at)
}

// ---- writing ----

/// The run as a file's text: one line for the header and tables, then one line per event.
pub fn write(run: &RunView<'_>) -> String {
    let t = run.trace;
    let mut out = String::with_capacity(64 * t.events.len() + 2 * run.code.len() + 1024);
    let _ = write!(out, "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"code\":");
    json::string(&mut out, run.code);
    let s = run.settings;
    out.push_str(",\"settings\":{\"filename\":");
    json::string(&mut out, &s.filename);
    let _ = write!(
        out,
        ",\"seed\":{},\"cpus\":{},\"switchInterval\":{},\"switchAnywhere\":{},\"selectorResolution\":{}",
        s.seed, s.cpus, s.switch_interval, s.switch_anywhere, s.selector_resolution
    );
    let n = &s.net;
    let _ = write!(
        out,
        ",\"latency\":{},\"loopbackLatency\":{},\"bandwidth\":{},\"failures\":{},\"netSeed\":{},\"hosts\":",
        n.latency, n.loopback_latency, n.bandwidth, n.failure_permille, n.seed
    );
    json::string(&mut out, &crate::net::hosts_text(&n.hosts));
    // The scheduler's keys only when they are not the default, so that a CPython run's file is as before.
    if s.scheduler != crate::sched::Strategy::Cpython {
        let _ = write!(out, ",\"scheduler\":\"{}\"", s.scheduler.name());
    }
    if let Some(c) = &s.choices {
        out.push_str(",\"choices\":");
        json::string(&mut out, c);
    }
    out.push('}');
    let _ = write!(out, ",\n\"now\":{},\"exitStatus\":", run.now);
    match run.exit_status {
        Some(code) => write!(out, "{code}").unwrap_or(()),
        None => out.push_str("null"),
    }
    out.push_str(",\"stdout\":");
    json::string(&mut out, run.stdout);
    out.push_str(",\"stderr\":");
    json::string(&mut out, run.stderr);
    match t.cut_at {
        Some(at) => write!(out, ",\"cutAt\":{at}").unwrap_or(()),
        None => out.push_str(",\"cutAt\":null"),
    }
    out.push_str(",\n\"tasks\":[");
    for (i, task) in t.tasks.iter().enumerate() {
        out.push_str(if i == 0 { "\n{\"name\":" } else { ",\n{\"name\":" });
        json::string(&mut out, &task.name);
        out.push_str(",\"coro\":");
        json::string(&mut out, &task.coro);
        let _ = write!(
            out,
            ",\"parent\":{},\"line\":{},\"internal\":{},\"thread\":{}}}",
            task.parent, task.created_line, task.internal, task.thread
        );
    }
    out.push_str("],\n\"objects\":[");
    for (i, obj) in t.objects.iter().enumerate() {
        let _ = write!(
            out,
            "{}{{\"kind\":\"{:?}\",\"name\":",
            if i == 0 { "\n" } else { ",\n" },
            obj.kind
        );
        json::string(&mut out, &obj.name);
        let _ = write!(
            out,
            ",\"line\":{},\"internal\":{},\"capacity\":",
            obj.created_line, obj.internal
        );
        match obj.capacity {
            Some(c) => write!(out, "{c}}}").unwrap_or(()),
            None => out.push_str("null}"),
        }
    }
    out.push_str("],\n\"processes\":[");
    for (i, p) in t.processes.iter().enumerate() {
        out.push_str(if i == 0 { "\n{\"name\":" } else { ",\n{\"name\":" });
        json::string(&mut out, &p.name);
        let _ = write!(out, ",\"pid\":{},\"parent\":{},\"lane\":{}}}", p.pid, p.parent, p.lane);
    }
    out.push_str("],\n\"texts\":[");
    for (i, text) in t.texts.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        json::string(&mut out, text);
    }
    out.push_str("],\n\"messages\":[");
    for (i, m) in t.messages.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        json::string(&mut out, m);
    }
    out.push_str("],\n\"events\":[");
    for (i, e) in t.events.iter().enumerate() {
        let _ = write!(
            out,
            "{}{{\"at\":{},\"task\":{},\"line\":{},\"kind\":",
            if i == 0 { "\n" } else { ",\n" },
            e.at,
            e.task,
            e.line
        );
        kind(&mut out, &e.kind);
        out.push('}');
    }
    out.push_str("]}\n");
    out
}

fn kind(out: &mut String, kind: &EventKind) {
    let _ = match *kind {
        EventKind::Created { parent } => write!(out, "{{\"type\":\"Created\",\"parent\":{parent}}}"),
        EventKind::Ready { by } => {
            out.push_str("{\"type\":\"Ready\",\"by\":");
            let _ = match by {
                Wake::Spawn | Wake::Yield | Wake::Gil => write!(out, "{{\"type\":\"{by:?}\"}}"),
                Wake::Timer(timer) => write!(out, "{{\"type\":\"Timer\",\"timer\":{timer}}}"),
                Wake::Done { obj, by } => write!(out, "{{\"type\":\"Done\",\"obj\":{obj},\"by\":{by}}}"),
                Wake::Cancel { by } => write!(out, "{{\"type\":\"Cancel\",\"by\":{by}}}"),
            };
            write!(out, "}}")
        }
        EventKind::Suspended { reason } => {
            out.push_str("{\"type\":\"Suspended\",\"reason\":");
            let _ = match reason {
                WaitReason::Yield | WaitReason::EventLoop | WaitReason::Gil => {
                    write!(out, "{{\"type\":\"{reason:?}\"}}")
                }
                WaitReason::Process { obj: Some(obj) } => write!(out, "{{\"type\":\"Process\",\"obj\":{obj}}}"),
                WaitReason::Process { obj: None } => write!(out, "{{\"type\":\"Process\",\"obj\":null}}"),
                WaitReason::Net { obj: Some(obj) } => write!(out, "{{\"type\":\"Net\",\"obj\":{obj}}}"),
                WaitReason::Net { obj: None } => write!(out, "{{\"type\":\"Net\",\"obj\":null}}"),
                WaitReason::Sleep { until } => write!(out, "{{\"type\":\"Sleep\",\"until\":{until}}}"),
                WaitReason::Task(task) => write!(out, "{{\"type\":\"Task\",\"task\":{task}}}"),
                WaitReason::Future(obj) => write!(out, "{{\"type\":\"Future\",\"obj\":{obj}}}"),
                WaitReason::Sync { obj, op } => write!(out, "{{\"type\":\"Sync\",\"obj\":{obj},\"op\":\"{op:?}\"}}"),
            };
            write!(out, "}}")
        }
        EventKind::Finished { outcome } => match outcome {
            Outcome::Raised { exc } => write!(
                out,
                "{{\"type\":\"Finished\",\"outcome\":{{\"type\":\"Raised\",\"exc\":{exc}}}}}"
            ),
            other => write!(out, "{{\"type\":\"Finished\",\"outcome\":{{\"type\":\"{other:?}\"}}}}"),
        },
        EventKind::Print { stream, text } => {
            let stream = match stream {
                Stream::Stdout => "stdout",
                Stream::Stderr => "stderr",
            };
            write!(out, "{{\"type\":\"Print\",\"stream\":\"{stream}\",\"text\":{text}}}")
        }
        EventKind::TimerArmed { timer, deadline } => write!(
            out,
            "{{\"type\":\"TimerArmed\",\"timer\":{timer},\"deadline\":{deadline}}}"
        ),
        EventKind::TimerFired { timer } => write!(out, "{{\"type\":\"TimerFired\",\"timer\":{timer}}}"),
        EventKind::TimerCancelled { timer } => write!(out, "{{\"type\":\"TimerCancelled\",\"timer\":{timer}}}"),
        EventKind::Acquired { obj } => write!(out, "{{\"type\":\"Acquired\",\"obj\":{obj}}}"),
        EventKind::Released { obj } => write!(out, "{{\"type\":\"Released\",\"obj\":{obj}}}"),
        EventKind::Blocked { until } => write!(out, "{{\"type\":\"Blocked\",\"until\":{until}}}"),
        EventKind::Renamed { name } => write!(out, "{{\"type\":\"Renamed\",\"name\":{name}}}"),
        EventKind::CancelRequested { by } => write!(out, "{{\"type\":\"CancelRequested\",\"by\":{by}}}"),
        EventKind::GilDropped { why } => write!(out, "{{\"type\":\"GilDropped\",\"why\":\"{why:?}\"}}"),
        EventKind::ProcessStarted { process } => {
            write!(out, "{{\"type\":\"ProcessStarted\",\"process\":{process}}}")
        }
        EventKind::ProcessExited { code } => write!(out, "{{\"type\":\"ProcessExited\",\"code\":{code}}}"),
        EventKind::OnCore { core } => write!(out, "{{\"type\":\"OnCore\",\"core\":{core}}}"),
        EventKind::MessageSent { channel, msg } => {
            write!(out, "{{\"type\":\"MessageSent\",\"channel\":{channel},\"msg\":{msg}}}")
        }
        EventKind::MessageReceived { channel, msg } => {
            write!(
                out,
                "{{\"type\":\"MessageReceived\",\"channel\":{channel},\"msg\":{msg}}}"
            )
        }
        EventKind::Resumed | EventKind::GilTaken | EventKind::OffCore => {
            write!(out, "{{\"type\":\"{kind:?}\"}}")
        }
    };
}

// ---- reading ----

/// Reads and checks a run file's text.
pub fn read(text: &str) -> Result<RunFile, ReadError> {
    let mut r = Reader::new(text);
    read_top(&mut r).map_err(|Pending(e)| {
        let before = &text.as_bytes()[..e.offset.min(text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        ReadError::Syntax {
            line,
            column,
            message: e.message,
        }
    })?
}

/// The members of the top-level object, each read as a value but for `events`, read one event at a time.
#[derive(Default)]
struct Members {
    format: Option<Json>,
    version: Option<Json>,
    code: Option<Json>,
    settings: Option<Json>,
    now: Option<Json>,
    exit_status: Option<Json>,
    stdout: Option<Json>,
    stderr: Option<Json>,
    cut_at: Option<Json>,
    tasks: Option<Json>,
    objects: Option<Json>,
    processes: Option<Json>,
    texts: Option<Json>,
    messages: Option<Json>,
    events: Option<Vec<Result<Event, ReadError>>>,
}

/// The syntax is checked here (a syntax error is `Err`); the content after, into the inner result.
fn read_top(r: &mut Reader<'_>) -> Result<Result<RunFile, ReadError>, Pending> {
    let mut m = Members::default();
    r.object(|r, key| {
        let slot = match key.as_str() {
            "format" => &mut m.format,
            "version" => &mut m.version,
            "code" => &mut m.code,
            "settings" => &mut m.settings,
            "now" => &mut m.now,
            "exitStatus" => &mut m.exit_status,
            "stdout" => &mut m.stdout,
            "stderr" => &mut m.stderr,
            "cutAt" => &mut m.cut_at,
            "tasks" => &mut m.tasks,
            "objects" => &mut m.objects,
            "processes" => &mut m.processes,
            "texts" => &mut m.texts,
            "messages" => &mut m.messages,
            "events" if m.events.is_none() => {
                let mut events = Vec::new();
                r.array(|r| {
                    let i = events.len();
                    let e = r.value()?;
                    // Past the limit, one error stands for the rest (the syntax is still checked).
                    if i < MAX_EVENTS {
                        events.push(event(&e, i));
                    } else if i == MAX_EVENTS {
                        events.push(invalid("events", format!("has more than {MAX_EVENTS} items")));
                    }
                    Ok::<_, Pending>(())
                })?;
                m.events = Some(events);
                return Ok(());
            }
            _ => {
                r.value()?;
                return Ok(());
            }
        };
        let value = r.value()?;
        slot.get_or_insert(value);
        Ok::<_, Pending>(())
    })?;
    r.end()?;
    Ok(check(m))
}

fn check(m: Members) -> Result<RunFile, ReadError> {
    match &m.format {
        Some(Json::Str(f)) if f == FORMAT => {}
        _ => return Err(ReadError::NotARun),
    }
    match m.version {
        Some(Json::Int(v)) if v == VERSION as i128 => {}
        Some(Json::Int(v)) if v > VERSION as i128 => return Err(ReadError::NewerVersion(v)),
        Some(_) => {
            return invalid(
                "\"version\"",
                format!("is not a version number (this page reads {VERSION})"),
            )
        }
        None => return invalid("the file", "has no \"version\""),
    }
    let code = string(m.code.as_ref(), &At::Name("\"code\""))?;
    let defaults = Settings::default();
    let settings = match &m.settings {
        None => defaults,
        Some(s @ Json::Obj(_)) => Settings {
            filename: optional(s.get("filename"), "settings.filename", |v, p| string(Some(v), p))?
                .unwrap_or(defaults.filename),
            seed: optional(s.get("seed"), "settings.seed", number)?.unwrap_or(defaults.seed),
            cpus: match optional(s.get("cpus"), "settings.cpus", number)? {
                Some(0) => return invalid("settings.cpus", "is 0"),
                Some(n) => n.min(1024),
                None => defaults.cpus,
            },
            switch_interval: optional(s.get("switchInterval"), "settings.switchInterval", number)?
                .unwrap_or(defaults.switch_interval)
                .clamp(1, END_OF_TIME),
            switch_anywhere: optional(s.get("switchAnywhere"), "settings.switchAnywhere", boolean)?
                .unwrap_or(defaults.switch_anywhere),
            selector_resolution: optional(s.get("selectorResolution"), "settings.selectorResolution", number)?
                .unwrap_or(defaults.selector_resolution)
                .clamp(1, END_OF_TIME),
            scheduler: match optional(s.get("scheduler"), "settings.scheduler", |v, p| string(Some(v), p))? {
                None => defaults.scheduler,
                Some(name) => match crate::sched::Strategy::parse(&name) {
                    Some(st) => st,
                    None => return invalid("settings.scheduler", "is not cpython, random, pct, pct:DEPTH or replay"),
                },
            },
            choices: match optional(s.get("choices"), "settings.choices", |v, p| string(Some(v), p))? {
                Some(log) => match crate::sched::log::decode(&log) {
                    Ok(_) => Some(log),
                    Err(e) => return invalid("settings.choices", format!("is not a choice log: {e}")),
                },
                None => None,
            },
            net: {
                let d = defaults.net;
                crate::net::NetConfig {
                    latency: optional(s.get("latency"), "settings.latency", number)?
                        .unwrap_or(d.latency)
                        .min(END_OF_TIME),
                    loopback_latency: optional(s.get("loopbackLatency"), "settings.loopbackLatency", number)?
                        .unwrap_or(d.loopback_latency)
                        .min(END_OF_TIME),
                    bandwidth: optional(s.get("bandwidth"), "settings.bandwidth", number)?
                        .unwrap_or(d.bandwidth)
                        .max(1),
                    failure_permille: optional(s.get("failures"), "settings.failures", number)?
                        .unwrap_or(d.failure_permille)
                        .min(1000),
                    seed: optional(s.get("netSeed"), "settings.netSeed", number)?.unwrap_or(d.seed),
                    hosts: match optional(s.get("hosts"), "settings.hosts", |v, p| string(Some(v), p))? {
                        Some(text) => crate::net::parse_hosts(&text).ok_or_else(|| ReadError::Invalid {
                            place: "settings.hosts".into(),
                            problem: "is not HOST=NANOSECONDS,...".into(),
                        })?,
                        None => d.hosts,
                    },
                }
            },
        },
        Some(other) => return invalid("\"settings\"", format!("is {}, not an object", other.kind())),
    };
    let mut trace = Trace {
        tasks: list(m.tasks.as_ref(), "tasks", task)?,
        objects: match m.objects {
            None => Vec::new(),
            ref objects => list(objects.as_ref(), "objects", object)?,
        },
        processes: match m.processes {
            None => Vec::new(),
            ref processes => list(processes.as_ref(), "processes", process)?,
        },
        texts: list(m.texts.as_ref(), "texts", |v, p| string(Some(v), p))?,
        // Version 1 files written before processes sent messages have none.
        messages: match m.messages {
            None => Vec::new(),
            ref messages => list(messages.as_ref(), "messages", |v, p| string(Some(v), p))?,
        },
        events: Vec::new(),
        cut_at: optional(m.cut_at.as_ref().filter(|v| **v != Json::Null), "\"cutAt\"", time)?,
    };
    let Some(events) = m.events else {
        return invalid("the file", "has no \"events\"");
    };
    trace.events = events.into_iter().collect::<Result<_, _>>()?;
    indices(&trace)?;
    let last = trace.events.last().map_or(0, |e| e.at);
    Ok(RunFile {
        code,
        settings,
        now: optional(m.now.as_ref(), "\"now\"", time)?.unwrap_or(last),
        exit_status: match &m.exit_status {
            None | Some(Json::Null) => None,
            Some(v) => Some(number(v, &At::Name("\"exitStatus\""))?),
        },
        stdout: optional(m.stdout.as_ref(), "\"stdout\"", |v, p| string(Some(v), p))?.unwrap_or_default(),
        stderr: optional(m.stderr.as_ref(), "\"stderr\"", |v, p| string(Some(v), p))?.unwrap_or_default(),
        trace,
    })
}

/// Every index an event or a table holds points into its table.
fn indices(t: &Trace) -> Result<(), ReadError> {
    let (tasks, objects, texts, processes) = (t.tasks.len(), t.objects.len(), t.texts.len(), t.processes.len());
    let messages = t.messages.len();
    if tasks == 0 {
        return invalid("\"tasks\"", "is empty (task 0, the main thread, is always there)");
    }
    let within = |n: u32, len: usize, table: &str, place: &dyn Fn() -> String| {
        if (n as usize) < len {
            Ok(())
        } else {
            invalid(place(), format!("is {n}, past the end of \"{table}\" ({len} items)"))
        }
    };
    for (i, task) in t.tasks.iter().enumerate() {
        within(task.parent, tasks, "tasks", &|| format!("tasks[{i}].parent"))?;
    }
    for (i, p) in t.processes.iter().enumerate() {
        within(p.parent, processes, "processes", &|| format!("processes[{i}].parent"))?;
        within(p.lane, tasks, "tasks", &|| format!("processes[{i}].lane"))?;
    }
    for (i, e) in t.events.iter().enumerate() {
        let at = |what: &'static str| move || format!("events[{i}].{what}");
        within(e.task, tasks, "tasks", &at("task"))?;
        match e.kind {
            EventKind::Created { parent } => within(parent, tasks, "tasks", &at("kind.parent"))?,
            // `Done`'s and `Future`'s `obj` name a task or a future, which need not be in "objects".
            EventKind::Ready {
                by: Wake::Done { by, .. },
            } => within(by, tasks, "tasks", &at("kind.by.by"))?,
            EventKind::Ready {
                by: Wake::Cancel { by },
            }
            | EventKind::CancelRequested { by } => within(by, tasks, "tasks", &at("kind.by"))?,
            EventKind::Suspended {
                reason: WaitReason::Task(task),
            } => within(task, tasks, "tasks", &at("kind.reason.task"))?,
            EventKind::Suspended {
                reason: WaitReason::Sync { obj, .. },
            } => within(obj, objects, "objects", &at("kind.reason.obj"))?,
            EventKind::Acquired { obj } | EventKind::Released { obj } => {
                within(obj, objects, "objects", &at("kind.obj"))?
            }
            EventKind::Finished {
                outcome: Outcome::Raised { exc },
            } => within(exc, texts, "texts", &at("kind.outcome.exc"))?,
            EventKind::Print { text, .. } => within(text, texts, "texts", &at("kind.text"))?,
            EventKind::Renamed { name } => within(name, texts, "texts", &at("kind.name"))?,
            EventKind::ProcessStarted { process } => within(process, processes, "processes", &at("kind.process"))?,
            EventKind::Suspended {
                reason: WaitReason::Process { obj: Some(obj) } | WaitReason::Net { obj: Some(obj) },
            } => within(obj, objects, "objects", &at("kind.reason.obj"))?,
            EventKind::MessageSent { channel, msg } | EventKind::MessageReceived { channel, msg } => {
                within(channel, objects, "objects", &at("kind.channel"))?;
                within(msg, messages, "messages", &at("kind.msg"))?
            }
            _ => {}
        }
    }
    Ok(())
}

/// Where a value is in the file (`events[12].kind.parent`), put into words only for an error: the happy path
/// builds no strings, and the reader's code stays small in the bundle.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A place named whole (`settings.seed`, `"code"`).
    Name(&'a str),
    /// An item of a top-level list (`events[12]`).
    Item(&'a str, usize),
    /// A key of the object at a place.
    Key(&'a At<'a>, &'a str),
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            At::Name(name) => f.write_str(name),
            At::Item(list, i) => write!(f, "{list}[{i}]"),
            At::Key(place, key) => write!(f, "{place}.{key}"),
        }
    }
}

/// The error for a wrong value at `at`.
fn wrong(at: &At<'_>, problem: String) -> ReadError {
    ReadError::Invalid {
        place: at.to_string(),
        problem,
    }
}

fn list<T>(
    value: Option<&Json>,
    name: &str,
    item: impl Fn(&Json, &At<'_>) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    match value {
        None => invalid("the file", format!("has no \"{name}\"")),
        Some(Json::Arr(items)) if items.len() > MAX_EVENTS => {
            invalid(format!("\"{name}\""), format!("has more than {MAX_EVENTS} items"))
        }
        Some(Json::Arr(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| item(v, &At::Item(name, i)))
            .collect(),
        Some(other) => invalid(format!("\"{name}\""), format!("is {}, not an array", other.kind())),
    }
}

fn optional<T>(
    value: Option<&Json>,
    place: &str,
    read: impl Fn(&Json, &At<'_>) -> Result<T, ReadError>,
) -> Result<Option<T>, ReadError> {
    value.map(|v| read(v, &At::Name(place))).transpose()
}

fn string(value: Option<&Json>, at: &At<'_>) -> Result<String, ReadError> {
    match value {
        Some(Json::Str(s)) => Ok(s.clone()),
        Some(other) => Err(wrong(at, format!("is {}, not a string", other.kind()))),
        None => Err(wrong(at, "is missing".into())),
    }
}

fn boolean(value: &Json, at: &At<'_>) -> Result<bool, ReadError> {
    match value {
        Json::Bool(b) => Ok(*b),
        other => Err(wrong(at, format!("is {}, not true or false", other.kind()))),
    }
}

/// A whole number that fits `T`.
fn number<T: TryFrom<i128>>(value: &Json, at: &At<'_>) -> Result<T, ReadError> {
    match value {
        Json::Int(n) => T::try_from(*n).map_err(|_| wrong(at, format!("is {n}, out of range"))),
        other => Err(wrong(at, format!("is {}, not a whole number", other.kind()))),
    }
}

/// A virtual time: nanoseconds, at most `trace::END_OF_TIME`... or the clock's furthest (a hair past it).
fn time(value: &Json, at: &At<'_>) -> Result<Time, ReadError> {
    let t: Time = number(value, at)?;
    if t > END_OF_TIME.saturating_mul(2) {
        return Err(wrong(at, format!("is {t}, past the end of virtual time")));
    }
    Ok(t)
}

fn field<'j>(value: &'j Json, key: &str, at: &At<'_>) -> Result<&'j Json, ReadError> {
    match value {
        Json::Obj(_) => value.get(key).ok_or_else(|| wrong(at, format!("has no \"{key}\""))),
        other => Err(wrong(at, format!("is {}, not an object", other.kind()))),
    }
}

fn num_field<T: TryFrom<i128>>(value: &Json, key: &str, at: &At<'_>) -> Result<T, ReadError> {
    number(field(value, key, at)?, &At::Key(at, key))
}

fn bool_field(value: &Json, key: &str, at: &At<'_>) -> Result<bool, ReadError> {
    boolean(field(value, key, at)?, &At::Key(at, key))
}

fn str_field(value: &Json, key: &str, at: &At<'_>) -> Result<String, ReadError> {
    string(Some(field(value, key, at)?), &At::Key(at, key))
}

fn task(v: &Json, at: &At<'_>) -> Result<TaskInfo, ReadError> {
    Ok(TaskInfo {
        name: str_field(v, "name", at)?,
        coro: str_field(v, "coro", at)?,
        parent: num_field(v, "parent", at)?,
        created_line: num_field(v, "line", at)?,
        internal: bool_field(v, "internal", at)?,
        thread: bool_field(v, "thread", at)?,
    })
}

fn object(v: &Json, at: &At<'_>) -> Result<ObjInfo, ReadError> {
    let kind = str_field(v, "kind", at)?;
    let Some(kind) = ObjKind::from_name(&kind) else {
        return unknown(&At::Key(at, "kind"), &kind);
    };
    Ok(ObjInfo {
        kind,
        name: str_field(v, "name", at)?,
        created_line: num_field(v, "line", at)?,
        internal: bool_field(v, "internal", at)?,
        capacity: match field(v, "capacity", at)? {
            Json::Null => None,
            c => Some(number(c, &At::Key(at, "capacity"))?),
        },
    })
}

fn process(v: &Json, at: &At<'_>) -> Result<ProcInfo, ReadError> {
    Ok(ProcInfo {
        name: str_field(v, "name", at)?,
        pid: num_field(v, "pid", at)?,
        parent: num_field(v, "parent", at)?,
        lane: num_field(v, "lane", at)?,
    })
}

fn unknown<T>(at: &At<'_>, name: &str) -> Result<T, ReadError> {
    let shown: String = name.chars().take(40).collect();
    Err(wrong(at, format!("is \"{shown}\", which this version does not know")))
}

fn event(v: &Json, i: usize) -> Result<Event, ReadError> {
    let place = At::Item("events", i);
    let k = field(v, "kind", &place)?;
    let kp = At::Key(&place, "kind");
    let n = |key: &str| num_field::<u32>(k, key, &kp);
    let t = |key: &str| time(field(k, key, &kp)?, &At::Key(&kp, key));
    let name = str_field(k, "type", &kp)?;
    let kind = match name.as_str() {
        "Created" => EventKind::Created { parent: n("parent")? },
        "Ready" => {
            let by = field(k, "by", &kp)?;
            let bp = At::Key(&kp, "by");
            let which = str_field(by, "type", &bp)?;
            let by = match which.as_str() {
                "Spawn" => Wake::Spawn,
                "Yield" => Wake::Yield,
                "Gil" => Wake::Gil,
                "Timer" => Wake::Timer(num_field(by, "timer", &bp)?),
                "Done" => Wake::Done {
                    obj: num_field(by, "obj", &bp)?,
                    by: num_field(by, "by", &bp)?,
                },
                "Cancel" => Wake::Cancel {
                    by: num_field(by, "by", &bp)?,
                },
                _ => return unknown(&At::Key(&bp, "type"), &which),
            };
            EventKind::Ready { by }
        }
        "Resumed" => EventKind::Resumed,
        "Suspended" => {
            let reason = field(k, "reason", &kp)?;
            let rp = At::Key(&kp, "reason");
            let which = str_field(reason, "type", &rp)?;
            let reason = match which.as_str() {
                "Yield" => WaitReason::Yield,
                "EventLoop" => WaitReason::EventLoop,
                "Gil" => WaitReason::Gil,
                "Process" => WaitReason::Process {
                    obj: match field(reason, "obj", &rp)? {
                        Json::Null => None,
                        o => Some(number(o, &At::Key(&rp, "obj"))?),
                    },
                },
                "Net" => WaitReason::Net {
                    obj: match field(reason, "obj", &rp)? {
                        Json::Null => None,
                        o => Some(number(o, &At::Key(&rp, "obj"))?),
                    },
                },
                "Sleep" => WaitReason::Sleep {
                    until: time(field(reason, "until", &rp)?, &At::Key(&rp, "until"))?,
                },
                "Task" => WaitReason::Task(num_field(reason, "task", &rp)?),
                "Future" => WaitReason::Future(num_field(reason, "obj", &rp)?),
                "Sync" => {
                    let op = str_field(reason, "op", &rp)?;
                    let op = match op.as_str() {
                        "Acquire" => SyncOp::Acquire,
                        "Wait" => SyncOp::Wait,
                        "Get" => SyncOp::Get,
                        "Put" => SyncOp::Put,
                        "Join" => SyncOp::Join,
                        _ => return unknown(&At::Key(&rp, "op"), &op),
                    };
                    WaitReason::Sync {
                        obj: num_field(reason, "obj", &rp)?,
                        op,
                    }
                }
                _ => return unknown(&At::Key(&rp, "type"), &which),
            };
            EventKind::Suspended { reason }
        }
        "Finished" => {
            let outcome = field(k, "outcome", &kp)?;
            let op = At::Key(&kp, "outcome");
            let which = str_field(outcome, "type", &op)?;
            let outcome = match which.as_str() {
                "Returned" => Outcome::Returned,
                "Cancelled" => Outcome::Cancelled,
                "Raised" => Outcome::Raised {
                    exc: num_field(outcome, "exc", &op)?,
                },
                _ => return unknown(&At::Key(&op, "type"), &which),
            };
            EventKind::Finished { outcome }
        }
        "Print" => {
            let stream = match str_field(k, "stream", &kp)?.as_str() {
                "stdout" => Stream::Stdout,
                "stderr" => Stream::Stderr,
                other => return unknown(&At::Key(&kp, "stream"), other),
            };
            EventKind::Print {
                stream,
                text: n("text")?,
            }
        }
        "TimerArmed" => EventKind::TimerArmed {
            timer: n("timer")?,
            deadline: t("deadline")?,
        },
        "TimerFired" => EventKind::TimerFired { timer: n("timer")? },
        "TimerCancelled" => EventKind::TimerCancelled { timer: n("timer")? },
        "Acquired" => EventKind::Acquired { obj: n("obj")? },
        "Released" => EventKind::Released { obj: n("obj")? },
        "Blocked" => EventKind::Blocked { until: t("until")? },
        "Renamed" => EventKind::Renamed { name: n("name")? },
        "CancelRequested" => EventKind::CancelRequested { by: n("by")? },
        "GilTaken" => EventKind::GilTaken,
        "GilDropped" => {
            let why = str_field(k, "why", &kp)?;
            let why = match why.as_str() {
                "Interval" => GilDrop::Interval,
                "Blocked" => GilDrop::Blocked,
                "Finished" => GilDrop::Finished,
                _ => return unknown(&At::Key(&kp, "why"), &why),
            };
            EventKind::GilDropped { why }
        }
        "ProcessStarted" => EventKind::ProcessStarted { process: n("process")? },
        "ProcessExited" => EventKind::ProcessExited {
            code: num_field(k, "code", &kp)?,
        },
        "OnCore" => EventKind::OnCore { core: n("core")? },
        "OffCore" => EventKind::OffCore,
        "MessageSent" => EventKind::MessageSent {
            channel: n("channel")?,
            msg: n("msg")?,
        },
        "MessageReceived" => EventKind::MessageReceived {
            channel: n("channel")?,
            msg: n("msg")?,
        },
        _ => return unknown(&At::Key(&kp, "type"), &name),
    };
    Ok(Event {
        at: time(field(v, "at", &place)?, &At::Key(&place, "at"))?,
        task: num_field(v, "task", &place)?,
        line: num_field(v, "line", &place)?,
        kind,
    })
}

#[cfg(test)]
mod tests;
