//! Traceback objects (`exc.__traceback__`, `sys.exc_info()[2]`): one per frame the exception passed through,
//! outermost first and linked by `tb_next`, each with a frame object that says where (`f_lineno`, `f_code`'s
//! `co_name` and `co_filename`). They are made from the exception's record of the frames it left when a program
//! asks for them; the runtime's own frames are not in it, as they are not in the printed traceback.

use crate::exc::{PyResult, TbEntry};
use crate::native::NativeObject;
use crate::value::Value;
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

/// One link of a traceback: the frames it and the links after it stand for (outermost first, shared by all
/// of them), and which one is its own. `tb_next` makes the next link when asked, so a long traceback (deep
/// recursion) is one list, not a chain of objects whose drop would recurse once per frame.
pub struct TracebackObj {
    frames: Rc<[TbEntry]>,
    at: usize,
}

impl TracebackObj {
    fn place(&self) -> Rc<Place> {
        Rc::new(Place(self.frames[self.at].clone()))
    }
}

/// Where a frame of the traceback was: its file, line and function (and the frame's serial, for a stand-in
/// address stable from run to run).
struct Place(TbEntry);

/// The frame of a traceback's link, as far as a program can see it.
pub struct TbFrameObj(Rc<Place>);

/// The code of that frame: its name and file.
pub struct TbCodeObj(Rc<Place>);

impl NativeObject for TracebackObj {
    fn type_name(&self) -> &'static str {
        "traceback"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm) -> Option<PyResult<String>> {
        Some(Ok(format!(
            "<traceback object at 0x{:012x}>",
            0x7f04_0000_1000 + self.frames[self.at].frame * 0x40
        )))
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "tb_next" => link(&self.frames, self.at + 1),
            "tb_lineno" => Value::Int(i64::from(self.frames[self.at].line)),
            "tb_frame" => Value::Object(Rc::new(TbFrameObj(self.place()))),
            "tb_lasti" => Value::Int(0),
            _ => return None,
        }))
    }
}

impl NativeObject for TbFrameObj {
    fn type_name(&self) -> &'static str {
        "frame"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm) -> Option<PyResult<String>> {
        let p = &self.0 .0;
        Some(Ok(format!(
            "<frame at 0x{:012x}, file '{}', line {}, code {}>",
            0x7f05_0000_1000 + p.frame * 0x40,
            p.filename,
            p.line,
            p.name
        )))
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "f_lineno" => Value::Int(i64::from(self.0 .0.line)),
            "f_code" => Value::Object(Rc::new(TbCodeObj(self.0.clone()))),
            "f_back" => Value::None,
            _ => return None,
        }))
    }
}

impl NativeObject for TbCodeObj {
    fn type_name(&self) -> &'static str {
        "code"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _vm: &mut Vm) -> Option<PyResult<String>> {
        let p = &self.0 .0;
        Some(Ok(format!(
            "<code object {} at 0x{:012x}, file \"{}\", line {}>",
            p.name,
            0x7f06_0000_1000 + p.frame * 0x40,
            p.filename,
            p.line
        )))
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "co_name" | "co_qualname" => Value::Str(self.0 .0.name.clone()),
            "co_filename" => Value::Str(self.0 .0.filename.clone()),
            _ => return None,
        }))
    }
}

/// The link of `frames` at `at`, None past the last.
fn link(frames: &Rc<[TbEntry]>, at: usize) -> Value {
    if at < frames.len() {
        Value::Object(Rc::new(TracebackObj {
            frames: frames.clone(),
            at,
        }))
    } else {
        Value::None
    }
}

/// The traceback of an exception that left these frames (innermost first), or None when it left none.
pub fn chain(entries: &[TbEntry]) -> Value {
    let frames: Rc<[TbEntry]> = entries.iter().rev().cloned().collect();
    link(&frames, 0)
}

/// The frames of a traceback from `tb` on (outermost first), for `traceback.format_tb`.
pub fn entries(tb: &Value) -> Vec<TbEntry> {
    match tb.as_native::<TracebackObj>() {
        Some(t) => t.frames[t.at..].to_vec(),
        None => Vec::new(),
    }
}
