//! Exceptions at run time: making exception objects, matching `except` clauses, raising, chaining and tracebacks.

use super::frame::Thread;
use super::Vm;
use crate::exc::{Exc, ExcData, ExcType, PyResult, TbEntry};
use crate::value::{BaseKind, Str, Value};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// Turns an `Exc` into an exception object.
    pub fn materialize(&mut self, e: Exc) -> Value {
        match e {
            Exc::Raised(v) => v,
            Exc::Msg(t, msg) => self.exc_new(t, vec![Value::str(&msg)]),
            Exc::Args(t, args) => self.exc_new(t, args),
        }
    }

    pub fn exc_new(&mut self, t: ExcType, args: Vec<Value>) -> Value {
        let cls = self.types.exc(t);
        self.new_instance(&cls, &args)
    }

    pub fn exc_data<'a>(&self, v: &'a Value) -> Option<&'a RefCell<ExcData>> {
        match v {
            Value::Instance(i) => i.exc.as_ref(),
            _ => None,
        }
    }

    pub fn exc_is(&self, v: &Value, t: ExcType) -> bool {
        self.isinstance(v, &self.types.exc(t))
    }

    /// Whether an `Exc` (made or not yet) is of the given type.
    pub fn exc_kind_is(&self, e: &Exc, t: ExcType) -> bool {
        match e {
            Exc::Raised(v) => self.exc_is(v, t),
            Exc::Msg(k, _) | Exc::Args(k, _) => {
                let mut k = *k;
                loop {
                    if k == t {
                        return true;
                    }
                    if k == k.parent() {
                        return false;
                    }
                    k = k.parent();
                }
            }
        }
    }

    pub fn set_cause(&self, new: &Value, cause: &Value) {
        if let Some(d) = self.exc_data(new) {
            let mut d = d.borrow_mut();
            d.cause = cause.clone();
            d.suppress_context = true;
        }
    }

    pub fn add_traceback(&self, exc: &Value, entry: TbEntry) {
        if let Some(d) = self.exc_data(exc) {
            let mut d = d.borrow_mut();
            if d.traceback.last().is_some_and(|l| l.frame == entry.frame) {
                return;
            }
            d.traceback.push(entry);
        }
    }

    pub fn exc_attr(&self, exc: &RefCell<ExcData>, name: &str) -> Option<Value> {
        let d = exc.borrow();
        Some(match name {
            "args" => Value::tuple(d.args.clone()),
            "__cause__" => d.cause.clone(),
            "__context__" => d.context.clone(),
            "__suppress_context__" => Value::Bool(d.suppress_context),
            "__traceback__" => super::tb::chain(&d.traceback),
            "__notes__" if !d.notes.is_empty() => Value::list(d.notes.clone()),
            "exceptions" => match &d.group {
                Some((_, excs)) => Value::tuple(excs.clone()),
                None => return None,
            },
            "message" => match &d.group {
                Some((m, _)) => m.clone(),
                None => return None,
            },
            _ => return None,
        })
    }

    pub fn exc_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Class(c) => {
                if !c.is_subclass(&self.types.exc(ExcType::BaseException)) {
                    return Err(Exc::type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.isinstance(exc, c))
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if self.exc_matches(exc, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(Exc::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Makes an exception group of the same kind as `like`, with the given members.
    pub fn regroup(&mut self, like: &Value, excs: Vec<Value>) -> Value {
        let (cls, msg) = match like {
            Value::Instance(i) => {
                let msg = i
                    .exc
                    .as_ref()
                    .and_then(|d| d.borrow().group.as_ref().map(|g| g.0.clone()));
                (i.class.borrow().clone(), msg.unwrap_or_else(|| Value::str("")))
            }
            _ => (self.types.exc(ExcType::ExceptionGroup), Value::str("")),
        };
        let v = self.new_instance(&cls, &[msg.clone(), Value::list(excs.clone())]);
        if let Some(d) = self.exc_data(&v) {
            d.borrow_mut().group = Some((msg, excs));
        }
        if let (Some(src), Some(dst)) = (self.exc_data(like), self.exc_data(&v)) {
            let src = src.borrow();
            let mut dst = dst.borrow_mut();
            dst.traceback = src.traceback.clone();
            dst.context = src.context.clone();
            dst.cause = src.cause.clone();
        }
        v
    }

    /// `except* T`: splits the group on top into the part not matching and the part matching.
    pub fn split_group(&mut self, group: &Value, typ: &Value) -> PyResult<(Value, Value)> {
        let members = self
            .exc_data(group)
            .and_then(|d| d.borrow().group.as_ref().map(|g| g.1.clone()));
        let Some(members) = members else {
            // A naked exception is wrapped in a group when it matches.
            if self.exc_matches(group, typ)? {
                let eg = self.types.exc(ExcType::ExceptionGroup);
                let g = self.new_instance(&eg, &[Value::str(""), Value::list(vec![group.clone()])]);
                if let Some(d) = self.exc_data(&g) {
                    d.borrow_mut().group = Some((Value::str(""), vec![group.clone()]));
                }
                return Ok((Value::None, g));
            }
            return Ok((group.clone(), Value::None));
        };
        if typ.is_none() || self.exc_matches(group, typ)? {
            return Ok((Value::None, group.clone()));
        }
        let mut yes = Vec::new();
        let mut no = Vec::new();
        for m in members {
            if self.exc_data(&m).is_some_and(|d| d.borrow().group.is_some()) {
                self.enter_c(" while splitting an exception group")?;
                let split = self.split_group(&m, typ);
                self.leave_c();
                let (r, mt) = split?;
                if !mt.is_none() {
                    yes.push(mt);
                }
                if !r.is_none() {
                    no.push(r);
                }
            } else if self.exc_matches(&m, typ)? {
                yes.push(m);
            } else {
                no.push(m);
            }
        }
        let matched = if yes.is_empty() {
            Value::None
        } else {
            self.regroup(group, yes)
        };
        let rest = if no.is_empty() {
            Value::None
        } else {
            self.regroup(group, no)
        };
        Ok((rest, matched))
    }

    /// `raise`, `raise X`, `raise X from Y`: builds the exception to propagate, with its context.
    pub fn do_raise(&mut self, th: &mut Thread, n: u32) -> Exc {
        let f = match th.frames.last_mut() {
            Some(f) => f,
            None => return Exc::runtime("raise outside a frame"),
        };
        let cause = if n == 2 { f.stack.pop() } else { None };
        let value = if n >= 1 { f.stack.pop() } else { None };
        let Some(value) = value else {
            return match th.exc_stack.last() {
                Some(e) => Exc::Raised(e.clone()),
                None => Exc::runtime("No active exception to reraise"),
            };
        };
        let exc = match self.make_exception(value) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if let Some(cause) = cause {
            let cause = if cause.is_none() {
                Value::None
            } else {
                match self.make_exception(cause) {
                    Ok(c) => c,
                    Err(_) => return Exc::type_error("exception causes must derive from BaseException"),
                }
            };
            if let Some(d) = self.exc_data(&exc) {
                let mut d = d.borrow_mut();
                d.cause = cause;
                d.suppress_context = true;
            }
        }
        self.chain_context(th, &exc);
        Exc::Raised(exc)
    }

    /// Sets `__context__` to the exception being handled, if any (implicit chaining).
    pub fn chain_context(&self, th: &Thread, exc: &Value) {
        if let Some(handled) = th.exc_stack.last() {
            if handled.is(exc) {
                return;
            }
            if let Some(d) = self.exc_data(exc) {
                let mut d = d.borrow_mut();
                if d.context.is_none() {
                    d.context = handled.clone();
                }
            }
        }
    }

    /// An exception object from `raise X`: instances as they are, classes instantiated.
    pub fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            Value::Class(c)
                if c.base_kind == BaseKind::Exception || c.is_subclass(&self.types.exc(ExcType::BaseException)) =>
            {
                self.call(&v, vec![])
            }
            _ => Err(Exc::type_error("exceptions must derive from BaseException")),
        }
    }

    /// The qualified name CPython prints for an uncaught exception's class.
    pub fn exc_type_label(&self, exc: &Value) -> String {
        let cls = self.class_of(exc);
        match &*cls.module {
            "builtins" | "__main__" => cls.qualname.to_string(),
            m => format!("{m}.{}", cls.qualname),
        }
    }

    /// The last line of a traceback: `ValueError: boom`.
    pub fn exc_line(&mut self, exc: &Value) -> String {
        let label = self.exc_type_label(exc);
        let msg = match self.to_str(exc) {
            Ok(s) => s.to_string(),
            Err(_) => "<exception str() failed>".into(),
        };
        if msg.is_empty() {
            label
        } else {
            format!("{label}: {msg}")
        }
    }

    /// Formats an exception like CPython's default hook, chained exceptions first.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(exc, &mut out, &mut seen, 0);
        out
    }

    /// The same without the exceptions it was raised from or while handling (`traceback`'s `chain=False`).
    pub fn format_exception_alone(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        self.format_one(exc, &mut out, "", 0);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, seen: &mut Vec<usize>, depth: usize) {
        let p = exc.ptr().unwrap_or(0);
        if seen.contains(&p) || depth > 100 {
            return;
        }
        seen.push(p);
        let (cause, context, suppress) = match self.exc_data(exc) {
            Some(d) => {
                let d = d.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            }
            None => (Value::None, Value::None, false),
        };
        if !cause.is_none() {
            self.format_chain(&cause, out, seen, depth + 1);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if !context.is_none() && !suppress {
            self.format_chain(&context, out, seen, depth + 1);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        self.format_one(exc, out, "", 0);
    }

    /// A traceback's frames, outermost first, as CPython prints them (each prefixed with `pre`).
    pub fn format_entries<'a>(&mut self, entries: impl Iterator<Item = &'a TbEntry>, pre: &str, out: &mut String) {
        // Like CPython, a run of identical entries shows three times, then a count.
        let mut last: Option<(Str, u32, Str)> = None;
        let mut repeats = 0usize;
        for e in entries {
            let key = (e.filename.clone(), e.line, e.name.clone());
            if last.as_ref() == Some(&key) {
                repeats += 1;
                if repeats > 3 {
                    continue;
                }
            } else {
                repeated(out, pre, repeats);
                last = Some(key);
                repeats = 1;
            }
            out.push_str(&format!(
                "{pre}  File \"{}\", line {}, in {}\n",
                e.filename, e.line, e.name
            ));
            if let Some(src) = self.source_line(&e.filename, e.line) {
                out.push_str(&format!("{pre}    {}\n", src.trim()));
                if let Some(carets) = e.span.and_then(|span| super::carets::carets(&src, e.line, span)) {
                    out.push_str(&format!("{pre}    {carets}\n"));
                }
            }
        }
        repeated(out, pre, repeats);
    }

    fn format_one(&mut self, exc: &Value, out: &mut String, indent: &str, depth: usize) {
        // CPython shows groups ten levels deep; deeper nesting is summarised (and never recursed into).
        if depth > 10 {
            out.push_str(&format!("{indent}... (max_group_depth is 10)\n"));
            return;
        }
        let (tb, group, raised) = match self.exc_data(exc) {
            Some(d) => {
                let d = d.borrow();
                (d.traceback.clone(), d.group.clone(), d.raised)
            }
            None => (Vec::new(), None, false),
        };
        let bar = if group.is_some() { "| " } else { "" };
        if !tb.is_empty() || raised {
            if group.is_some() {
                out.push_str(&format!(
                    "{indent}  + Exception Group Traceback (most recent call last):\n"
                ));
            } else {
                out.push_str(&format!("{indent}Traceback (most recent call last):\n"));
            }
            let pre = if group.is_some() {
                format!("{indent}  {bar}")
            } else {
                indent.to_string()
            };
            self.format_entries(tb.iter().rev(), &pre, out);
        }
        let mut line = self.exc_line(exc);
        if let Some(s) = self.suggestion(exc) {
            line.push_str(&format!(". Did you mean: '{s}'?"));
        }
        let notes = self.exc_data(exc).map(|d| d.borrow().notes.clone()).unwrap_or_default();
        for n in notes {
            if let Ok(s) = self.to_str(&n) {
                line.push('\n');
                line.push_str(&s);
            }
        }
        if let Some((_, members)) = group {
            out.push_str(&format!("{indent}  | {line}\n"));
            let n = members.len();
            for (i, m) in members.iter().enumerate() {
                let head = if i == 0 { "+-+" } else { "  +" };
                out.push_str(&format!(
                    "{indent}  {head}---------------- {} ----------------\n",
                    i + 1
                ));
                let mut sub = String::new();
                self.format_one(m, &mut sub, "", depth + 1);
                for l in sub.lines() {
                    out.push_str(&format!("{indent}    | {l}\n"));
                }
                if i + 1 == n {
                    out.push_str(&format!("{indent}    +------------------------------------\n"));
                }
            }
        } else {
            out.push_str(&format!("{indent}{line}\n"));
        }
    }

    /// CPython's "Did you mean" for NameError and AttributeError, by its edit-distance rules.
    fn suggestion(&mut self, exc: &Value) -> Option<String> {
        let (name, place) = self.exc_data(exc)?.borrow().hint.clone()?;
        let lists: Vec<Vec<String>> = if self.exc_is(exc, ExcType::NameError) {
            match &place {
                Value::Tuple(t) => t
                    .iter()
                    .map(|l| match l {
                        Value::Tuple(items) => items
                            .iter()
                            .filter_map(|v| match v {
                                Value::Str(s) => Some(s.to_string()),
                                _ => None,
                            })
                            .collect(),
                        _ => Vec::new(),
                    })
                    .collect(),
                _ => return None,
            }
        } else {
            let dir = crate::builtins::dir_of(self, &place).ok()?;
            vec![dir]
        };
        lists.iter().find_map(|l| best_match(&name, l))
    }

    /// The program's source line `line` as written (indentation included), unless it is blank.
    fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        if filename != &*self.filename || line == 0 {
            return None;
        }
        let l = self.source.lines().nth(line as usize - 1)?;
        (!l.trim().is_empty()).then(|| l.to_string())
    }
}

/// CPython's note for a traceback entry shown three times and then repeated more.
fn repeated(out: &mut String, pre: &str, repeats: usize) {
    if repeats > 3 {
        let n = repeats - 3;
        let s = if n == 1 { "" } else { "s" };
        out.push_str(&format!("{pre}  [Previous line repeated {n} more time{s}]\n"));
    }
}

const MOVE_COST: usize = 2;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        1
    } else {
        MOVE_COST
    }
}

fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a = &a[..a.len() - suf];
    b = &b[..b.len() - suf];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > 40 || b.len() > 40 {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate within CPython's distance bound, first one winning ties.
fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > 750 {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.clone())
}

/// The methods every exception has, and those of exception groups.
pub fn install(vm: &mut Vm) {
    use crate::native::NativeFn;
    let base: &[(&'static str, NativeFn)] = &[
        ("add_note", |vm, a, _| {
            let (Some(e), Some(note)) = (a.first(), a.get(1)) else {
                return Err(Exc::type_error("add_note() takes exactly one argument"));
            };
            if !matches!(note, Value::Str(_)) {
                return Err(Exc::type_error(format!(
                    "note must be a str, not '{}'",
                    vm.type_name(note)
                )));
            }
            if let Some(d) = vm.exc_data(e) {
                d.borrow_mut().notes.push(note.clone());
            }
            Ok(Value::None)
        }),
        ("with_traceback", |_, a, _| Ok(a.first().cloned().unwrap_or_default())),
        ("__init__", |vm, a, _| {
            if let Some(d) = a.first().and_then(|e| vm.exc_data(e)) {
                d.borrow_mut().args = a.get(1..).unwrap_or(&[]).to_vec();
            }
            Ok(Value::None)
        }),
    ];
    let cls = vm.types.exc(ExcType::BaseException);
    crate::types::add_methods(&cls, "BaseException", base);
    let group: &[(&'static str, NativeFn)] = &[
        ("split", |vm, a, _| {
            let g = a.first().cloned().unwrap_or_default();
            let cond = a.get(1).cloned().unwrap_or_default();
            let (rest, matched) = vm.split_group(&g, &cond)?;
            Ok(Value::tuple(vec![matched, rest]))
        }),
        ("subgroup", |vm, a, _| {
            let g = a.first().cloned().unwrap_or_default();
            let cond = a.get(1).cloned().unwrap_or_default();
            let (_, matched) = vm.split_group(&g, &cond)?;
            Ok(matched)
        }),
        ("derive", |vm, a, _| {
            let g = a.first().cloned().unwrap_or_default();
            let excs = a.get(1).cloned().unwrap_or_default();
            let items = vm.collect(&excs)?;
            Ok(vm.regroup(&g, items))
        }),
    ];
    let cls = vm.types.exc(ExcType::BaseExceptionGroup);
    crate::types::add_methods(&cls, "BaseExceptionGroup", group);
}

/// A shared empty exception payload, for callers that need a placeholder.
pub fn empty_data() -> Rc<RefCell<ExcData>> {
    Rc::new(RefCell::new(ExcData::default()))
}
