//! Interleave's engine: a Python-subset interpreter whose coroutines run on a deterministic,
//! single-threaded executor over a virtual clock, recording every scheduling event.

/// Where a runtime module's Python source is in the runtime's compressed sources (`build.rs` wrote it without
/// comments and blank lines, and packed it; `modules::text` restores its text). `$path` is relative to `src/`.
macro_rules! runtime_source {
    ($path:literal) => {
        include!(concat!(env!("OUT_DIR"), "/runtime/", $path, ".span"))
    };
}

pub mod ast;
pub mod asyncio;
pub mod builtins;
pub mod code;
pub mod compiler;
pub mod dict;
pub mod digests;
pub mod exc;
pub mod findings;
pub mod floatread;
pub mod json;
pub mod lexer;
pub mod lzma;
pub mod memory;
pub mod modules;
pub mod mt;
pub mod native;
pub mod net;
pub mod parser;
pub mod procs;
pub mod pyconv;
pub mod pyerr;
pub mod pyfmt;
pub mod pynum;
pub mod pypercent;
pub mod pyspec;
pub mod pystr;
pub mod pystrcase;
pub mod pystrformat;
pub mod pyunicode;
pub mod replay;
pub mod runfile;
pub mod sched;
pub mod session;
pub mod sha512;
pub mod smallsort;
pub mod source;
pub mod svg;
pub mod threads;
pub mod trace;
pub mod types;
mod unicode_tables;
pub mod value;
pub mod vm;

/// Every allocation is counted, so that a run's memory budget holds wherever the engine runs (see `memory`).
#[global_allocator]
pub static ALLOCATOR: memory::Counting = memory::counting();

/// What a whole run printed and how it ended, as `python3 FILE.py` would report it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunResult {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// Runs a program to its end with the default configuration, jumping the virtual clock.
pub fn run_source(filename: &str, source: &str) -> RunResult {
    run_session(filename, source).0
}

/// Runs a program as [`run_source`] does and also returns its trace as text ([`trace::Trace::to_text`]).
pub fn run_source_traced(filename: &str, source: &str) -> (RunResult, String) {
    let (result, s) = run_session(filename, source);
    (result, s.trace().to_text())
}

fn run_session(filename: &str, source: &str) -> (RunResult, session::Session) {
    let config = session::Config {
        filename: filename.to_string(),
        ..session::Config::default()
    };
    let mut s = session::Session::new(source, config);
    let exit_code = s.run_to_end();
    let result = RunResult {
        stdout: s.stdout().to_string(),
        stderr: s.stderr().to_string(),
        exit_code,
    };
    (result, s)
}
