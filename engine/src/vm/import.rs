//! Imports: the builtin modules, the asyncio prelude, and running module source to make a module.

use super::frame::{Ret, Thread};
use super::Vm;
use crate::code::Code;
use crate::dict::Dict;
use crate::exc::{Exc, ExcType, PyResult};
use crate::value::{Module, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Modules of CPython's standard library that programs may import and Interleave does not have yet.
const STDLIB_NOT_YET: &str =
    "argparse array ast atexit base64 binascii bz2 calendar cmath codecs configparser copyreg \
    cProfile csv ctypes decimal difflib dis doctest email errno fnmatch fractions gc getopt getpass glob graphlib \
    gzip hmac html importlib io ipaddress keyword linecache locale lzma mmap numbers optparse pathlib pdb platform \
    pprint profile pstats re reprlib secrets shelve shlex shutil sqlite3 stat struct tarfile tempfile \
    timeit tkinter tomllib tracemalloc unicodedata unittest uuid weakref zipfile zlib zoneinfo";

impl Vm {
    pub fn import(&mut self, name: &str) -> PyResult {
        if let Some(m) = self.modules.get_str(name) {
            return Ok(m);
        }
        let m = match name {
            "_interleave" => {
                let d = crate::asyncio::install(self);
                self.module_value(name, d)
            }
            "asyncio" => self.exec_module_source("asyncio", ASYNCIO_PRELUDE)?,
            _ => match crate::modules::load(self, name)? {
                Some(m) => m,
                None => {
                    // `import a.b`: a package's submodule (`concurrent.futures`, `asyncio.queues`).
                    if let Some((pkg, _)) = name.split_once('.') {
                        if pkg == "asyncio" {
                            return self.import("asyncio");
                        }
                    }
                    let top = name.split('.').next().unwrap_or(name);
                    let msg = if STDLIB_NOT_YET.split(' ').any(|m| m == top) {
                        // CPython has it: say that it is Interleave that does not, not the program.
                        format!(
                            "No module named '{name}': Interleave runs a part of Python's standard library, and \
                             '{top}' is not in it yet"
                        )
                    } else {
                        format!("No module named '{name}'")
                    };
                    return Err(Exc::new(ExcType::ModuleNotFoundError, msg));
                }
            },
        };
        self.modules.set_str(name, m.clone());
        Ok(m)
    }

    pub fn module_value(&mut self, name: &str, dict: Dict) -> Value {
        let mut dict = dict;
        dict.set_str("__name__", Value::str(name));
        Value::Module(Rc::new(Module {
            name: Rc::from(name),
            dict: Rc::new(RefCell::new(dict)),
        }))
    }

    /// `import name` from an instruction: a module written in Python runs as a frame on this thread, so the
    /// budget can interrupt it like any other code; native modules are made at once.
    pub fn import_into(&mut self, th: &mut Thread, name: &str) -> PyResult<Option<Value>> {
        if let Some(m) = self.modules.get_str(name) {
            return Ok(Some(m));
        }
        if name == "__mp_main__" {
            return self.main_module_frame(th);
        }
        let src = match name {
            "asyncio" => Some(ASYNCIO_PRELUDE),
            _ => crate::modules::source(name),
        };
        let Some(src) = src else {
            return self.import(name).map(Some);
        };
        let (m, frame) = self.module_frame(name, src)?;
        if self.ts.depth + 1 > self.recursion_limit {
            return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        let _ = m;
        th.frames.push(frame);
        self.ts.depth += 1;
        Ok(None)
    }

    /// A spawned child's `import __mp_main__`: the program's own code runs again, as the module `__mp_main__`
    /// (which is `__main__` too), in the child's main globals.
    fn main_module_frame(&mut self, th: &mut Thread) -> PyResult<Option<Value>> {
        let Some(code) = self.main_code.clone() else {
            return Err(Exc::new(ExcType::ModuleNotFoundError, "No module named '__mp_main__'"));
        };
        let globals = self.main_globals.clone();
        let m = Value::Module(Rc::new(Module {
            name: Rc::from("__mp_main__"),
            dict: globals.clone(),
        }));
        self.modules.set_str("__mp_main__", m.clone());
        self.modules.set_str("__main__", m.clone());
        th.frames.push(self.new_frame(code, globals, Ret::Import(m)));
        self.ts.depth += 1;
        Ok(None)
    }

    /// Compiles a module's source and makes its (cached) module object and the frame that runs its body.
    fn module_frame(
        &mut self,
        name: &str,
        source: crate::modules::Span,
    ) -> PyResult<(Value, Box<super::frame::Frame>)> {
        let code = compiled_module(name, source)?;
        let mut d = Dict::new();
        d.set_str("__name__", Value::str(name));
        let globals = Rc::new(RefCell::new(d));
        let m = Value::Module(Rc::new(Module {
            name: Rc::from(name),
            dict: globals.clone(),
        }));
        // Cached before its body runs, so a module importing itself indirectly sees it.
        self.modules.set_str(name, m.clone());
        let frame = self.new_frame(code, globals, Ret::Import(m.clone()));
        Ok((m, frame))
    }

    /// Compiles and runs `source` as the module `name` (its frames hidden from tracebacks), to its end.
    pub fn exec_module_source(&mut self, name: &str, source: crate::modules::Span) -> PyResult {
        let (m, mut frame) = self.module_frame(name, source)?;
        frame.ret = Ret::Exit;
        let mut th = Thread::default();
        th.frames.push(frame);
        let saved_line = self.ts.line;
        let r = self.run_nested_thread(&mut th);
        self.ts.line = saved_line;
        if let Err(e) = r {
            self.modules.remove_str(name);
            return Err(e);
        }
        Ok(m)
    }
}

/// Where the asyncio runtime's source is; a `static`, like every module's place that [`compiled_module`] keys on.
static ASYNCIO_PRELUDE: crate::modules::Span = runtime_source!("asyncio/prelude.py");

/// Compiles the asyncio runtime ahead of its first import (the page does this while the learner reads), so
/// that the first `import asyncio` of a run does not stall. Touches no session.
pub fn precompile_runtime() {
    let _ = compiled_module("asyncio", ASYNCIO_PRELUDE);
}

/// The runtime modules a threads or processes program imports, which the page compiles ahead too, one at a
/// time after the asyncio runtime ([`precompile_module`]): `multiprocessing` alone takes tens of milliseconds
/// to compile in the page, a stalled frame at the first run that imports it.
pub const WARM_MODULES: &[&str] = &[
    "threading",
    "queue",
    "collections",
    "itertools",
    "os",
    "concurrent",
    "concurrent.futures",
    "pickle",
    "multiprocessing",
];

/// Compiles the runtime module `name` ahead of its first import, as [`precompile_runtime`] does asyncio.
pub fn precompile_module(name: &str) {
    if let Some(source) = crate::modules::ahead_source(name) {
        let _ = compiled_module(name, source);
    }
}

thread_local! {
    /// The runtime's modules compiled once per thread: their sources are fixed, code objects are immutable, and
    /// parsing the asyncio prelude anew for every run would stall the page at each Run. Keyed by the name and
    /// where the source starts in the runtime's sources, which identify a built-in source.
    static COMPILED: RefCell<HashMap<(String, usize), Rc<Code>>> = RefCell::new(HashMap::new());
}

fn compiled_module(name: &str, source: crate::modules::Span) -> PyResult<Rc<Code>> {
    let key = (name.to_string(), source.0);
    if let Some(code) = COMPILED.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(code);
    }
    let Some(text) = crate::modules::text(source) else {
        return Err(Exc::new(
            ExcType::SystemError,
            format!("module {name}'s source is missing"),
        ));
    };
    let tree = crate::parser::parse(&text).map_err(|e| {
        Exc::new(
            ExcType::SystemError,
            format!("module {name} failed to parse: line {}: {}", e.line, e.msg),
        )
    })?;
    let code = crate::compiler::compile(&tree, &format!("<{name}>"), true).map_err(|e| {
        Exc::new(
            ExcType::SystemError,
            format!("module {name} failed to compile: line {}: {}", e.line, e.msg),
        )
    })?;
    COMPILED.with(|c| c.borrow_mut().insert(key, code.clone()));
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each module the page compiles ahead is one written in Python, and compiling it ahead fills the cache its
    /// import then uses.
    #[test]
    fn the_warm_modules_compile_into_the_cache_their_import_reads() {
        for name in WARM_MODULES {
            let source = crate::modules::ahead_source(name).unwrap_or_else(|| panic!("{name} has no Python source"));
            precompile_module(name);
            let key = (name.to_string(), source.0);
            assert!(
                COMPILED.with(|c| c.borrow().contains_key(&key)),
                "{name} was not compiled"
            );
        }
    }

    /// Every runtime module decodes to exactly the text `build.rs` minified (which `scripts/runtime_minified.py`
    /// compares with its source), and the compressed stream is smaller than a third of those texts.
    #[test]
    fn the_compressed_runtime_modules_decode_to_their_minified_text() {
        let dir = std::path::Path::new(env!("OUT_DIR")).join("runtime");
        let (mut seen, mut text_len) = (0, 0);
        for sub in ["asyncio", "modules"] {
            for entry in std::fs::read_dir(dir.join(sub)).expect("the runtime's folder") {
                let path = entry.expect("an entry").path();
                if path.extension().is_some_and(|e| e == "py") {
                    let text = std::fs::read_to_string(&path).expect("a minified module");
                    let span = std::fs::read_to_string(path.with_extension("py.span")).expect("its place");
                    let (from, to) = span
                        .trim_matches(['(', ')'])
                        .split_once(", ")
                        .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                        .expect("a place");
                    assert_eq!(
                        crate::modules::text((from, to)).as_deref(),
                        Some(&*text),
                        "{}",
                        path.display()
                    );
                    text_len += text.len();
                    seen += 1;
                }
            }
        }
        assert!(seen > 40, "only {seen} runtime modules found");
        let compressed = std::fs::metadata(dir.join("all.lzma")).expect("the stream").len() as usize;
        assert!(
            compressed * 3 < text_len,
            "{compressed} bytes compressed from {text_len}"
        );
    }

    /// A stream cut short or garbled is no text, and no panic.
    #[test]
    fn a_damaged_stream_decodes_to_nothing() {
        let stream = std::fs::read(std::path::Path::new(env!("OUT_DIR")).join("runtime/all.lzma")).expect("the stream");
        let size: usize = include!(concat!(env!("OUT_DIR"), "/runtime/size"));
        assert!(crate::lzma::decode(&stream, size).is_some_and(|d| d.len() == size));
        assert_eq!(crate::lzma::decode(&stream[..10], size), None);
        assert_eq!(crate::lzma::decode(&[0xff; 40], size), None);
        // A garbled or cut stream may still decode to bytes (a range coder reads any bits), but never panics.
        for k in 0..16 {
            let mut garbled = stream.clone();
            garbled[14 + k * (stream.len() - 15) / 16] ^= 0x5a;
            let _ = crate::lzma::decode(&garbled, size);
        }
        let _ = crate::lzma::decode(&stream[..stream.len() / 2], size);
    }
}
