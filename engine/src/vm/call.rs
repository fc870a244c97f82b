//! Calls: binding arguments to parameters, making functions and classes, instantiating classes.

use super::frame::{Frame, Ret, Thread};
use super::{Exit, Vm};
use crate::code::{Code, CodeKind};
use crate::dict::Dict;
use crate::exc::{Exc, ExcData, ExcType, PyResult};
use crate::value::{BaseKind, BuiltinType, Class, ClassFlags, Function, Instance, Str, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What calling something amounts to: a value now, or a frame to run.
pub enum Prepared {
    Value(Value),
    Frame(Box<Frame>),
}

impl Vm {
    pub fn make_function(
        &mut self,
        code: Rc<Code>,
        globals: Rc<RefCell<Dict>>,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> Value {
        let defaults = match defaults {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwdefaults {
            Some(Value::Dict(d)) => d
                .borrow()
                .items()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let closure = match closure {
            Some(Value::Tuple(t)) => t
                .iter()
                .filter_map(|c| match c {
                    Value::Cell(c) => Some(c.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let doc = code.doc.clone().map_or(Value::None, Value::Str);
        // `__module__` is the defining module's `__name__` (`__mp_main__` for a spawned child's program).
        let module = match globals.borrow().get_str("__name__") {
            Some(Value::Str(s)) => s,
            _ => Rc::from("__main__"),
        };
        Value::Function(Rc::new(Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            globals,
            defaults,
            kwdefaults,
            closure,
            attrs: RefCell::new(Dict::new()),
            doc,
            module,
            code,
        }))
    }

    /// Prepares a call: natives run at once, Python functions become frames (or generator objects).
    pub fn prepare_call(&mut self, func: Value, mut args: Vec<Value>, kwargs: Vec<(Str, Value)>) -> PyResult<Prepared> {
        match func {
            Value::Function(f) => self.call_function(&f, args, kwargs, Ret::Push),
            Value::Native(n) => {
                if let Some(b) = &n.bound {
                    args.insert(0, b.clone());
                }
                if n.defer != crate::value::Deferral::Never {
                    if let Some(p) = self.defer_native(n.defer, &args, &kwargs)? {
                        return Ok(p);
                    }
                }
                let v = (n.func)(self, &args, &kwargs)?;
                Ok(Prepared::Value(v))
            }
            Value::Method(m) => {
                let (recv, f) = (m.0.clone(), m.1.clone());
                args.insert(0, recv);
                self.prepare_call(f, args, kwargs)
            }
            Value::Class(c) => self.instantiate(&c, args, kwargs),
            Value::Instance(ref i) => {
                let cls = i.class.borrow().clone();
                match cls.lookup("__call__") {
                    Some(call) => {
                        args.insert(0, func.clone());
                        self.prepare_call(call, args, kwargs)
                    }
                    None => Err(Exc::type_error(format!("'{}' object is not callable", cls.name))),
                }
            }
            Value::Object(ref o) => {
                if let Some(cls) = self.types.native(o.type_name()) {
                    if let Some(call) = cls.lookup("__call__") {
                        args.insert(0, func.clone());
                        return self.prepare_call(call, args, kwargs);
                    }
                }
                Err(Exc::type_error(format!("'{}' object is not callable", o.type_name())))
            }
            other => Err(Exc::type_error(format!(
                "'{}' object is not callable",
                self.type_name(&other)
            ))),
        }
    }

    pub fn call_function(
        &mut self,
        f: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Vec<(Str, Value)>,
        ret: Ret,
    ) -> PyResult<Prepared> {
        let code = f.code.clone();
        let mut frame = self.new_frame(code.clone(), f.globals.clone(), ret);
        self.bind_args(f, &mut frame, args, kwargs)?;
        // Cells: parameters captured by inner functions start out holding the argument.
        for (i, arg) in code.cell_args.iter().enumerate() {
            let init = match arg {
                Some(a) => std::mem::replace(&mut frame.locals[*a as usize], Value::Null),
                None => Value::Null,
            };
            let _ = i;
            frame.cells.push(Rc::new(RefCell::new(init)));
        }
        frame.cells.extend(f.closure.iter().cloned());
        match code.kind {
            CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator => {
                Ok(Prepared::Value(self.make_generator(f, frame)))
            }
            _ => Ok(Prepared::Frame(frame)),
        }
    }

    /// The generator, coroutine or async generator object that will run `frame`, a call of `f`.
    fn make_generator(&mut self, f: &Rc<Function>, frame: Box<Frame>) -> Value {
        let code = &f.code;
        let sink = if code.kind == CodeKind::Coroutine {
            Some(self.warnings.clone())
        } else {
            None
        };
        self.object_serial += 1;
        let g = super::gen::Generator {
            serial: self.object_serial,
            kind: code.kind,
            name: f.name.borrow().clone(),
            qualname: f.qualname.borrow().clone(),
            frame: RefCell::new(Some(frame)),
            state: Cell::new(super::gen::GenState::Created),
            first_line: code.first_line,
            filename: code.filename.clone(),
            sink,
            frame_obj: RefCell::new(None),
        };
        // The frame points back at its generator only while it runs (see `Vm::push_gen`),
        // so a suspended generator is no reference cycle and is dropped like CPython's.
        Value::Gen(Rc::new(g))
    }

    /// Calls a plain function whose arguments are on the caller's stack from index `first`, moving them
    /// straight into the new frame's locals; the caller's stack is then cut to `keep` items (dropping the
    /// function and `LoadMethod`'s marker). A generator or coroutine function's frame goes into the object
    /// pushed as the call's result instead. Only for calls where `binds_directly` holds.
    pub(super) fn push_direct_call(
        &mut self,
        th: &mut Thread,
        func: &Rc<Function>,
        first: usize,
        keep: usize,
    ) -> PyResult<()> {
        let code = &func.code;
        if code.fast.get() != 0 && self.fast_call(th, code, first, keep)? {
            return Ok(());
        }
        let runs_now = code.kind == CodeKind::Function;
        if runs_now && self.ts.depth + 1 > self.recursion_limit {
            return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        let mut frame = self.new_frame(code.clone(), func.globals.clone(), Ret::Push);
        let Some(caller) = th.frames.last_mut() else {
            return Err(Exc::new(ExcType::SystemError, "internal error: no calling frame"));
        };
        let nargs = caller.stack.len().saturating_sub(first);
        // The arguments into the first locals, popped last first, then the callee (and `self`'s marker)
        // off: at "z" a `drain` and a `truncate` are calls with loops of their own, a `pop` is not.
        for j in (0..nargs).rev() {
            let arg = match caller.stack.pop() {
                Some(v) => v,
                None => break,
            };
            if let Some(slot) = frame.locals.get_mut(j) {
                *slot = arg;
            }
        }
        while caller.stack.len() > keep {
            caller.stack.pop();
        }
        // Defaults fill the last positional parameters.
        let argcount = code.argcount as usize;
        let first_def = argcount.saturating_sub(func.defaults.len());
        for i in nargs..argcount {
            if let (Some(slot), Some(d)) = (frame.locals.get_mut(i), func.defaults.get(i - first_def)) {
                *slot = d.clone();
            }
        }
        for arg in code.cell_args.iter() {
            let init = match arg {
                Some(a) => std::mem::replace(&mut frame.locals[*a as usize], Value::Null),
                None => Value::Null,
            };
            frame.cells.push(Rc::new(RefCell::new(init)));
        }
        frame.cells.extend(func.closure.iter().cloned());
        if runs_now {
            th.frames.push(frame);
            self.ts.depth += 1;
        } else {
            // Calling a generator or coroutine function only makes the object.
            let g = self.make_generator(func, frame);
            if let Some(caller) = th.frames.last_mut() {
                caller.stack.push(g);
            }
        }
        Ok(())
    }

    fn bind_args(
        &mut self,
        f: &Rc<Function>,
        frame: &mut Frame,
        args: Vec<Value>,
        kwargs: Vec<(Str, Value)>,
    ) -> PyResult<()> {
        let code = &f.code;
        let qual = f.qualname.borrow().clone();
        let nargs = code.argcount as usize;
        let nkw = code.kwonlyargcount as usize;
        let npos = args.len();
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < nargs {
                frame.locals[i] = a;
            } else {
                extra.push(a);
            }
        }
        let varargs_slot = nargs + nkw;
        let varkw_slot = varargs_slot + code.has_varargs as usize;
        if !extra.is_empty() && !code.has_varargs {
            let ndef = f.defaults.len();
            let plural = if nargs == 1 { "" } else { "s" };
            let given = if npos == 1 { "was" } else { "were" };
            let takes = if ndef > 0 {
                format!("from {} to {} positional arguments", nargs - ndef.min(nargs), nargs)
            } else {
                format!("{nargs} positional argument{plural}")
            };
            let kwgiven = kwargs.len();
            let extra_kw = if kwgiven > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if npos == 1 { "" } else { "s" },
                    kwgiven,
                    if kwgiven == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            if kwgiven > 0 {
                return Err(Exc::type_error(format!(
                    "{qual}() takes {takes} but {npos}{extra_kw} were given"
                )));
            }
            return Err(Exc::type_error(format!(
                "{qual}() takes {takes} but {npos} {given} given"
            )));
        }
        if code.has_varargs {
            if let Some(slot) = frame.locals.get_mut(varargs_slot) {
                *slot = Value::tuple(extra);
            }
        }
        let mut varkw = Dict::new();
        let mut posonly_as_kw = Vec::new();
        for (k, v) in kwargs {
            let pos = code.varnames[..nargs + nkw].iter().position(|n| **n == *k);
            match pos {
                Some(i) if i >= code.posonlyargcount as usize => {
                    if !matches!(frame.locals[i], Value::Null) {
                        return Err(Exc::type_error(format!(
                            "{qual}() got multiple values for argument '{k}'"
                        )));
                    }
                    frame.locals[i] = v;
                }
                _ if code.has_varkw => {
                    let hk = self.hkey(Value::Str(k))?;
                    varkw.insert(hk, v);
                }
                Some(_) => posonly_as_kw.push(k),
                None => {
                    return Err(Exc::type_error(format!(
                        "{qual}() got an unexpected keyword argument '{k}'"
                    )));
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            let names: Vec<String> = posonly_as_kw.iter().map(|n| n.to_string()).collect();
            return Err(Exc::type_error(format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                names.join(", ")
            )));
        }
        if code.has_varkw {
            if let Some(slot) = frame.locals.get_mut(varkw_slot) {
                *slot = Value::dict(varkw);
            }
        }
        // Defaults fill the last positional parameters.
        let ndef = f.defaults.len();
        let first_def = nargs.saturating_sub(ndef);
        let mut missing = Vec::new();
        for i in 0..nargs {
            if matches!(frame.locals[i], Value::Null) {
                if i >= first_def {
                    frame.locals[i] = f.defaults[i - first_def].clone();
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_err(&qual, "positional", &missing));
        }
        let mut missing = Vec::new();
        for i in nargs..nargs + nkw {
            if matches!(frame.locals[i], Value::Null) {
                let name = &code.varnames[i];
                match f.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => frame.locals[i] = v.clone(),
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_err(&qual, "keyword-only", &missing));
        }
        Ok(())
    }

    /// Calling a class: builtin types construct, exceptions carry their args, user classes run `__init__`.
    fn instantiate(&mut self, c: &Rc<Class>, mut args: Vec<Value>, kwargs: Vec<(Str, Value)>) -> PyResult<Prepared> {
        let beg = self.types.exc(ExcType::BaseExceptionGroup);
        if c.is_subclass(&beg) {
            return self.new_exception_group(c, args, kwargs).map(Prepared::Value);
        }
        if let Some(bt) = c.builtin {
            if let Some(p) = self.defer_construct(c, &args, &kwargs)? {
                return Ok(p);
            }
            if bt == BuiltinType::Type && args.len() == 3 {
                return super::attr::type_new(self, &args).map(Prepared::Value);
            }
            if bt == BuiltinType::Native {
                // Native classes construct through the `__new__` or `__il_call__` in their dict.
                let hook = c
                    .dict
                    .borrow()
                    .get_str("__new__")
                    .or_else(|| c.dict.borrow().get_str("__il_call__"));
                if let Some(new) = hook {
                    let mut a = vec![Value::Class(c.clone())];
                    a.append(&mut args);
                    let new = super::attr::unwrap_static(&new);
                    return self.call_kw(&new, a, kwargs).map(Prepared::Value);
                }
                return Err(Exc::type_error(format!("cannot create '{}' instances", c.name)));
            }
            return crate::types::construct(self, bt, &args, &kwargs).map(Prepared::Value);
        }
        // A hook for classes that take over their own calls (enum lookups: `Color(1)`).
        if let Some(hook) = c.lookup("__il_call__") {
            let mut a = vec![Value::Class(c.clone())];
            a.append(&mut args);
            let v = self.call_kw(&hook, a, kwargs)?;
            return Ok(Prepared::Value(v));
        }
        let user_new = c.lookup("__new__").filter(|n| !super::attr::is_default_new(n));
        let inst = match user_new {
            Some(new @ (Value::Function(_) | Value::Native(_))) => {
                let mut a = vec![Value::Class(c.clone())];
                a.extend(args.iter().cloned());
                let obj = self.call_kw(&new, a, kwargs.clone())?;
                if !self.isinstance(&obj, c) {
                    return Ok(Prepared::Value(obj));
                }
                obj
            }
            Some(Value::Object(o)) if o.type_name() == "staticmethod" => {
                let f = super::attr::unwrap_static(&Value::Object(o.clone()));
                let mut a = vec![Value::Class(c.clone())];
                a.extend(args.iter().cloned());
                let obj = self.call_kw(&f, a, kwargs.clone())?;
                if !self.isinstance(&obj, c) {
                    return Ok(Prepared::Value(obj));
                }
                obj
            }
            _ => self.new_instance(c, &args),
        };
        match c.lookup("__init__") {
            Some(Value::Function(init)) => {
                args.insert(0, inst.clone());
                self.call_function(&init, args, kwargs, Ret::Init(inst))
            }
            Some(other @ Value::Native(_)) if !matches!(&other, Value::Native(n) if n.owner == Some("object")) => {
                args.insert(0, inst.clone());
                self.call_kw(&other, args, kwargs)?;
                Ok(Prepared::Value(inst))
            }
            _ => {
                let has_new = c.lookup("__new__").is_some_and(|n| !super::attr::is_default_new(&n));
                let takes_args = c.base_kind != BaseKind::Object || has_new;
                if !takes_args && (!args.is_empty() || !kwargs.is_empty()) {
                    return Err(Exc::type_error(format!("{}() takes no arguments", c.name)));
                }
                if let BaseKind::Wrapped(bt) = c.base_kind {
                    if !has_new {
                        let w = crate::types::construct(self, bt, &args, &kwargs)?;
                        if let Value::Instance(i) = &inst {
                            *i.wrapped.borrow_mut() = w;
                        }
                    }
                }
                Ok(Prepared::Value(inst))
            }
        }
    }

    fn new_exception_group(&mut self, c: &Rc<Class>, args: Vec<Value>, kwargs: Vec<(Str, Value)>) -> PyResult {
        if !kwargs.is_empty() {
            return Err(Exc::type_error(format!("{}() takes no keyword arguments", c.name)));
        }
        if args.len() != 2 {
            return Err(Exc::type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len()
            )));
        }
        if !matches!(args[0], Value::Str(_)) {
            return Err(Exc::type_error(format!(
                "argument 1 must be str, not {}",
                self.type_name(&args[0])
            )));
        }
        let items = match &args[1] {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            _ => return Err(Exc::type_error("second argument (exceptions) must be a sequence")),
        };
        if items.is_empty() {
            return Err(Exc::value_error(
                "second argument (exceptions) must be a non-empty sequence",
            ));
        }
        let base = self.types.exc(ExcType::BaseException);
        let exception = self.types.exc(ExcType::Exception);
        let mut all_exceptions = true;
        for (i, it) in items.iter().enumerate() {
            if !self.isinstance(it, &base) {
                return Err(Exc::value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
            all_exceptions &= self.isinstance(it, &exception);
        }
        let mut cls = c.clone();
        if cls.id == self.types.exc(ExcType::BaseExceptionGroup).id && all_exceptions {
            cls = self.types.exc(ExcType::ExceptionGroup);
        } else if cls.is_subclass(&exception) && !all_exceptions {
            return Err(Exc::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        let v = self.new_instance(&cls, &args);
        if let Some(d) = self.exc_data(&v) {
            d.borrow_mut().group = Some((args[0].clone(), items));
        }
        if let Some(Value::Function(init)) = cls.lookup("__init__") {
            let mut a = vec![v.clone()];
            a.extend(args);
            let f = Value::Function(init);
            self.call(&f, a)?;
        }
        Ok(v)
    }

    /// A bare instance of a class, its exception data or wrapped builtin value set up from `args`.
    pub fn new_instance(&mut self, c: &Rc<Class>, args: &[Value]) -> Value {
        let exc = match c.base_kind {
            BaseKind::Exception => Some(RefCell::new({
                let mut d = ExcData::default();
                d.args = args.to_vec();
                d
            })),
            _ => None,
        };
        let wrapped = match c.base_kind {
            BaseKind::Wrapped(BuiltinType::Dict) => Value::dict(Dict::new()),
            BaseKind::Wrapped(BuiltinType::List) => Value::list(vec![]),
            BaseKind::Wrapped(BuiltinType::Tuple) => Value::tuple(vec![]),
            BaseKind::Wrapped(BuiltinType::Set) => Value::Set(Rc::new(RefCell::new(crate::dict::Set::new()))),
            BaseKind::Wrapped(BuiltinType::Str) => Value::str(""),
            BaseKind::Wrapped(BuiltinType::Int) => Value::Int(0),
            BaseKind::Wrapped(BuiltinType::Float) => Value::Float(0.0),
            _ => Value::None,
        };
        self.object_serial += 1;
        Value::Instance(Rc::new(Instance {
            serial: self.object_serial,
            class: RefCell::new(c.clone()),
            dict: Rc::new(RefCell::new(Dict::new())),
            exc,
            wrapped: RefCell::new(wrapped),
            eq_class: std::cell::Cell::new(0),
        }))
    }

    /// Starts a class body: its frame runs with a fresh namespace and builds the class when it returns.
    pub(super) fn build_class(
        &mut self,
        th: &mut Thread,
        body: Value,
        name: Value,
        bases: Vec<Value>,
        kwargs: Value,
    ) -> PyResult<Option<Exit>> {
        let Value::Function(f) = body else {
            return Err(Exc::type_error("__build_class__: func must be a function"));
        };
        let Value::Str(name) = name else {
            return Err(Exc::type_error("__build_class__: name is not a string"));
        };
        let kwargs: Vec<(Str, Value)> = match kwargs {
            Value::Dict(d) => d
                .borrow()
                .items()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut frame = self.new_frame(
            f.code.clone(),
            f.globals.clone(),
            Ret::Class(Box::new(super::frame::ClassHeader { name, bases, kwargs })),
        );
        let mut ns = Dict::new();
        let module = f
            .globals
            .borrow()
            .get_str("__name__")
            .unwrap_or_else(|| Value::str("__main__"));
        ns.set_str("__module__", module);
        ns.set_str("__qualname__", Value::Str(f.code.qualname.clone()));
        frame.ns = Some(Rc::new(RefCell::new(ns)));
        for _ in &f.code.cellvars {
            frame.cells.push(Rc::new(RefCell::new(Value::Null)));
        }
        frame.cells.extend(f.closure.iter().cloned());
        if self.ts.depth + 1 > self.recursion_limit {
            return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
        }
        th.frames.push(frame);
        self.ts.depth += 1;
        Ok(None)
    }

    /// Makes a class object from a finished class body.
    pub fn make_class(
        &mut self,
        name: Str,
        bases: Vec<Value>,
        ns: Rc<RefCell<Dict>>,
        kwargs: Vec<(Str, Value)>,
    ) -> PyResult<Value> {
        let (meta, kwargs): (Vec<_>, Vec<_>) = kwargs.into_iter().partition(|(k, _)| &**k == "metaclass");
        let mut bases = bases;
        if let Some((_, meta)) = meta.into_iter().next() {
            if let Some(made) = self.apply_metaclass(&meta, &name, &bases, &ns, &kwargs)? {
                return Ok(made);
            }
            // Interleave's abc checks abstract methods in `ABC`, which an `ABCMeta` class gets as its last base.
            if let Value::Class(m) = &meta {
                if &*m.name == "ABCMeta" && &*m.module == "abc" {
                    let abc = self.import("abc")?;
                    let abc_class = self.getattr(&abc, "ABC")?;
                    let has_it = bases
                        .iter()
                        .any(|b| matches!((b, &abc_class), (Value::Class(x), Value::Class(y)) if x.is_subclass(y)));
                    if !has_it {
                        bases.push(abc_class);
                    }
                }
            }
        }
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                other => {
                    return Err(Exc::type_error(format!(
                        "bases must be types, not {}",
                        self.type_name(other)
                    )))
                }
            }
        }
        if base_classes.is_empty() {
            base_classes.push(self.types.object.clone());
        }
        let mro = c3_mro(&base_classes)
            .ok_or_else(|| Exc::type_error("Cannot create a consistent method resolution order (MRO) for bases"))?;
        let base_kind = mro
            .iter()
            .map(|c| match c.builtin {
                Some(BuiltinType::Object) | None => c.base_kind,
                Some(BuiltinType::BaseException) => BaseKind::Exception,
                Some(bt) => BaseKind::Wrapped(bt),
            })
            .find(|k| *k != BaseKind::Object)
            .unwrap_or(BaseKind::Object);
        let mut dict = ns.borrow().clone();
        // Defining __eq__ without __hash__ makes instances unhashable, as in CPython.
        if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
            dict.set_str("__hash__", Value::None);
        }
        let qualname = match dict.get_str("__qualname__") {
            Some(Value::Str(s)) => s,
            _ => name.clone(),
        };
        let module = match dict.get_str("__module__") {
            Some(Value::Str(s)) => s,
            _ => Rc::from("__main__"),
        };
        let own_slots = match dict.get_str("__slots__") {
            Some(v) => Some(super::attr::slot_names(self, &v, &name)?),
            None => None,
        };
        if let Some(slots) = &own_slots {
            for s in slots {
                if !matches!(&**s, "__dict__" | "__weakref__") && dict.get_str(s).is_some() {
                    return Err(Exc::value_error(format!(
                        "'{s}' in __slots__ conflicts with class variable"
                    )));
                }
            }
        }
        let no_dict = own_slots
            .as_ref()
            .is_some_and(|s| !s.iter().any(|n| &**n == "__dict__"))
            && base_kind == BaseKind::Object
            && mro
                .iter()
                .all(|c| c.builtin == Some(BuiltinType::Object) || c.builtin.is_none() && c.flags.get().no_dict);
        let flags = ClassFlags {
            no_dict,
            has_getattr: dict.get_str("__getattr__").is_some() || mro.iter().any(|c| c.flags.get().has_getattr),
            has_setattr: dict.get_str("__setattr__").is_some() || mro.iter().any(|c| c.flags.get().has_setattr),
            has_eq: dict.get_str("__eq__").is_some(),
            has_hash: dict.get_str("__hash__").is_some(),
            is_enum: mro.iter().any(|c| c.flags.get().is_enum),
            has_descriptors: mro.iter().any(|c| {
                c.flags.get().has_descriptors || c.builtin.is_some() && c.builtin != Some(BuiltinType::Object)
            }) || dict.values().any(is_data_descriptor),
        };
        let cls = Rc::new(Class {
            name,
            qualname,
            module,
            bases: base_classes,
            mro,
            dict: RefCell::new(dict),
            base_kind,
            id: crate::types::next_class_id(),
            builtin: None,
            flags: Cell::new(flags),
        });
        let value = Value::Class(cls.clone());
        // Descriptors learn their names (`__set_name__`), in definition order.
        let items: Vec<(Value, Value)> = cls.dict.borrow().items().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in items {
            if let Value::Instance(d) = &v {
                let hook = d.class.borrow().lookup("__set_name__");
                if let Some(f) = hook {
                    let bound = Value::Method(Rc::new((v.clone(), f)));
                    self.call(&bound, vec![value.clone(), k])?;
                }
            }
        }
        // `__init_subclass__` of the nearest ancestor that defines one.
        if let Some(hook) = cls
            .mro
            .iter()
            .find_map(|c| c.dict.borrow().get_str("__init_subclass__"))
        {
            let f = super::attr::unwrap_classmethod(&hook);
            self.call_kw(&f, vec![value.clone()], kwargs)?;
        }
        Ok(value)
    }
}

/// Whether a class attribute takes precedence over an instance's own attribute of the same name.
pub fn is_data_descriptor(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.type_name() == "property",
        Value::Instance(i) => {
            let c = i.class.borrow();
            c.lookup("__set__").is_some() || c.lookup("__delete__").is_some()
        }
        _ => false,
    }
}

/// C3 linearisation of the bases' MROs (without the new class itself).
fn c3_mro(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t.iter().skip(1).any(|c| c.id == head.id));
            (!in_tail).then(|| head.clone())
        })?;
        for s in seqs.iter_mut() {
            if s.first().is_some_and(|c| c.id == candidate.id) {
                s.remove(0);
            }
        }
        out.push(candidate);
        if out.len() > 10_000 {
            return None;
        }
    }
}

/// Whether calling `f` with `nargs` positional arguments and no keywords binds them one to one to its first
/// parameters, defaults filling the rest, with no keyword-only parameters, `*args` or `**kwargs` involved.
pub(super) fn binds_directly(f: &Function, nargs: usize) -> bool {
    let code = &f.code;
    let argcount = code.argcount as usize;
    matches!(
        code.kind,
        CodeKind::Function | CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator
    ) && nargs <= argcount
        && nargs + f.defaults.len() >= argcount
        && code.kwonlyargcount == 0
        && !code.has_varargs
        && !code.has_varkw
}

fn missing_err(qual: &str, kind: &str, names: &[Str]) -> Exc {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => {
            let (last, rest) = quoted
                .split_last()
                .map(|(l, r)| (l.clone(), r.join(", ")))
                .unwrap_or_default();
            format!("{rest}, and {last}")
        }
    };
    let n = names.len();
    Exc::type_error(format!(
        "{qual}() missing {n} required {kind} argument{}: {list}",
        if n == 1 { "" } else { "s" }
    ))
}

impl Vm {
    /// `class A(metaclass=m)`: `type` and `abc.ABCMeta` make an ordinary class (`None`: go on); a function is
    /// called to make the value bound to the name, as in CPython; a subclass of `type` is not supported.
    fn apply_metaclass(
        &mut self,
        meta: &Value,
        name: &Str,
        bases: &[Value],
        ns: &Rc<RefCell<Dict>>,
        kwargs: &[(Str, Value)],
    ) -> PyResult<Option<Value>> {
        match meta {
            Value::Class(m) if Rc::ptr_eq(m, &self.types.type_) => Ok(None),
            // `abc.ABC` does the work of the metaclass here (see `make_class`).
            Value::Class(m) if &*m.name == "ABCMeta" && &*m.module == "abc" => Ok(None),
            Value::Class(m) if m.is_subclass(&self.types.type_) => Err(Exc::not_implemented(format!(
                "Interleave does not support custom metaclasses yet (metaclass={}): use a class decorator or \
                 __init_subclass__ instead",
                m.name
            ))),
            other => {
                let args = vec![
                    Value::Str(name.clone()),
                    Value::tuple(bases.to_vec()),
                    Value::Dict(Rc::new(RefCell::new(ns.borrow().clone()))),
                ];
                self.call_kw(other, args, kwargs.to_vec()).map(Some)
            }
        }
    }
}
