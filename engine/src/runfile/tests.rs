//! Run files: real runs and random traces round-trip; damaged and hostile files are errors, never panics.

use super::*;
use crate::sched::Strategy;
use crate::session::Session;
use crate::trace::ObjId;

/// A small deterministic generator (xorshift), so that the property tests need no dependency and replay.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn id(&mut self, len: usize) -> u32 {
        self.below(len as u64) as u32
    }

    fn text(&mut self) -> String {
        const PICKS: &[&str] = &[
            "\"",
            "\\",
            "\n",
            "\u{0}",
            "\u{1f}",
            "é",
            "😀",
            "\u{10ffff}",
            "<script>",
            "{",
            "]",
        ];
        (0..self.below(12))
            .map(|_| match self.below(3) {
                0 => PICKS[self.below(PICKS.len() as u64) as usize].to_string(),
                1 => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('x').to_string(),
                _ => ((b' ' + self.below(95) as u8) as char).to_string(),
            })
            .collect()
    }

    fn time(&mut self) -> Time {
        match self.below(4) {
            0 => END_OF_TIME,
            1 => self.next() % (END_OF_TIME + 1),
            _ => self.below(10_000_000_000),
        }
    }

    fn trace(&mut self) -> Trace {
        let tasks = 1 + self.below(6) as usize;
        let objects = self.below(4) as usize;
        let texts = 1 + self.below(5) as usize;
        let processes = self.below(3) as usize;
        let mut t = Trace {
            tasks: (0..tasks)
                .map(|_| TaskInfo {
                    name: self.text(),
                    coro: self.text(),
                    parent: self.id(tasks),
                    created_line: self.next() as u32,
                    internal: self.below(2) == 0,
                    thread: self.below(2) == 0,
                })
                .collect(),
            objects: (0..objects)
                .map(|_| ObjInfo {
                    kind: ObjKind::Semaphore,
                    name: self.text(),
                    created_line: self.below(100) as u32,
                    internal: self.below(2) == 0,
                    capacity: (self.below(2) == 0).then(|| self.next()),
                })
                .collect(),
            texts: (0..texts).map(|_| self.text()).collect(),
            processes: (0..processes)
                .map(|_| ProcInfo {
                    name: self.text(),
                    pid: self.next() as u32,
                    parent: self.id(processes),
                    lane: self.id(tasks),
                })
                .collect(),
            messages: (0..self.below(3)).map(|_| self.text()).collect(),
            events: Vec::new(),
            cut_at: (self.below(3) == 0).then(|| self.time()),
        };
        for _ in 0..self.below(60) {
            let kind = self.kind(&t);
            t.events.push(Event {
                at: self.time(),
                task: self.id(tasks),
                line: self.next() as u32,
                kind,
            });
        }
        t
    }

    fn kind(&mut self, t: &Trace) -> EventKind {
        let task = |r: &mut Rng| r.id(t.tasks.len());
        let text = |r: &mut Rng| r.id(t.texts.len());
        let obj = |r: &mut Rng| -> Option<ObjId> { (!t.objects.is_empty()).then(|| r.id(t.objects.len())) };
        loop {
            let kind = match self.below(24) {
                0 => EventKind::Created { parent: task(self) },
                1 => EventKind::Ready {
                    by: match self.below(6) {
                        0 => Wake::Spawn,
                        1 => Wake::Yield,
                        2 => Wake::Gil,
                        3 => Wake::Timer(self.next() as u32),
                        4 => Wake::Done {
                            obj: self.next() as u32,
                            by: task(self),
                        },
                        _ => Wake::Cancel { by: task(self) },
                    },
                },
                2 => EventKind::Resumed,
                3 => EventKind::Suspended {
                    reason: match self.below(9) {
                        0 => WaitReason::Yield,
                        1 => WaitReason::EventLoop,
                        2 => WaitReason::Gil,
                        3 => WaitReason::Process { obj: obj(self) },
                        7 => WaitReason::Net { obj: obj(self) },
                        4 => WaitReason::Sleep { until: self.time() },
                        5 => WaitReason::Task(task(self)),
                        6 => WaitReason::Future(self.next() as u32),
                        _ => match obj(self) {
                            Some(obj) => WaitReason::Sync {
                                obj,
                                op: [SyncOp::Acquire, SyncOp::Wait, SyncOp::Get, SyncOp::Put, SyncOp::Join]
                                    [self.below(5) as usize],
                            },
                            None => continue,
                        },
                    },
                },
                4 => EventKind::Finished {
                    outcome: match self.below(3) {
                        0 => Outcome::Returned,
                        1 => Outcome::Cancelled,
                        _ => Outcome::Raised { exc: text(self) },
                    },
                },
                5 => EventKind::Print {
                    stream: if self.below(2) == 0 {
                        Stream::Stdout
                    } else {
                        Stream::Stderr
                    },
                    text: text(self),
                },
                6 => EventKind::TimerArmed {
                    timer: self.next() as u32,
                    deadline: self.time(),
                },
                7 => EventKind::TimerFired {
                    timer: self.next() as u32,
                },
                8 => EventKind::TimerCancelled {
                    timer: self.next() as u32,
                },
                9 => match obj(self) {
                    Some(obj) => EventKind::Acquired { obj },
                    None => continue,
                },
                10 => match obj(self) {
                    Some(obj) => EventKind::Released { obj },
                    None => continue,
                },
                11 => EventKind::Blocked { until: self.time() },
                12 => EventKind::Renamed { name: text(self) },
                13 => EventKind::CancelRequested { by: task(self) },
                14 => EventKind::GilTaken,
                15 => EventKind::GilDropped {
                    why: [GilDrop::Interval, GilDrop::Blocked, GilDrop::Finished][self.below(3) as usize],
                },
                16 if !t.processes.is_empty() => EventKind::ProcessStarted {
                    process: self.id(t.processes.len()),
                },
                17 => EventKind::ProcessExited {
                    code: self.next() as i32,
                },
                18 => EventKind::OnCore {
                    core: self.next() as u32,
                },
                19 => EventKind::OffCore,
                20 | 21 if !t.messages.is_empty() => match obj(self) {
                    Some(channel) => {
                        let msg = self.id(t.messages.len());
                        if self.below(2) == 0 {
                            EventKind::MessageSent { channel, msg }
                        } else {
                            EventKind::MessageReceived { channel, msg }
                        }
                    }
                    None => continue,
                },
                _ => continue,
            };
            return kind;
        }
    }
}

fn assert_same(a: &Trace, b: &Trace) {
    assert_eq!(a.events, b.events);
    assert_eq!(a.tasks, b.tasks);
    assert_eq!(a.objects, b.objects);
    assert_eq!(a.texts, b.texts);
    assert_eq!(a.messages, b.messages);
    assert_eq!(a.processes, b.processes);
    assert_eq!(a.cut_at, b.cut_at);
}

fn run(code: &str) -> RunFile {
    let config = Config::default();
    let mut session = Session::new(code, config.clone());
    let exit = session.run_to_end();
    RunFile {
        code: code.to_string(),
        settings: Settings::of(&config),
        trace: session.trace().clone(),
        now: session.now(),
        exit_status: Some(exit),
        stdout: session.stdout().to_string(),
        stderr: session.stderr().to_string(),
    }
}

const PROGRAM: &str = r#"
import asyncio, threading

lock = asyncio.Lock()

async def worker(name, delay):
    async with lock:
        await asyncio.sleep(delay)
    print(name, "done")
    if name == "b":
        raise ValueError("boom \"quoted\"")

async def main():
    t = asyncio.create_task(worker("a", 0.1), name="first")
    u = asyncio.create_task(worker("b", 0.2))
    await asyncio.gather(t, u, return_exceptions=True)
    v = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    v.cancel()

def spin():
    total = 0
    for i in range(20000):
        total += i
    print("thread", total)

th = threading.Thread(target=spin)
th.start()
asyncio.run(main())
th.join()
"#;

#[test]
fn a_real_run_round_trips() {
    let file = run(PROGRAM);
    assert!(file.trace.events.len() > 20, "{}", file.trace.to_text());
    let text = write(&file.view());
    assert!(text.starts_with("{\"format\":\"interleave-run\",\"version\":1,"));
    let back = read(&text).unwrap();
    assert_same(&back.trace, &file.trace);
    assert_eq!(back.code, file.code);
    assert_eq!(back.settings, file.settings);
    assert_eq!((back.now, back.exit_status), (file.now, file.exit_status));
    assert_eq!((&back.stdout, &back.stderr), (&file.stdout, &file.stderr));
    assert_eq!(write(&back.view()), text);
}

#[test]
fn random_traces_round_trip() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..400 {
        let file = RunFile {
            code: rng.text(),
            settings: Settings {
                filename: rng.text(),
                seed: rng.next(),
                cpus: 1 + rng.below(64) as u32,
                switch_interval: 1 + rng.below(1 << 40),
                switch_anywhere: rng.below(2) == 0,
                selector_resolution: 1 + rng.below(1 << 30),
                scheduler: [
                    Strategy::Cpython,
                    Strategy::Random,
                    Strategy::Pct {
                        depth: 1 + rng.below(9) as u32,
                    },
                    Strategy::Replay,
                ][rng.below(4) as usize],
                choices: (rng.below(2) == 0)
                    .then(|| crate::sched::log::encode((0..rng.below(50)).map(|_| rng.below(4) as u32))),
                net: crate::net::NetConfig {
                    latency: rng.below(1 << 40),
                    loopback_latency: rng.below(1 << 20),
                    bandwidth: 1 + rng.below(1 << 40),
                    failure_permille: rng.below(1001) as u32,
                    seed: rng.next(),
                    // Host names as a network has them: letters, digits, dots and dashes.
                    hosts: (0..rng.below(4))
                        .map(|i| (format!("h{}-{i}.example", rng.below(1000)), rng.below(1 << 40)))
                        .collect(),
                },
            },
            trace: rng.trace(),
            now: rng.time(),
            exit_status: (rng.below(2) == 0).then(|| rng.next() as i32),
            stdout: rng.text(),
            stderr: rng.text(),
        };
        let text = write(&file.view());
        let back = read(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_same(&back.trace, &file.trace);
        assert_eq!(back.settings, file.settings);
        assert_eq!(
            (back.code, back.now, back.exit_status),
            (file.code, file.now, file.exit_status)
        );
    }
}

#[test]
fn damaged_and_hostile_files_are_errors_not_panics() {
    let good = write(&run(PROGRAM).view());
    let mut rng = Rng(99);
    // Cut anywhere: an error (only the whole text is a run).
    for _ in 0..300 {
        let cut = rng.below(good.len() as u64) as usize;
        if let Some(part) = good.get(..cut) {
            assert!(read(part).is_err());
        }
    }
    // Changed anywhere: read or refused, never a panic.
    const BYTES: &[u8] = b"0123456789{}[]\",:-.eEnulltrue \\x";
    for _ in 0..3_000 {
        let mut bytes = good.clone().into_bytes();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(bytes.len() as u64) as usize;
            bytes[i] = BYTES[rng.below(BYTES.len() as u64) as usize];
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = read(text);
        }
    }
    for _ in 0..300 {
        let garbage: String = (0..rng.below(200))
            .map(|_| BYTES[rng.below(BYTES.len() as u64) as usize] as char)
            .collect();
        let _ = read(&garbage);
    }
    assert!(matches!(read(&"[".repeat(100_000)), Err(ReadError::Syntax { .. })));
    assert!(matches!(
        read(&"{\"a\":".repeat(100_000)),
        Err(ReadError::Syntax { .. })
    ));
}

#[test]
fn every_error_says_what_and_where() {
    let file = |rest: &str| format!("{{\"format\":\"interleave-run\",\"version\":1,\"code\":\"\",{rest}}}");
    let main =
        "\"tasks\":[{\"name\":\"main\",\"coro\":\"\",\"parent\":0,\"line\":0,\"internal\":false,\"thread\":false}]";
    let ok = file(&format!("{main},\"texts\":[],\"events\":[]"));
    assert!(read(&ok).is_ok(), "{ok}");
    let cases = [
        ("", "This file is not valid JSON: expected an object at line 1, column 1."),
        ("{\n  \"a\": tru}", "This file is not valid JSON: expected a value at line 2, column 8."),
        ("[1, 2]", "This file is not valid JSON: expected an object at line 1, column 1."),
        ("{\"format\":\"something\"}", "This file is not an Interleave run (its \"format\" is not \"interleave-run\")."),
        (
            "{\"format\":\"interleave-run\",\"version\":2}",
            "This run was saved by a newer Interleave (version 2); this one reads version 1.",
        ),
        (
            &file(&format!("{main},\"texts\":[],\"events\":[{{\"at\":0,\"task\":3,\"line\":1,\"kind\":{{\"type\":\"Resumed\"}}}}]")),
            "This run file is damaged: events[0].task is 3, past the end of \"tasks\" (1 items).",
        ),
        (
            &file(&format!("{main},\"texts\":[],\"events\":[{{\"at\":0,\"task\":0,\"line\":1,\"kind\":{{\"type\":\"Print\",\"stream\":\"stdout\",\"text\":0}}}}]")),
            "This run file is damaged: events[0].kind.text is 0, past the end of \"texts\" (0 items).",
        ),
        (
            &file(&format!("{main},\"texts\":[],\"events\":[{{\"at\":-1,\"task\":0,\"line\":1,\"kind\":{{\"type\":\"Resumed\"}}}}]")),
            "This run file is damaged: events[0].at is -1, out of range.",
        ),
        (
            &file(&format!("{main},\"texts\":[],\"events\":[{{\"at\":0,\"task\":0,\"line\":1,\"kind\":{{\"type\":\"Teleported\"}}}}]")),
            "This run file is damaged: events[0].kind.type is \"Teleported\", which this version does not know.",
        ),
        (&file("\"texts\":[],\"events\":[]"), "This run file is damaged: the file has no \"tasks\"."),
        (
            &file(&format!("{main},\"texts\":[1],\"events\":[]")),
            "This run file is damaged: texts[0] is a number, not a string.",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(read(text).map(|_| ()).unwrap_err().to_string(), message, "{text}");
    }
}

#[test]
fn unknown_keys_are_skipped_and_missing_settings_take_their_defaults() {
    let text = "{\"events\":[],\"later\":{\"x\":[1,2,{}]},\"texts\":[],\"version\":1,\"code\":\"print(1)\\n\",\
                \"format\":\"interleave-run\",\"tasks\":[{\"name\":\"main\",\"coro\":\"\",\"parent\":0,\"line\":0,\
                \"internal\":false,\"thread\":false,\"colour\":\"red\"}],\"settings\":{\"seed\":7}}";
    let file = read(text).unwrap();
    assert_eq!(file.code, "print(1)\n");
    assert_eq!(
        file.settings,
        Settings {
            seed: 7,
            ..Settings::default()
        }
    );
    assert_eq!(file.exit_status, None);
}

#[test]
fn the_corpus_schedules_round_trip() {
    // Debug builds of the interpreter want more stack than a test thread has, as in `tests/determinism.rs`.
    let worker = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(corpus_round_trip);
    worker.unwrap().join().unwrap();
}

fn corpus_round_trip() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut count = 0;
    for feature in ["ordering", "processes", "thread_sync", "locks", "taskgroup"] {
        let Ok(entries) = std::fs::read_dir(root.join(feature)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        // Every third program: the schedules are what matters, and a debug build runs them slowly.
        for path in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .step_by(3)
        {
            let code = std::fs::read_to_string(path).unwrap_or_default();
            let file = run(&code);
            let text = write(&file.view());
            let back = read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(same_trace(&back.trace, &file.trace), "{}", path.display());
            assert_eq!(write(&back.view()), text, "{}", path.display());
            count += 1;
        }
    }
    assert!(count > 50, "{count} programs");
}

#[test]
fn a_schedulers_settings_are_read_and_checked() {
    let file = |settings: &str| {
        format!(
            "{{\"format\":\"interleave-run\",\"version\":1,\"code\":\"\",\"tasks\":[{{\"name\":\"main\",\"coro\":\"\",\
             \"parent\":0,\"line\":0,\"internal\":false,\"thread\":false}}],\"texts\":[],\"events\":[],\
             \"now\":0,\"stdout\":\"\",\"stderr\":\"\",\"settings\":{settings}}}"
        )
    };
    let good = read(&file("{\"scheduler\":\"pct:4\",\"choices\":\"v1.CA\"}")).unwrap();
    assert_eq!(good.settings.scheduler, Strategy::Pct { depth: 4 });
    assert_eq!(good.settings.choices.as_deref(), Some("v1.CA"));
    let bad = read(&file("{\"scheduler\":\"fastest\"}")).unwrap_err().to_string();
    assert!(bad.contains("settings.scheduler"), "{bad}");
    let bad = read(&file("{\"choices\":\"v1.*\"}")).unwrap_err().to_string();
    assert!(bad.contains("settings.choices") && bad.contains("base64url"), "{bad}");
}
