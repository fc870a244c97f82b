//! The `interleave` command: runs a program like `python3 FILE.py` would, optionally printing the trace.

use interleave::replay::Replay;
use interleave::runfile;
use interleave::sched::Strategy;
use interleave::session::{Config, Session};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: interleave run FILE.py [--trace text|json] [--svg OUT.svg] [--seed N] [--cpus N] \
                     [--switch-interval SECONDS] [--switch-anywhere] [--memory-limit MIB] \
                     [--selector-resolution SECONDS] [--scheduler cpython|random|pct|pct:D|replay] [--replay LOG] \
                     [--latency SECONDS] [--host-latency HOST=SECONDS] [--bandwidth BYTES_PER_SECOND] [--failures PER_THOUSAND] \
                     [--net-seed N]\n       \
                     interleave explain FILE.py [--json] [the same settings]\n       \
                     interleave explore FILE.py [--max-schedules N] [--preemptions K] [--json] [--no-por] [the same settings]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut file = None;
    let mut trace = None;
    let mut svg = None;
    let mut seed = 0;
    // The command may hold more than the page (1 GiB): a machine has more room than a browser tab.
    let mut config = Config {
        memory_limit: 4 << 30,
        ..Config::default()
    };
    let mut it = args.iter();
    // `explain` runs the program as `run` does but prints only what went wrong in it (`findings.rs`).
    let mut explain = None;
    // `explore` runs the program under every schedule it can (`sched/explore.rs`) and prints the outcomes.
    let mut explore: Option<(bool, interleave::sched::explore::Options)> = None;
    let mut scheduler = None;
    match it.next().map(String::as_str) {
        Some("run") => {}
        Some("explain") => explain = Some(false),
        Some("explore") => explore = Some((false, Default::default())),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    while let Some(a) = it.next() {
        match a.as_str() {
            "--trace" => trace = it.next().cloned(),
            // The timeline as a picture, for a tutorial.
            "--svg" => match it.next() {
                Some(path) => svg = Some(path.clone()),
                None => {
                    eprintln!("interleave: --svg takes the file to write");
                    return ExitCode::from(2);
                }
            },
            "--seed" => seed = it.next().and_then(|s| s.parse().ok()).unwrap_or(0),
            // The simulated machine: its cores (`os.cpu_count()`), and how threads share the GIL.
            "--cpus" => match it.next().and_then(|s| s.parse().ok()).filter(|n| *n > 0) {
                Some(n) => config.cpu_count = n,
                None => {
                    eprintln!("interleave: --cpus takes a positive whole number");
                    return ExitCode::from(2);
                }
            },
            "--memory-limit" => match it.next().and_then(|s| s.parse::<usize>().ok()).filter(|n| *n > 0) {
                Some(mib) => config.memory_limit = mib.saturating_mul(1 << 20),
                None => {
                    eprintln!("interleave: --memory-limit takes a positive number of MiB");
                    return ExitCode::from(2);
                }
            },
            "--switch-interval" => match it.next().and_then(|s| s.parse::<f64>().ok()).filter(|s| *s > 0.0) {
                Some(secs) => config.switch_interval = ((secs * 1e6).min(1e12) as u64).max(1) * 1000,
                None => {
                    eprintln!("interleave: --switch-interval takes a positive number of seconds");
                    return ExitCode::from(2);
                }
            },
            // How finely an event loop's selector waits (0.001 as epoll on Linux; 0 waits exactly).
            "--selector-resolution" => match it.next().and_then(|s| s.parse::<f64>().ok()).filter(|s| *s >= 0.0) {
                Some(secs) => config.selector_resolution = ((secs * 1e9).min(1e12) as u64).max(1),
                None => {
                    eprintln!("interleave: --selector-resolution takes a number of seconds, 0 or more");
                    return ExitCode::from(2);
                }
            },
            // The simulated network: latencies (one way), bandwidth, and requests that fail, by a seed.
            "--latency" | "--host-latency" => {
                let value = it.next().map(String::as_str).unwrap_or("");
                let (host, secs) = match a.as_str() {
                    "--latency" => (None, value),
                    _ => match value.split_once('=') {
                        Some((h, s)) if !h.is_empty() && !h.contains(',') => (Some(h.to_ascii_lowercase()), s),
                        _ => (None, ""),
                    },
                };
                let Some(ns) = secs
                    .parse::<f64>()
                    .ok()
                    .filter(|s| (0.0..=3600.0).contains(s))
                    .map(|s| (s * 1e9) as u64)
                else {
                    eprintln!("interleave: {a} takes a number of seconds (0 to 3600), after HOST= for --host-latency");
                    return ExitCode::from(2);
                };
                match host {
                    None => config.net.latency = ns,
                    Some(h) => {
                        config.net.hosts.retain(|(x, _)| *x != h);
                        config.net.hosts.push((h, ns));
                    }
                }
            }
            "--bandwidth" => match it.next().and_then(|s| s.parse::<u64>().ok()).filter(|n| *n > 0) {
                Some(n) => config.net.bandwidth = n,
                None => {
                    eprintln!("interleave: --bandwidth takes a positive number of bytes per second");
                    return ExitCode::from(2);
                }
            },
            "--failures" => match it.next().and_then(|s| s.parse::<u32>().ok()).filter(|n| *n <= 1000) {
                Some(n) => config.net.failure_permille = n,
                None => {
                    eprintln!("interleave: --failures takes how many requests in 1000 fail (0 to 1000)");
                    return ExitCode::from(2);
                }
            },
            "--net-seed" => config.net.seed = it.next().and_then(|s| s.parse().ok()).unwrap_or(0),
            // Python 3.9 and older could switch threads at any instruction.
            "--switch-anywhere" => config.switch_any_instruction = true,
            "--json" if explain.is_some() => explain = Some(true),
            "--scheduler" => match it.next().and_then(|s| interleave::sched::Strategy::parse(s)) {
                Some(st) => scheduler = Some(st),
                None => {
                    eprintln!("interleave: --scheduler takes cpython, random, pct, pct:DEPTH or replay");
                    return ExitCode::from(2);
                }
            },
            // A choice log to follow: exactly (the default with it), or as a prefix for another strategy.
            "--replay" => match it.next() {
                Some(log) => config.choices = Some(log.clone()),
                None => {
                    eprintln!("interleave: --replay takes a choice log (v1....)");
                    return ExitCode::from(2);
                }
            },
            "--json" if explore.is_some() => {
                if let Some(e) = &mut explore {
                    e.0 = true;
                }
            }
            "--no-por" if explore.is_some() => {
                if let Some(e) = &mut explore {
                    e.1.por = false;
                }
            }
            "--max-schedules" | "--preemptions" if explore.is_some() => {
                let Some(n) = it.next().and_then(|s| s.parse::<u32>().ok()) else {
                    eprintln!("interleave: {a} takes a whole number");
                    return ExitCode::from(2);
                };
                if let Some(e) = &mut explore {
                    if a == "--preemptions" {
                        e.1.preemptions = n;
                    } else {
                        e.1.max_schedules = n.max(1) as usize;
                    }
                }
            }
            _ if file.is_none() => file = Some(a.clone()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let source = match std::fs::read(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("interleave: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    // CPython names the main script by its absolute path in tracebacks and warnings.
    let filename = std::path::absolute(&file).map_or(file, |p| p.to_string_lossy().into_owned());
    let default_scheduler = match config.choices {
        Some(_) => Strategy::Replay,
        None => Strategy::Cpython,
    };
    let config = Config {
        filename,
        seed,
        track_accesses: explain.is_some(),
        scheduler: scheduler.unwrap_or(default_scheduler),
        ..config
    };
    let mut out = std::io::stdout().lock();
    if let Some((json, options)) = explore {
        let report = interleave::sched::explore::explore(&source, &config, &options);
        let text = if json {
            report.to_json() + "\n"
        } else {
            report.to_text()
        };
        let _ = out.write_all(text.as_bytes());
        return ExitCode::SUCCESS;
    }
    let mut session = Session::from_bytes(&source, config.clone());
    let code = session.run_to_end();
    if let Some(json) = explain {
        // The findings only, and exit status 0: the program's own status is not this command's.
        let findings = session.findings();
        let text = if json {
            interleave::findings::to_json(findings) + "\n"
        } else {
            findings.iter().map(|f| f.to_line() + "\n").collect()
        };
        let _ = out.write_all(text.as_bytes());
        return ExitCode::SUCCESS;
    }
    let _ = out.write_all(session.stdout().as_bytes());
    let _ = out.flush();
    let _ = std::io::stderr().write_all(session.stderr().as_bytes());
    match trace.as_deref() {
        Some("text") => {
            let _ = out.write_all(session.trace().to_text().as_bytes());
            if config.scheduler != Strategy::Cpython || config.choices.is_some() {
                let _ = writeln!(out, "choices {}", session.choice_log());
            }
        }
        // The run file's format (`runfile.rs`, docs/run-format.md): the page opens what this prints.
        Some("json") => {
            let (stdout, stderr) = (session.stdout(), session.stderr());
            let run = runfile::RunView {
                code: &String::from_utf8_lossy(&source),
                settings: &runfile::Settings::of(&config),
                trace: session.trace(),
                now: session.now(),
                exit_status: Some(code),
                stdout,
                stderr,
            };
            let _ = out.write_all(runfile::write(&run).as_bytes());
        }
        Some(other) => eprintln!("interleave: unknown trace format '{other}' (text or json)"),
        None => {}
    }
    if let Some(path) = svg {
        let mut replay = Replay::new();
        replay.extend(session.trace());
        let picture = interleave::svg::timeline(session.trace(), &replay, session.now());
        if let Err(e) = std::fs::write(&path, picture) {
            eprintln!("interleave: can't write '{path}': {e}");
            return ExitCode::from(2);
        }
    }
    if let Some(e) = session.schedule_error() {
        eprintln!("interleave: {e}");
        return ExitCode::from(2);
    }
    ExitCode::from(code.clamp(0, 255) as u8)
}
