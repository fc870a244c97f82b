//! The syntax tree the parser builds and the compiler reads: Python 3.11's grammar, every node with its place.

use num_bigint::BigInt;
use std::rc::Rc;

/// A 1-based line and 1-based column (in characters), as CPython reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

pub type Name = Rc<str>;
pub type Body = Vec<Stmt>;

/// A whole program.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub pos: Pos,
    /// Where it ends: the line of its last token and the column just past that token (for tracebacks' carets).
    pub end: Pos,
    pub kind: StmtKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: every target gets the same value, left to right.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `x: int = 3`; `value` is `None` for a bare annotation.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    FunctionDef(Rc<FunctionDef>),
    ClassDef(Rc<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    If {
        test: Expr,
        body: Body,
        orelse: Body,
    },
    While {
        test: Expr,
        body: Body,
        orelse: Body,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Body,
        orelse: Body,
        is_async: bool,
    },
    With {
        items: Vec<WithItem>,
        body: Body,
        is_async: bool,
    },
    /// `try` with `except` or `except*` handlers (`is_star`), `else` and `finally`.
    Try {
        body: Body,
        handlers: Vec<ExceptHandler>,
        orelse: Body,
        finalbody: Body,
        is_star: bool,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from .a import b as c`; `names` is a single `*` alias for a star import.
    ImportFrom {
        module: Option<Name>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    /// `match subject:` and its `case` blocks, in order.
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub pos: Pos,
    pub name: Name,
    pub args: Arguments,
    pub body: Body,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub pos: Pos,
    pub name: Name,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Body,
    pub decorators: Vec<Expr>,
}

/// A parameter list, in Python's order: `posonly, /, args, *vararg, kwonly, **kwarg`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    pub posonly: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonly: Vec<Arg>,
    /// One entry per `kwonly` parameter; `None` where it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last `defaults.len()` of `posonly + args`.
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub pos: Pos,
    pub name: Name,
    pub annotation: Option<Expr>,
}

/// `name=value` in a call or class header; `name` is `None` for `**value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub pos: Pos,
    pub name: Option<Name>,
    pub value: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub pos: Pos,
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub vars: Option<Expr>,
}

/// `a.b.c as d`: `name` is the dotted name, `*` for a star import.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub pos: Pos,
    pub name: Name,
    pub asname: Option<Name>,
}

/// `case pattern if guard: body`
#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pos: Pos,
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub pos: Pos,
    pub kind: PatternKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    /// A literal or a dotted name, compared with `==`.
    Value(Expr),
    /// `None`, `True` or `False`, compared with `is`.
    Singleton(Constant),
    /// `[a, *rest, b]` or `(a, b)`: at most one `Star` among the items.
    Sequence(Vec<Pattern>),
    /// `*name` (or `*_`, `None`) inside a sequence pattern.
    Star(Option<Name>),
    /// `{key: pattern, **rest}`: keys are literals or dotted names.
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Name>,
    },
    /// `Cls(p, q, attr=r)`
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Name>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `pattern as name`; a bare capture has no pattern, the wildcard `_` neither pattern nor name.
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<Name>,
    },
    /// `p | q | r`
    Or(Vec<Pattern>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub pos: Pos,
    /// Where it ends, as for [`Stmt::end`]; a parenthesized expression ends inside its parentheses.
    pub end: Pos,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Name(Name),
    Constant(Constant),
    /// An f-string, after implicit concatenation with neighbouring literals.
    JoinedStr(Vec<FStringPart>),
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c`: at least two values.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: `ops.len() == comparators.len() >= 1`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// Positional `args` may hold `Starred` for `*xs`; keywords with no name are `**kw`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    /// `value[index]`; a slice index is an `ExprKind::Slice`, `a[1:2, 3]` a `Tuple` holding one.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **other}`: a `None` key marks `**value`.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `*value` in a call, a display or an assignment target.
    Starred(Box<Expr>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `(name := value)`
    NamedExpr {
        target: Name,
        value: Box<Expr>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    Literal(Rc<str>),
    /// `{value!conversion:format_spec}`; `debug` holds the source text and `=` of `{x=}`.
    Formatted {
        value: Box<Expr>,
        conversion: Option<char>,
        format_spec: Option<Vec<FStringPart>>,
        debug: Option<Rc<str>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    /// An imaginary literal such as `2j`: its imaginary part.
    Imag(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Ellipsis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// A syntax error in CPython's words, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The message after the colon, e.g. `invalid syntax` or
    /// `expected an indented block after 'if' statement on line 3`.
    pub msg: String,
    /// 1-based line and column (in characters) where CPython puts the caret.
    pub line: u32,
    pub col: u32,
    /// Where CPython's caret run ends: the line, and the 1-based column just past the run, when the error
    /// covers more than one character (a token, a statement); a run onto a later line is underlined to the end
    /// of the error's line.
    pub end: Option<Pos>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}
