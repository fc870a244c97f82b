//! Compiled code: the instruction set the interpreter runs, and code objects with their constants and line table.

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::{Str, Value};
use std::rc::Rc;

/// One instruction. Operands index the code object's tables or give jump targets (instruction indices).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    Pop,
    /// Duplicates the top of the stack.
    Dup,
    /// Duplicates the top two items, keeping their order.
    Dup2,
    /// Swaps the top with the item `n` below it (`Swap(1)` swaps the top two).
    Swap(u32),
    /// Moves the top item `n` places down (`Rot(2)`: a b c -> c a b).
    Rot(u32),

    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: `cellvars` first, then `freevars`.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell itself, to build a closure.
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: the namespace dict, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// A class body reading a variable of the enclosing function: namespace first, then the cell.
    LoadClassDeref(u32),

    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes `method, self` for a method call (or `func, NULL` marker `None`-less: see `CallMethod`).
    LoadMethod(u32),
    /// Calls what `LoadMethod` pushed with `n` positional arguments.
    CallMethod(u32),
    Subscript,
    StoreSubscript,
    DeleteSubscript,
    /// Builds a slice from 2 or 3 items.
    BuildSlice(u32),

    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),

    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    /// Concatenates `n` strings (f-strings).
    BuildString(u32),
    /// Appends the top to the list `n` items below it (comprehensions, starred displays).
    ListAppend(u32),
    ListExtend(u32),
    SetAdd(u32),
    SetUpdate(u32),
    /// Pops a value and a key, stores them in the dict `n` items below.
    MapAdd(u32),
    DictUpdate(u32),
    /// `f(**m)`: like `DictUpdate`, for a call's keyword arguments (the function is two below the dict): the
    /// value must be a mapping, and a key given twice is an error naming the function.
    DictMerge(u32),
    ListToTuple,
    /// Formats the top: bit 0-1 conversion (0 none, 1 str, 2 repr, 3 ascii), bit 2 a spec is on the stack.
    FormatValue(u32),

    UnpackSequence(u32),
    /// `a, *b, c = ...`: `before` items, a list, `after` items.
    UnpackEx(u32, u32),

    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),

    GetIter,
    /// Pushes the next item, or pops the iterator and jumps when it is exhausted.
    ForIter(u32),
    /// `yield from`: like `ForIter`, but at the end replaces the iterator with the generator's return value.
    YieldFrom(u32),
    /// Calls with `n` positional arguments.
    Call(u32),
    /// Calls with `n` arguments, the last `k` of which are keywords named by the tuple constant `names`.
    CallKw(u32, u32),
    /// Calls with an args tuple and (if the flag is set) a kwargs dict on the stack.
    CallEx(u32),
    /// Makes a function from the code constant on top; flags: 1 defaults tuple, 2 kwdefaults dict,
    /// 4 annotations (ignored), 8 closure tuple.
    MakeFunction(u32),
    /// Runs a class body function with a namespace and makes the class: the stack holds the body
    /// function, the name, `n` bases and a kwargs dict.
    BuildClass(u32),
    ReturnValue,

    YieldValue,
    /// Turns the top into something `Await` can wait on (a coroutine or a future), or raises.
    GetAwaitable,
    /// Awaits the top: runs a coroutine in place, or suspends the task on a pending future.
    Await,
    GetAIter,
    GetANext,
    /// Ends an `async for` when the exception on top is `StopAsyncIteration`, else re-raises.
    EndAsyncFor,

    /// Pushes an exception handler block: on an exception, unwind to here and jump to the target.
    SetupExcept(u32),
    /// Like `SetupExcept`, for `finally` bodies (the handler re-raises).
    SetupFinally(u32),
    /// Like `SetupExcept`, for `with` bodies (the handler calls `__exit__`).
    SetupWith(u32),
    PopBlock,
    /// Marks entry into an `except` body: the exception on top becomes the one being handled.
    PushExcInfo,
    /// Leaves an `except` body: restores the previously handled exception.
    PopExcept,
    /// `except T:` test: pops the type, peeks the exception, pushes a bool.
    CheckExcMatch,
    /// `except* T:` split: pops the type, replaces the group on top with (rest, matched).
    CheckEgMatch,
    /// Re-raises the exception on top (end of a `finally` or unmatched handler).
    Reraise,
    /// `raise` (0), `raise x` (1), `raise x from y` (2).
    Raise(u32),
    /// Calls `__exit__` with the exception on top; pushes whether it was swallowed.
    WithExceptStart,
    /// Pushes `AssertionError`.
    LoadAssertionError,
    /// Ends an `except*` construct: re-raises what was not handled, combined with what was raised.
    PrepReraiseStar,

    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    /// A class base that is a generic alias (`list[int]`) becomes its origin.
    MroEntry,
    /// `locals()`/`vars()` (0) or `dir()` (1) without arguments in a function or class body: the frame's
    /// bound variables as a new dict, or their sorted names.
    LoadLocals(u32),
    /// `match`: pushes whether the subject on top is a sequence pattern's kind of sequence (not str or bytes).
    MatchSequence,
    /// `match`: pushes whether the subject on top is a mapping.
    MatchMapping,
    /// `match`: pushes `len()` of the top.
    GetLen,
    /// `match`: with the subject and a tuple of keys on top, pushes a tuple of their values, or `None` when
    /// one is missing.
    MatchKeys,
    /// `match`: pops the subject, the class and a tuple of keyword attribute names; pushes a tuple of the
    /// `n` positional and the keyword attributes, or `None` when the subject does not match.
    MatchClass(u32),
    /// `match`: replaces a tuple of keys on top with a dict copy of the subject below, without those keys.
    CopyDictWithoutKeys,
    /// Pops a value and, when it is not `None` in the interactive sense, nothing: used for `__debug__`-free builds.
    SetupAnnotations,
}

/// What kind of callable a code object is the body of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// A compiled function, class body or module.
#[derive(Debug)]
pub struct Code {
    pub name: Str,
    pub qualname: Str,
    pub filename: Str,
    pub kind: CodeKind,
    pub instrs: Vec<Instr>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    /// The source span of each instruction (CPython's `co_positions`), for the carets under traceback lines.
    pub spans: Vec<Span>,
    pub first_line: u32,
    pub consts: Vec<Value>,
    pub names: Vec<Str>,
    /// `dict::hash_str` of each name, computed once.
    pub name_hashes: Vec<u64>,
    /// For each name, where a global or name lookup last found it in its dict: a hint the interpreter checks
    /// before using (`u32::MAX`: none yet).
    pub name_slots: Vec<std::cell::Cell<u32>>,
    /// Parameters first, in order: positional (incl. positional-only), keyword-only, `*args`, `**kwargs`.
    pub varnames: Vec<Str>,
    pub cellvars: Vec<Str>,
    pub freevars: Vec<Str>,
    /// For each cellvar that is also a parameter, its index in `varnames`.
    pub cell_args: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// Deepest the value stack gets, to reserve it at once.
    pub stacksize: u32,
    /// The docstring, if the body starts with one.
    pub doc: Option<Str>,
    /// Part of the hidden runtime (the asyncio prelude): left out of tracebacks and trace lines.
    pub hidden: bool,
    /// A prelude method's fast path (`asyncio/fast.rs`): its place in `HOOKS` plus one; 0 for none.
    pub fast: std::cell::Cell<u8>,
}

impl Code {
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }

    /// The span of the instruction at `pc`, when it is known.
    pub fn span_at(&self, pc: usize) -> Option<Span> {
        self.spans
            .get(pc)
            .copied()
            .filter(|s| s.line > 0 && s.end_line >= s.line)
    }

    pub fn is_async(&self) -> bool {
        matches!(self.kind, CodeKind::Coroutine | CodeKind::AsyncGenerator)
    }

    pub fn total_args(&self) -> usize {
        self.argcount as usize + self.kwonlyargcount as usize + self.has_varargs as usize + self.has_varkw as usize
    }
}

pub type CodeRef = Rc<Code>;

/// Where an instruction comes from: the node being compiled when it was emitted (CPython's `co_positions`).
/// Lines are 1-based; columns are 0-based character offsets, the end exclusive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Span {
    /// The parser's start position of this span (the inverse of [`Span::between`]).
    pub fn start(&self) -> crate::ast::Pos {
        crate::ast::Pos {
            line: self.line,
            col: self.col + 1,
        }
    }

    /// The parser's end position of this span.
    pub fn end(&self) -> crate::ast::Pos {
        crate::ast::Pos {
            line: self.end_line,
            col: self.end_col + 1,
        }
    }

    /// The span from `start` to `end`, both as the parser gives them (1-based columns, `end` just past the node).
    pub fn between(start: crate::ast::Pos, end: crate::ast::Pos) -> Span {
        Span {
            line: start.line,
            col: start.col.saturating_sub(1),
            end_line: end.line,
            end_col: end.col.saturating_sub(1),
        }
    }
}
