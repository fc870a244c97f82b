//! Schedules as data: choice logs replay exactly, `random` and `pct` are reproducible by seed, the `cpython`
//! choices are today's run, and `explore` finds every outcome of small programs whose outcomes are known by
//! hand (`tests/schedules/*.py`, each with `# outcome:` lines), with partial-order reduction cutting the count.
//!
//! A program's header: `# outcome: a / b` is a schedule printing `a\nb\n`; `# outcome: ! word` one that
//! fails with `word` in its last line of stderr; `# complete` says the exploration must finish within its
//! bounds (asyncio programs; a thread program always has more preemptions to try).

use interleave::sched::explore::{explore, Options, Report};
use interleave::sched::{log, Strategy};
use interleave::session::{Budget, Config, Session, Status};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schedules")
}

fn programs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    v.sort();
    v
}

fn source(name: &str) -> String {
    fs::read_to_string(dir().join(name)).unwrap()
}

/// An outcome as the headers write it.
fn key(stdout: &str, error: Option<&str>) -> String {
    let out = stdout.lines().collect::<Vec<_>>().join(" / ");
    match error {
        Some(e) => format!("{out}! {e}"),
        None => out,
    }
}

fn expected(src: &str) -> (BTreeSet<String>, bool) {
    let outs = src
        .lines()
        .filter_map(|l| l.strip_prefix("# outcome: "))
        .map(str::to_string)
        .collect();
    (outs, src.lines().any(|l| l == "# complete"))
}

/// The outcomes found, in the headers' terms (an error by the header's word, when it has one).
fn found(report: &Report, want: &BTreeSet<String>) -> BTreeSet<String> {
    report
        .outcomes
        .iter()
        .map(|o| {
            let err = o.error.as_deref().map(|e| {
                want.iter()
                    .filter_map(|w| w.split_once("! ").map(|(_, word)| word))
                    .find(|word| e.contains(word))
                    .unwrap_or(e)
            });
            key(&o.stdout, err)
        })
        .collect()
}

/// The header's preemption bound (`# preemptions: N`), else the default.
fn options(src: &str) -> Options {
    let bound = src.lines().find_map(|l| l.strip_prefix("# preemptions: "));
    Options {
        preemptions: bound.map_or(Options::default().preemptions, |b| b.parse().unwrap()),
        ..Options::default()
    }
}

fn run(src: &str, config: Config) -> (String, String, Session) {
    let mut s = Session::new(src, config);
    s.run_to_end();
    let trace = s.trace().to_text();
    (s.stdout().to_string(), trace, s)
}

fn with(scheduler: Strategy, seed: u64, choices: Option<String>) -> Config {
    Config {
        scheduler,
        seed,
        choices,
        ..Config::default()
    }
}

#[test]
fn explore_finds_every_outcome_known_by_hand() {
    let mut checked = 0;
    for path in programs() {
        let src = fs::read_to_string(&path).unwrap();
        let (want, complete) = expected(&src);
        let report = explore(src.as_bytes(), &Config::default(), &options(&src));
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(found(&report, &want), want, "{name}: {}", report.to_text());
        if complete {
            assert!(
                report.complete,
                "{name} should be explored completely: {}",
                report.to_text()
            );
        }
        assert_eq!(
            report.outcomes.iter().map(|o| o.count).sum::<usize>(),
            report.schedules,
            "{name}"
        );
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} programs");
}

#[test]
fn witnesses_replay_their_outcome() {
    for name in [
        "aio_lost_update.py",
        "aio_deadlock.py",
        "thread_lost_update.py",
        "thread_flag.py",
    ] {
        let src = source(name);
        let report = explore(src.as_bytes(), &Config::default(), &options(&src));
        assert!(report.outcomes.len() >= 2, "{name}");
        for o in &report.outcomes {
            let (stdout, _, s) = run(&src, with(Strategy::Replay, 0, Some(o.witness.clone())));
            assert_eq!(s.schedule_error(), None, "{name} {}", o.witness);
            assert_eq!(stdout, o.stdout, "{name} {}", o.witness);
            assert_eq!(s.choice_log(), o.witness);
        }
    }
}

#[test]
fn partial_order_reduction_cuts_schedules_and_keeps_outcomes() {
    let no_por = Options {
        por: false,
        max_schedules: 1000,
        ..Options::default()
    };
    let mut fewer = 0;
    for path in programs().iter().filter(|p| p.to_string_lossy().contains("/aio_")) {
        let src = fs::read_to_string(path).unwrap();
        let (want, _) = expected(&src);
        let with_por = explore(src.as_bytes(), &Config::default(), &Options::default());
        let without = explore(src.as_bytes(), &Config::default(), &no_por);
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(found(&with_por, &want), found(&without, &want), "{name}");
        assert!(
            with_por.runs <= without.runs,
            "{name}: {} > {}",
            with_por.runs,
            without.runs
        );
        fewer += usize::from(with_por.runs < without.runs);
    }
    assert!(fewer >= 5, "reduction helped only {fewer} programs");
    // Three tasks that share nothing: one schedule per order of their shared ends, not every interleaving.
    let src = source("aio_independent.py");
    let with_por = explore(src.as_bytes(), &Config::default(), &Options::default());
    let without = explore(src.as_bytes(), &Config::default(), &no_por);
    assert!(with_por.complete && !without.complete);
    assert!(
        with_por.schedules * 20 < without.schedules,
        "{} vs {}",
        with_por.schedules,
        without.schedules
    );
}

/// Some programs of the corpus whose schedules matter, asyncio and threads.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut out = Vec::new();
    for d in ["ordering", "locks", "queues", "threads", "thread_sync"] {
        let mut files: Vec<PathBuf> = fs::read_dir(root.join(d))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        out.extend(files.iter().take(6).map(|p| fs::read_to_string(p).unwrap()));
    }
    out
}

#[test]
fn cpython_choices_are_todays_run() {
    // The scheduler consulted at every choice point, always taking candidate 0, runs exactly as without it.
    let mut srcs = corpus();
    srcs.extend(programs().iter().map(|p| fs::read_to_string(p).unwrap()));
    for src in &srcs {
        let (out, trace, _) = run(src, Config::default());
        let (out2, trace2, s) = run(src, with(Strategy::Cpython, 0, Some(log::encode([]))));
        assert_eq!(out, out2);
        assert_eq!(trace, trace2);
        assert!(s.choices().iter().all(|c| c.chosen == 0));
        assert!(s.choice_log().len() < 12, "{}", s.choice_log());
    }
}

#[test]
fn logs_replay_exactly() {
    let mut srcs = corpus();
    srcs.extend(programs().iter().map(|p| fs::read_to_string(p).unwrap()));
    for src in &srcs {
        for (strategy, seed) in [
            (Strategy::Random, 1),
            (Strategy::Random, 2),
            (Strategy::Pct { depth: 3 }, 5),
        ] {
            let (out, trace, s) = run(src, with(strategy, seed, None));
            let log = s.choice_log();
            let (out2, trace2, r) = run(src, with(Strategy::Replay, seed, Some(log.clone())));
            assert_eq!(r.schedule_error(), None);
            assert_eq!(out, out2);
            assert_eq!(trace, trace2);
            assert_eq!(r.choice_log(), log);
        }
    }
}

#[test]
fn random_and_pct_are_reproducible_by_seed_and_vary_across_seeds() {
    for name in ["aio_three_prints.py", "thread_print_order.py", "aio_lost_update.py"] {
        let src = source(name);
        for strategy in [Strategy::Random, Strategy::Pct { depth: 2 }] {
            let mut outs = BTreeSet::new();
            for seed in 0..24 {
                let (out, trace, _) = run(&src, with(strategy, seed, None));
                let (out2, trace2, _) = run(&src, with(strategy, seed, None));
                assert_eq!((&out, &trace), (&out2, &trace2));
                outs.insert(out);
            }
            assert!(outs.len() >= 2, "{name} {strategy:?} always printed {outs:?}");
        }
    }
}

#[test]
fn a_prefix_then_the_strategy() {
    // Branching: the first choices from a log, then the strategy's own (here CPython's).
    let src = source("aio_three_prints.py");
    let (_, _, s) = run(&src, with(Strategy::Cpython, 0, Some(log::encode([2]))));
    assert_eq!(s.choices()[0].chosen, 2);
    assert!(s.choices()[1..].iter().all(|c| c.chosen == 0));
    assert_eq!(s.schedule_error(), None);
    assert_ne!(s.stdout(), run(&src, Config::default()).0);
}

#[test]
fn slicing_changes_nothing_under_a_scheduler() {
    let mut srcs = corpus();
    srcs.truncate(12);
    srcs.extend(["aio_three_prints.py", "thread_lost_update.py", "thread_queue.py"].map(source));
    for src in &srcs {
        let config = with(Strategy::Random, 7, None);
        let (out, trace, whole) = run(src, config.clone());
        for steps in [1, 13, 997] {
            let mut s = Session::new(src, config.clone());
            loop {
                match s.run(Budget { steps, until: u64::MAX }) {
                    Status::Done { .. } => break,
                    Status::Waiting { until } => s.advance_to(until),
                    Status::Runnable => {}
                }
            }
            assert_eq!(s.stdout(), out);
            assert_eq!(s.trace().to_text(), trace);
            assert_eq!(s.choice_log(), whole.choice_log());
        }
    }
}

#[test]
fn logs_that_do_not_fit_say_so() {
    let src = source("aio_print_order.py");
    let (_, _, s) = run(&src, with(Strategy::Replay, 0, Some(log::encode([5]))));
    assert!(
        s.schedule_error().unwrap().contains("does not fit"),
        "{:?}",
        s.schedule_error()
    );
    let (_, _, s) = run(&src, with(Strategy::Replay, 0, Some(log::encode([0; 40]))));
    assert!(
        s.schedule_error().unwrap().contains("it has 40 choices"),
        "{:?}",
        s.schedule_error()
    );
    let (_, _, s) = run(&src, with(Strategy::Replay, 0, Some(log::encode([]))));
    assert!(
        s.schedule_error().unwrap().contains("ends after 0 choices"),
        "{:?}",
        s.schedule_error()
    );
    let (_, _, s) = run(&src, with(Strategy::Replay, 0, Some("v1.*".into())));
    assert!(s.schedule_error().unwrap().contains("not valid"));
    // Under plain CPython, nothing is consulted or recorded.
    let (_, _, s) = run(&src, Config::default());
    assert!(s.choices().is_empty() && s.schedule_error().is_none());
}

/// Plays a manual schedule to its end, answering each pause with `pick(candidates)`.
fn play(src: &str, pick: impl Fn(&Session, u32) -> u32) -> (Session, usize) {
    let mut s = Session::new(src, with(Strategy::Manual, 0, None));
    let mut answers = 0;
    loop {
        if let Some(n) = s.pending_choice().map(|p| p.candidates()) {
            let c = pick(&s, n);
            assert!(s.choose(c));
            answers += 1;
        }
        match s.run(Budget::UNLIMITED) {
            Status::Done { .. } => break,
            Status::Waiting { until } => s.advance_to(until),
            Status::Runnable => {}
        }
    }
    (s, answers)
}

#[test]
fn manual_schedules_pause_at_each_choice_and_replay() {
    for name in [
        "aio_lost_update.py",
        "aio_three_prints.py",
        "thread_lost_update.py",
        "thread_print_order.py",
    ] {
        let src = source(name);
        // Answering CPython's candidate every time is CPython's run.
        let (s, answers) = play(&src, |_, _| 0);
        assert!(answers >= 2, "{name}: {answers}");
        let (out, trace, _) = run(&src, Config::default());
        assert_eq!((s.stdout(), s.trace().to_text()), (&*out, trace), "{name}");
        // Another answer each time is another run, which its log replays exactly.
        let (mut s, _) = play(&src, |_, n| n - 1);
        let (out2, trace2, r) = run(&src, with(Strategy::Replay, 0, Some(s.choice_log())));
        assert_eq!(r.schedule_error(), None, "{name}");
        assert_eq!((s.stdout(), s.trace().to_text()), (&*out2, trace2), "{name}");
        assert!(!s.choose(0), "nothing is pending at the end");
    }
    // The threads' lost update reached by clicks: the answers of the schedule `explore` found for it.
    let src = source("thread_lost_update.py");
    let report = explore(src.as_bytes(), &Config::default(), &options(&src));
    let wrong = report.outcomes.iter().find(|o| o.stdout == "1\n").unwrap();
    let answers = log::decode(&wrong.witness).unwrap();
    let (s, _) = play(&src, |s, _| answers[s.choices().len()]);
    assert_eq!(s.stdout(), "1\n");
}
