//! The dispatch loop: what each instruction does to the frame on top of a thread.

use super::*;

/// Pops the value stack's top, or returns the underflow error. The value is moved once, where `pop(f)?` went
/// through an `Option` and a `PyResult`, each a copy of it at "z" (7 to 9% of the asyncio benchmarks' time).
macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(v) => v,
            None => return Err(stack_err()),
        }
    };
}

/// How often, in steps, the interpreter compares the memory a run holds with its budget.
const MEMORY_CHECK_STEPS: u64 = 64;

impl Vm {
    /// Executes instructions until one changes the frame stack, leaves the thread or raises, or a dropped
    /// object has a warning to report: `Ok(Some(exit))` leaves the thread, `Ok(None)` asks to be called again.
    /// Each instruction costs one step, checked against the budget before it runs, exactly as when this ran
    /// one instruction per call, so however the budget is sliced the same steps run.
    pub(super) fn dispatch(&mut self, th: &mut Thread) -> PyResult<Option<Exit>> {
        loop {
            if self.warnings.pending() {
                // `run_loop` reports them between instructions.
                return Ok(None);
            }
            if self.world.steps >= self.world.step_limit || self.world.now >= self.world.time_limit {
                return Ok(Some(Exit::Budget));
            }
            if self.ts.nested_cap.is_none() {
                self.ts.instr_start = self.world.steps;
            }
            if self.ts.blocked_until > self.world.now {
                // A blocking call (time.sleep) holds the thread: the clock moves, within the budget.
                // (At the limit too: the step below would end past it.)
                if self.ts.blocked_until >= self.world.time_limit {
                    self.world.now = self.world.time_limit;
                    return Ok(Some(Exit::Budget));
                }
                self.world.now = self.ts.blocked_until;
            }
            self.world.steps += 1;
            // The clock stops at the end of time, as deadlines do: a host's huge step cost must not take it to
            // Time::MAX, where no budget's `until` lies ahead of it and the run could never go on.
            self.world.now = self
                .world
                .now
                .saturating_add(self.world.step_cost)
                .min(crate::trace::END_OF_TIME.max(self.world.now));
            let Some(f) = th.frames.last_mut() else {
                return Ok(Some(Exit::Returned(Value::None)));
            };
            let Some(&instr) = f.code.instrs.get(f.pc) else {
                return Err(Exc::runtime("internal error: ran past the end of the code"));
            };
            f.pc += 1;
            // Past the memory budget (or back under it after a MemoryError), checked every 64 steps (a check per
            // instruction cost a fifth of the interpreter's speed), and at every step while the reserve is open:
            // a big allocation that would pass the budget is refused up front (`memory::fits`), and the small
            // ones of 64 steps add up to little. The step count, not the slicing, decides where.
            if self.world.steps % MEMORY_CHECK_STEPS == 0 || self.world.memory.strict {
                let checked = crate::memory::check();
                self.world.memory.strict = checked.reserve_open;
                if checked.exceeded {
                    return Err(Exc::memory());
                }
            }
            match instr {
                Instr::Nop | Instr::SetupAnnotations => {}
                Instr::Pop => {
                    f.stack.pop();
                }
                Instr::Dup => {
                    let v = top(f)?.clone();
                    f.stack.push(v);
                }
                Instr::Dup2 => {
                    let n = f.stack.len();
                    if n < 2 {
                        return Err(stack_err());
                    }
                    let a = f.stack[n - 2].clone();
                    let b = f.stack[n - 1].clone();
                    f.stack.push(a);
                    f.stack.push(b);
                }
                Instr::Swap(n) => {
                    let len = f.stack.len();
                    let n = n as usize;
                    if len <= n {
                        return Err(stack_err());
                    }
                    f.stack.swap(len - 1, len - 1 - n);
                }
                Instr::Rot(n) => {
                    let len = f.stack.len();
                    let n = n as usize;
                    if len <= n {
                        return Err(stack_err());
                    }
                    let v = f.stack.pop().unwrap_or_default();
                    f.stack.insert(len - 1 - n, v);
                }
                // (Matches rather than `Option` combinators, which `opt-level = "z"` leaves as calls.)
                Instr::LoadConst(i) => {
                    let v = match f.code.consts.get(i as usize) {
                        Some(v) => v.clone(),
                        None => Value::default(),
                    };
                    f.stack.push(v);
                }
                Instr::LoadFast(i) => {
                    let v = match f.locals.get(i as usize) {
                        Some(Value::Null) | None => return Err(unbound_local(f, i)),
                        Some(v) => v.clone(),
                    };
                    f.stack.push(v);
                }
                Instr::StoreFast(i) => {
                    let v = pop!(f);
                    if let Some(slot) = f.locals.get_mut(i as usize) {
                        *slot = v;
                    }
                }
                Instr::DeleteFast(i) => {
                    if let Some(slot) = f.locals.get_mut(i as usize) {
                        if let Value::Null = slot {
                            return Err(unbound_local(f, i));
                        }
                        *slot = Value::Null;
                    }
                }
                Instr::LoadDeref(i) | Instr::LoadClassDeref(i) => {
                    if let Instr::LoadClassDeref(_) = instr {
                        let name = deref_name(f, i);
                        if let Some(ns) = &f.ns {
                            if let Some(v) = ns.borrow().get_rc(&name) {
                                let v = v.clone();
                                f.stack.push(v);
                                return Ok(None);
                            }
                        }
                    }
                    let v = f
                        .cells
                        .get(i as usize)
                        .map(|c| c.borrow().clone())
                        .unwrap_or(Value::Null);
                    if let Value::Null = v {
                        let name = deref_name(f, i);
                        return Err(Exc::new(
                        ExcType::NameError,
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    ));
                    }
                    f.stack.push(v);
                }
                Instr::StoreDeref(i) => {
                    let v = pop!(f);
                    if let Some(c) = f.cells.get(i as usize) {
                        *c.borrow_mut() = v;
                    }
                }
                Instr::DeleteDeref(i) => {
                    if let Some(c) = f.cells.get(i as usize) {
                        *c.borrow_mut() = Value::Null;
                    }
                }
                Instr::LoadClosure(i) => {
                    let c = f.cells.get(i as usize).cloned().unwrap_or_default();
                    f.stack.push(Value::Cell(c));
                }
                Instr::LoadGlobal(i) => {
                    let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                    let v = lookup_hinted(&f.globals.borrow(), &f.code, i, name, hash);
                    let v = match v {
                        Some(v) => {
                            if self.world.tracking {
                                let (place, line) = ((Rc::as_ptr(&f.globals) as usize, hash), f.line());
                                self.track_read(place, line, f.code.hidden, &v);
                            }
                            v
                        }
                        None => {
                            let b = self.builtins.borrow().get_hashed(name, hash).cloned();
                            match b {
                                Some(v) => v,
                                None => {
                                    let name = name.clone();
                                    return Err(self.name_error_hint(th, &name));
                                }
                            }
                        }
                    };
                    f.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = pop!(f);
                    let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                    if self.world.tracking {
                        let (place, line, name) = ((Rc::as_ptr(&f.globals) as usize, hash), f.line(), name.clone());
                        self.track_write(place, line, f.code.hidden, &v, || format!("the global {name}"));
                    }
                    store_hinted(&mut f.globals.borrow_mut(), &f.code, i, name, hash, v);
                }
                Instr::DeleteGlobal(i) => {
                    let name = f.code.names[i as usize].clone();
                    if f.globals.borrow_mut().remove_str(&name).is_none() {
                        return Err(name_error(&name));
                    }
                }
                Instr::LoadName(i) => {
                    let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                    let mut found = match &f.ns {
                        Some(ns) => ns.borrow().get_hashed(name, hash).cloned(),
                        None => lookup_hinted(&f.globals.borrow(), &f.code, i, name, hash),
                    };
                    if let (Some(v), None, true) = (&found, &f.ns, self.world.tracking) {
                        let (place, line) = ((Rc::as_ptr(&f.globals) as usize, hash), f.line());
                        self.track_read(place, line, f.code.hidden, v);
                    }
                    if found.is_none() && f.ns.is_some() {
                        found = f.globals.borrow().get_hashed(name, hash).cloned();
                    }
                    if found.is_none() {
                        found = self.builtins.borrow().get_hashed(name, hash).cloned();
                    }
                    match found {
                        Some(v) => f.stack.push(v),
                        None => {
                            let name = name.clone();
                            return Err(self.name_error_hint(th, &name));
                        }
                    }
                }
                Instr::StoreName(i) => {
                    let v = pop!(f);
                    let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                    if self.world.tracking && f.ns.is_none() {
                        let (place, line, name) = ((Rc::as_ptr(&f.globals) as usize, hash), f.line(), name.clone());
                        self.track_write(place, line, f.code.hidden, &v, || format!("the global {name}"));
                    }
                    let mut d = match &f.ns {
                        Some(ns) => ns.borrow_mut(),
                        None => f.globals.borrow_mut(),
                    };
                    store_hinted(&mut d, &f.code, i, name, hash, v);
                }
                Instr::DeleteName(i) => {
                    let name = f.code.names[i as usize].clone();
                    let removed = match &f.ns {
                        Some(ns) => ns.borrow_mut().remove_str(&name),
                        None => f.globals.borrow_mut().remove_str(&name),
                    };
                    if removed.is_none() {
                        return Err(name_error(&name));
                    }
                }
                Instr::LoadAttr(i) => {
                    let obj = pop!(f);
                    // Trace events report the line of the last attribute read (a getattr may run Python).
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                    // An instance's own attribute, when no class descriptor can take precedence over it.
                    if let Value::Instance(inst) = &obj {
                        let cls = inst.class.borrow().clone();
                        if inst.exc.is_none() && self.no_data_descriptor(&cls, name, hash) {
                            let found = lookup_hinted(&inst.dict.borrow(), &f.code, i, name, hash);
                            if let Some(v) = found {
                                if !matches!(&**name, "__class__" | "__dict__") {
                                    if self.world.tracking {
                                        let (place, line) = (crate::findings::attribute(inst.serial, hash), f.line());
                                        self.track_read(place, line, f.code.hidden, &v);
                                    }
                                    f.stack.push(v);
                                    continue;
                                }
                            }
                        }
                    }
                    // A module's global.
                    if let Value::Module(m) = &obj {
                        let found = lookup_hinted(&m.dict.borrow(), &f.code, i, name, hash);
                        if let Some(v) = found {
                            f.stack.push(v);
                            continue;
                        }
                    }
                    // A property's Python getter runs as a frame of this thread, so that it can block.
                    if let Some(fget) = self.property_function(&obj, name, hash, |p| &p.fget) {
                        match self.call_into(th, fget, vec![obj], Vec::new())? {
                            None => continue,
                            exit => return Ok(exit),
                        }
                    }
                    let name = name.clone();
                    let v = self.getattr(&obj, &name)?;
                    push(th, v);
                }
                Instr::StoreAttr(i) => {
                    let obj = pop!(f);
                    let v = pop!(f);
                    let (name, hash) = (&f.code.names[i as usize], f.code.name_hashes[i as usize]);
                    // A plain instance (no descriptors, no `__setattr__`, not an exception) stores straight
                    // into its dict.
                    if let Value::Instance(inst) = &obj {
                        let cls = inst.class.borrow().clone();
                        // An instance without `__dict__` takes a new name only through `setattr`'s slots check.
                        if inst.exc.is_none()
                            && !cls.flags.get().has_setattr
                            && (!cls.flags.get().no_dict
                                || inst.dict.borrow().get_hashed(name, hash).is_some()
                                || super::attr::is_slot(self, &cls, name))
                            && self.no_data_descriptor(&cls, name, hash)
                        {
                            if self.world.tracking {
                                let (place, line) = (crate::findings::attribute(inst.serial, hash), f.line());
                                let what = || {
                                    let a = if cls.name.starts_with(['A', 'E', 'I', 'O', 'U']) {
                                        "an"
                                    } else {
                                        "a"
                                    };
                                    format!("the attribute {name} of {a} {} object", cls.name)
                                };
                                self.track_write(place, line, f.code.hidden, &v, what);
                            }
                            let mut d = inst.dict.borrow_mut();
                            match index_hinted(&d, &f.code, i, name, hash) {
                                Some(idx) => {
                                    if let Some((_, slot)) = d.map.get_index_mut(idx) {
                                        *slot = v;
                                    }
                                }
                                None => {
                                    let key = crate::dict::HKey {
                                        hash,
                                        value: Value::Str(name.clone()),
                                    };
                                    d.map.insert(key, v);
                                }
                            }
                            continue;
                        }
                    }
                    if let Some(Value::Function(fset)) = self.property_function(&obj, name, hash, |p| &p.fset) {
                        let frame = match self.call_function(&fset, vec![obj, v], Vec::new(), Ret::Discard)? {
                            super::call::Prepared::Frame(frame) => frame,
                            super::call::Prepared::Value(_) => continue,
                        };
                        if self.ts.depth + 1 > self.recursion_limit {
                            return Err(Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded"));
                        }
                        th.frames.push(frame);
                        self.ts.depth += 1;
                        if self.eval_breaker(|| hidden_top(th)) {
                            return Ok(Some(Exit::Budget));
                        }
                        continue;
                    }
                    let name = name.clone();
                    self.setattr(&obj, &name, v)?;
                }
                Instr::DeleteAttr(i) => {
                    let name = f.code.names[i as usize].clone();
                    let obj = pop!(f);
                    self.delattr(&obj, &name)?;
                }
                Instr::LoadMethod(i) => {
                    let (name, hash) = (f.code.names[i as usize].clone(), f.code.name_hashes[i as usize]);
                    let obj = pop!(f);
                    // A module's function (`asyncio.sleep`), found at its hint.
                    if let Value::Module(m) = &obj {
                        let found = lookup_hinted(&m.dict.borrow(), &f.code, i, &name, hash);
                        if let Some(v) = found {
                            f.stack.push(v);
                            f.stack.push(Value::Null);
                            continue;
                        }
                    }
                    let (a, b) = self.load_method_hashed(obj, &name, hash)?;
                    let f = frame(th)?;
                    f.stack.push(a);
                    f.stack.push(b);
                }
                Instr::CallMethod(n) => {
                    let n = n as usize;
                    let len = f.stack.len();
                    if len < n + 2 {
                        return Err(stack_err());
                    }
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    // The receiver, unless `LoadMethod` left its marker, is the first argument.
                    let has_self = !matches!(f.stack[len - n - 1], Value::Null);
                    let first = len - n - has_self as usize;
                    match &f.stack[len - n - 2] {
                        Value::Function(func) if call::binds_directly(func, len - first) => {
                            let func = func.clone();
                            self.push_direct_call(th, &func, first, len - n - 2)?;
                            if self.eval_breaker(|| hidden_top(th)) {
                                return Ok(Some(Exit::Budget));
                            }
                            continue;
                        }
                        Value::Native(nf) if nf.bound.is_none() && nf.defer == crate::value::Deferral::Never => {
                            let func = nf.func;
                            match self.native_in_place(f, func, first, len - n - 2)? {
                                None => continue,
                                exit => return Ok(exit),
                            }
                        }
                        _ => {}
                    }
                    // The receiver (unless `LoadMethod` left its marker) and the arguments, in one vector.
                    let has_self = !matches!(f.stack[len - n - 1], Value::Null);
                    let args: Vec<Value> = f.stack.drain(len - n - has_self as usize..).collect();
                    f.stack.truncate(len - n - 1);
                    let func = pop!(f);
                    match self.call_into(th, func, args, Vec::new())? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::Call(n) => {
                    let n = n as usize;
                    let len = f.stack.len();
                    if len < n + 1 {
                        return Err(stack_err());
                    }
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    match &f.stack[len - n - 1] {
                        Value::Function(func) if call::binds_directly(func, n) => {
                            let func = func.clone();
                            self.push_direct_call(th, &func, len - n, len - n - 1)?;
                            if self.eval_breaker(|| hidden_top(th)) {
                                return Ok(Some(Exit::Budget));
                            }
                            continue;
                        }
                        Value::Native(nf) if nf.bound.is_none() && nf.defer == crate::value::Deferral::Never => {
                            let func = nf.func;
                            match self.native_in_place(f, func, len - n, len - n - 1)? {
                                None => continue,
                                exit => return Ok(exit),
                            }
                        }
                        // A bound method: its receiver takes the method's place as the first argument.
                        Value::Method(m) => {
                            if let Value::Function(func) = &m.1 {
                                if call::binds_directly(func, n + 1) {
                                    let (func, recv) = (func.clone(), m.0.clone());
                                    f.stack[len - n - 1] = recv;
                                    self.push_direct_call(th, &func, len - n - 1, len - n - 1)?;
                                    if self.eval_breaker(|| hidden_top(th)) {
                                        return Ok(Some(Exit::Budget));
                                    }
                                    continue;
                                }
                            }
                        }
                        _ => {}
                    }
                    let args: Vec<Value> = f.stack.split_off(len - n);
                    let func = pop!(f);
                    match self.call_into(th, func, args, Vec::new())? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::CallKw(n, names) => {
                    let names = match f.code.consts.get(names as usize) {
                        Some(Value::Tuple(t)) => t.clone(),
                        _ => return Err(stack_err()),
                    };
                    let n = n as usize;
                    let len = f.stack.len();
                    if len < n + 1 || names.len() > n {
                        return Err(stack_err());
                    }
                    let mut args: Vec<Value> = f.stack.split_off(len - n);
                    let kwvals = args.split_off(n - names.len());
                    let func = pop!(f);
                    let kwargs = names
                        .iter()
                        .zip(kwvals)
                        .map(|(k, v)| match k {
                            Value::Str(s) => (s.clone(), v),
                            _ => (Rc::from(""), v),
                        })
                        .collect();
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    match self.call_into(th, func, args, kwargs)? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::CallEx(flags) => {
                    let kwargs = if flags & 1 != 0 { Some(pop!(f)) } else { None };
                    let args = pop!(f);
                    let func = pop!(f);
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    // Arguments drawn from a generator are drawn in budgeted frames (`_il_iter.star_call`).
                    if matches!(&args, Value::Gen(g) if g.kind == CodeKind::Generator) && self.ts.nested_cap.is_none() {
                        let helper = self.import("_il_iter")?;
                        let star_call = self.getattr(&helper, "star_call")?;
                        let kw = kwargs.unwrap_or(Value::None);
                        match self.call_into(th, star_call, vec![func, args, kw], Vec::new())? {
                            None => continue,
                            exit => return Ok(exit),
                        }
                    }
                    let args = match args {
                        Value::Tuple(t) => t.to_vec(),
                        other => match self.collect(&other) {
                            Err(e) if self.is_not_iterable(&e, &other) => {
                                return Err(Exc::type_error(format!(
                                    "{} argument after * must be an iterable, not {}",
                                    self.function_str(&func),
                                    self.type_name(&other)
                                )))
                            }
                            r => r?,
                        },
                    };
                    let mut kw = Vec::new();
                    if let Some(Value::Dict(d)) = kwargs {
                        for (k, v) in d.borrow().items() {
                            match k {
                                Value::Str(s) => kw.push((s.clone(), v.clone())),
                                _ => return Err(Exc::type_error("keywords must be strings")),
                            }
                        }
                    }
                    match self.call_into(th, func, args, kw)? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::Subscript => {
                    let idx = pop!(f);
                    let obj = pop!(f);
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    let tracked = self.world.tracking && !f.code.hidden;
                    let v = self.getitem(&obj, &idx)?;
                    if tracked {
                        if let Some(place) = crate::findings::item(&obj, &idx) {
                            self.track_item_read(place, self.ts.line);
                        }
                    }
                    push(th, v);
                }
                Instr::StoreSubscript => {
                    let idx = pop!(f);
                    let obj = pop!(f);
                    let v = pop!(f);
                    if self.world.tracking {
                        if let Some(place) = crate::findings::item(&obj, &idx) {
                            let line = f.line();
                            let hidden = f.code.hidden;
                            self.track_write(place, line, hidden, &v, || crate::findings::item_name(&obj, &idx));
                        }
                    }
                    self.setitem(&obj, idx, v)?;
                }
                Instr::DeleteSubscript => {
                    let idx = pop!(f);
                    let obj = pop!(f);
                    self.delitem(&obj, &idx)?;
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { pop!(f) } else { Value::None };
                    let stop = pop!(f);
                    let start = pop!(f);
                    f.stack.push(Value::Slice(Rc::new([start, stop, step])));
                }
                Instr::Binary(op) | Instr::Inplace(op) => {
                    // Two small ints: the result is written over the left operand where it lies, and the right
                    // one (an int, nothing to free) is popped and dropped without a call. Popping both and pushing
                    // the result moved three 24-byte values through memory, at misaligned offsets that stalled
                    // the loads after them: a third of a plain loop's time.
                    if let Some(r) = int_pair(&f.stack).and_then(|(x, y)| int_fast(op, x, y)) {
                        set_int_under_top(&mut f.stack, r);
                        continue;
                    }
                    let b = pop!(f);
                    let a = pop!(f);
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    let v = self.binary(op, &a, &b, matches!(instr, Instr::Inplace(_)))?;
                    push(th, v);
                }
                Instr::Unary(op) => {
                    let a = pop!(f);
                    let v = match op {
                        UnaryOp::Not => Value::Bool(!self.truthy(&a)?),
                        _ => self.unary(op, &a)?,
                    };
                    push(th, v);
                }
                Instr::Compare(op) => {
                    // Two small ints, compared in place (see `Binary`).
                    if let Some((x, y)) = int_pair(&f.stack) {
                        let r = match op {
                            CmpOp::Lt => Some(x < y),
                            CmpOp::LtE => Some(x <= y),
                            CmpOp::Gt => Some(x > y),
                            CmpOp::GtE => Some(x >= y),
                            CmpOp::Eq | CmpOp::Is => Some(x == y),
                            CmpOp::NotEq | CmpOp::IsNot => Some(x != y),
                            _ => None,
                        };
                        if let Some(r) = r {
                            drop_small(f.stack.pop());
                            if let Some(slot) = f.stack.last_mut() {
                                *slot = Value::Bool(r);
                            }
                            continue;
                        }
                    }
                    let b = pop!(f);
                    let a = pop!(f);
                    let v = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => Value::Bool(match op {
                            CmpOp::Lt => x < y,
                            CmpOp::LtE => x <= y,
                            CmpOp::Gt => x > y,
                            CmpOp::GtE => x >= y,
                            CmpOp::Eq | CmpOp::Is => x == y,
                            CmpOp::NotEq | CmpOp::IsNot => x != y,
                            _ => {
                                if !f.code.hidden {
                                    self.ts.line = f.line();
                                }
                                match self.compare_push(th, op, a, b)? {
                                    None => continue,
                                    exit => return Ok(exit),
                                }
                            }
                        }),
                        _ => {
                            if !f.code.hidden {
                                self.ts.line = f.line();
                            }
                            match self.compare_push(th, op, a, b)? {
                                None => continue,
                                exit => return Ok(exit),
                            }
                        }
                    };
                    f.stack.push(v);
                }
                Instr::BuildList(n) => {
                    let items = split(f, n)?;
                    f.stack.push(Value::list(items));
                }
                Instr::BuildTuple(n) => {
                    let items = split(f, n)?;
                    f.stack.push(Value::tuple(items));
                }
                Instr::BuildSet(n) => {
                    let items = split(f, n)?;
                    let s = self.make_set(items)?;
                    push(th, s);
                }
                Instr::BuildMap(n) => {
                    let items = split(f, 2 * n)?;
                    let mut d = Dict::new();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        let hk = self.hkey(k)?;
                        d.insert(hk, v);
                    }
                    push(th, Value::dict(d));
                }
                Instr::BuildString(n) => {
                    let items = split(f, n)?;
                    let len = items
                        .iter()
                        .map(|it| if let Value::Str(p) = it { p.len() } else { 0 })
                        .sum();
                    crate::types::args::check_str_size(len)?;
                    let mut s = String::with_capacity(len);
                    for it in &items {
                        if let Value::Str(p) = it {
                            s.push_str(p);
                        }
                    }
                    f.stack.push(Value::Str(Rc::from(s)));
                }
                Instr::ListAppend(n) | Instr::SetAdd(n) | Instr::ListExtend(n) | Instr::SetUpdate(n) => {
                    let v = pop!(f);
                    let target = peek(f, n as usize - 1)?;
                    match (instr, target) {
                        (Instr::ListAppend(_), Value::List(l)) => l.borrow_mut().push(v),
                        (Instr::ListExtend(_), Value::List(l)) => {
                            let items = match self.collect(&v) {
                                Err(e) if self.is_not_iterable(&e, &v) => {
                                    let t = self.type_name(&v);
                                    return Err(Exc::type_error(format!("Value after * must be an iterable, not {t}")));
                                }
                                r => r?,
                            };
                            l.borrow_mut().extend(items);
                        }
                        (Instr::SetAdd(_), Value::Set(s)) => {
                            let k = self.hkey(v)?;
                            s.borrow_mut().insert(k);
                        }
                        (Instr::SetUpdate(_), Value::Set(s)) => {
                            for item in self.collect(&v)? {
                                let k = self.hkey(item)?;
                                s.borrow_mut().insert(k);
                            }
                        }
                        _ => return Err(stack_err()),
                    }
                }
                Instr::MapAdd(n) => {
                    let v = pop!(f);
                    let k = pop!(f);
                    let target = peek(f, n as usize - 1)?;
                    if let Value::Dict(d) = target {
                        let hk = self.hkey(k)?;
                        d.borrow_mut().insert(hk, v);
                    }
                }
                Instr::DictUpdate(n) => {
                    let v = pop!(f);
                    let target = peek(f, n as usize - 1)?;
                    if let Value::Dict(d) = target {
                        self.merge_mapping(&d, &v, None)?;
                    }
                }
                Instr::DictMerge(n) => {
                    let v = pop!(f);
                    let target = peek(f, n as usize - 1)?;
                    let func = peek(f, n as usize + 1)?;
                    if let Value::Dict(d) = target {
                        self.merge_mapping(&d, &v, Some(&func))?;
                    }
                }
                Instr::ListToTuple => {
                    let v = pop!(f);
                    let t = match v {
                        Value::List(l) => Value::tuple(l.borrow().clone()),
                        other => other,
                    };
                    f.stack.push(t);
                }
                Instr::FormatValue(flags) => {
                    let spec = if flags & 4 != 0 { Some(pop!(f)) } else { None };
                    let v = pop!(f);
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    let v = match flags & 3 {
                        1 => Value::Str(self.to_str(&v)?),
                        2 => Value::Str(self.repr(&v)?),
                        3 => Value::Str(Rc::from(self.ascii(&v)?)),
                        _ => v,
                    };
                    let spec = match &spec {
                        Some(Value::Str(s)) => s.clone(),
                        _ => Rc::from(""),
                    };
                    let s = match (&v, spec.is_empty()) {
                        (Value::Str(s), true) => s.clone(),
                        _ => self.format(&v, &spec)?,
                    };
                    push(th, Value::Str(s));
                }
                Instr::UnpackSequence(n) => {
                    let v = pop!(f);
                    let items = match &v {
                        Value::Tuple(t) => t.to_vec(),
                        Value::List(l) => l.borrow().clone(),
                        _ => self.unpack_items(&v)?,
                    };
                    if items.len() != n as usize {
                        return Err(if items.len() < n as usize {
                            Exc::value_error(format!(
                                "not enough values to unpack (expected {}, got {})",
                                n,
                                items.len()
                            ))
                        } else {
                            Exc::value_error(format!("too many values to unpack (expected {n})"))
                        });
                    }
                    let f = frame(th)?;
                    f.stack.extend(items.into_iter().rev());
                }
                Instr::UnpackEx(before, after) => {
                    let v = pop!(f);
                    let mut items = self.unpack_items(&v)?;
                    let (before, after) = (before as usize, after as usize);
                    if items.len() < before + after {
                        return Err(Exc::value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    let tail = items.split_off(items.len() - after);
                    let middle = items.split_off(before);
                    let f = frame(th)?;
                    for t in tail.into_iter().rev() {
                        f.stack.push(t);
                    }
                    f.stack.push(Value::list(middle));
                    for b in items.into_iter().rev() {
                        f.stack.push(b);
                    }
                }
                Instr::Jump(t) => {
                    let back = (t as usize) < f.pc;
                    f.pc = t as usize;
                    // CPython 3.11 checks its eval breaker on a backward jump (the end of a loop's body).
                    if back && self.eval_breaker(|| f.code.hidden) {
                        return Ok(Some(Exit::Budget));
                    }
                }
                Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                    // A bool (a comparison's result) is read where it lies (see `Binary`).
                    if let Some(&Value::Bool(b)) = f.stack.last() {
                        drop_small(f.stack.pop());
                        if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                            f.pc = t as usize;
                        }
                        continue;
                    }
                    let v = pop!(f);
                    let b = match v {
                        Value::Bool(b) => b,
                        _ => self.truthy(&v)?,
                    };
                    let f = frame(th)?;
                    if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                        f.pc = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                    let v = top(f)?.clone();
                    let b = self.truthy(&v)?;
                    let f = frame(th)?;
                    if b == matches!(instr, Instr::JumpIfTrueOrPop(_)) {
                        f.pc = t as usize;
                    } else {
                        f.stack.pop();
                    }
                }
                Instr::GetIter => {
                    let v = pop!(f);
                    let it = self.iter(&v)?;
                    push(th, it);
                }
                Instr::ForIter(target) => {
                    let it = top(f)?.clone();
                    match self.for_iter(th, it, target)? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::YieldFrom(target) => {
                    let it = top(f)?.clone();
                    if let Value::Gen(g) = &it {
                        if g.kind == CodeKind::Generator && g.state.get() != GenState::Finished {
                            self.push_gen(th, g, Value::None, Ret::YieldFrom)?;
                            return Ok(None);
                        }
                    }
                    match self.next(&it)? {
                        Some(v) => push(th, v),
                        None => {
                            let f = frame(th)?;
                            f.stack.pop();
                            f.stack.push(Value::None);
                            f.pc = target as usize;
                        }
                    }
                }
                Instr::MakeFunction(flags) => {
                    let code = match pop!(f) {
                        Value::Code(c) => c,
                        _ => return Err(stack_err()),
                    };
                    let closure = if flags & 8 != 0 { Some(pop!(f)) } else { None };
                    let kwdefaults = if flags & 2 != 0 { Some(pop!(f)) } else { None };
                    let defaults = if flags & 1 != 0 { Some(pop!(f)) } else { None };
                    let globals = f.globals.clone();
                    let func = self.make_function(code, globals, defaults, kwdefaults, closure);
                    push(th, func);
                }
                Instr::BuildClass(nbases) => {
                    let kwargs = pop!(f);
                    let bases = split(f, nbases)?;
                    let name = pop!(f);
                    let body = pop!(f);
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    match self.build_class(th, body, name, bases, kwargs)? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::ReturnValue => {
                    let v = pop!(f);
                    match self.do_return(th, v)? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::YieldValue => {
                    let v = pop!(f);
                    match self.do_yield(th, v)? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::GetAwaitable => {
                    let v = pop!(f);
                    let a = self.get_awaitable(v)?;
                    push(th, a);
                }
                Instr::Await => {
                    let v = pop!(f);
                    self.ts.line = self.line_of(th);
                    match self.await_value(th, v)? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::GetAIter => {
                    let v = pop!(f);
                    let it = self.aiter(&v)?;
                    push(th, it);
                }
                Instr::GetANext => {
                    let it = top(f)?.clone();
                    let a = self.anext(&it)?;
                    push(th, a);
                }
                Instr::EndAsyncFor => {
                    let exc = pop!(f);
                    if self.exc_is(&exc, ExcType::StopAsyncIteration) {
                        f.stack.pop();
                    } else {
                        return Err(Exc::Raised(exc));
                    }
                }
                Instr::SetupExcept(h) | Instr::SetupFinally(h) => {
                    let level = f.stack.len() as u32;
                    f.blocks.push(Block::Handler { handler: h, level });
                }
                Instr::SetupWith(h) => {
                    let level = f.stack.len().saturating_sub(1) as u32;
                    f.blocks.push(Block::Handler { handler: h, level });
                }
                Instr::PopBlock => {
                    f.blocks.pop();
                }
                Instr::PushExcInfo => {
                    let exc = top(f)?.clone();
                    let depth = th.exc_stack.len() as u32;
                    if let Some(f) = th.frames.last_mut() {
                        f.blocks.push(Block::Handling { exc_depth: depth });
                    }
                    th.exc_stack.push(exc.clone());
                    self.ts.exc_top = Some(exc);
                }
                Instr::PopExcept => {
                    if let Some(Block::Handling { exc_depth }) = f.blocks.pop() {
                        th.exc_stack.truncate(exc_depth as usize);
                        self.ts.exc_top = th.exc_stack.last().cloned();
                    }
                }
                Instr::CheckExcMatch => {
                    let typ = pop!(f);
                    let exc = top(f)?.clone();
                    let m = self.exc_matches(&exc, &typ)?;
                    push(th, Value::Bool(m));
                }
                Instr::CheckEgMatch => {
                    let typ = pop!(f);
                    let group = pop!(f);
                    let (rest, matched) = self.split_group(&group, &typ)?;
                    let f = frame(th)?;
                    f.stack.push(rest);
                    f.stack.push(matched);
                }
                Instr::PrepReraiseStar => {
                    // The group itself was taken by the first `CheckEgMatch`: only what is left is here.
                    let rest = pop!(f);
                    if !rest.is_none() {
                        return Err(Exc::Raised(rest));
                    }
                }
                Instr::Reraise => {
                    let exc = pop!(f);
                    return Err(Exc::Raised(exc));
                }
                Instr::Raise(n) => {
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    return Err(self.do_raise(th, n));
                }
                Instr::WithExceptStart => {
                    let exc = top(f)?.clone();
                    let len = f.stack.len();
                    let exit = f.stack.get(len.wrapping_sub(2)).cloned().ok_or_else(stack_err)?;
                    let typ = self.type_of(&exc);
                    match self.call_into(th, exit, vec![typ, exc, Value::None], Vec::new())? {
                        None => continue,
                        exit => return Ok(exit),
                    }
                }
                Instr::LoadAssertionError => {
                    let c = self.types.exc(ExcType::AssertionError);
                    f.stack.push(Value::Class(c));
                }
                Instr::ImportName(i) => {
                    let name = f.code.names[i as usize].clone();
                    if !f.code.hidden {
                        self.ts.line = f.line();
                    }
                    if let Some(m) = self.import_into(th, &name)? {
                        push(th, m);
                    }
                }
                Instr::ImportFrom(i) => {
                    let name = f.code.names[i as usize].clone();
                    let m = top(f)?.clone();
                    let v = match self.getattr(&m, &name) {
                        Ok(v) => v,
                        Err(_) => {
                            let mname = match &m {
                                Value::Module(m) => m.name.to_string(),
                                _ => "?".into(),
                            };
                            let e = self.materialize(Exc::new(
                                ExcType::ImportError,
                                format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                            ));
                            if let Value::Instance(i) = &e {
                                i.dict.borrow_mut().set_str("name", Value::str(&mname));
                                i.dict.borrow_mut().set_str("path", Value::None);
                            }
                            return Err(Exc::Raised(e));
                        }
                    };
                    push(th, v);
                }
                Instr::MatchSequence
                | Instr::MatchMapping
                | Instr::GetLen
                | Instr::MatchKeys
                | Instr::MatchClass(_)
                | Instr::CopyDictWithoutKeys => return self.pattern_op(th, instr),
                Instr::LoadLocals(as_names) => return self.load_locals(th, as_names == 1),
                Instr::MroEntry => return self.mro_entry(th),
                Instr::ImportStar => {
                    let m = pop!(f);
                    if let Value::Module(m) = m {
                        let items: Vec<(Value, Value)> =
                            m.dict.borrow().items().map(|(k, v)| (k.clone(), v.clone())).collect();
                        let f = frame(th)?;
                        let ns = f.ns.clone().unwrap_or_else(|| f.globals.clone());
                        for (k, v) in items {
                            if let Value::Str(s) = &k {
                                if !s.starts_with('_') {
                                    ns.borrow_mut().set_rc(s.clone(), v);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn unpack_items(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match self.collect(v) {
            Err(e) if self.exc_kind_is(&e, ExcType::TypeError) && self.iter(v).is_err() => Err(Exc::type_error(
                format!("cannot unpack non-iterable {} object", self.type_name(v)),
            )),
            r => r,
        }
    }

    fn compare_push(&mut self, th: &mut Thread, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Exit>> {
        let v = self.compare(op, &a, &b)?;
        push(th, v);
        Ok(None)
    }
}

/// The index of the string key `name` in `d`, trying first where the code's name `i` was last found.
// Inline in the dispatch loop (a hit on the hint is a few compares); the search on a miss stays out of line.
#[inline(always)]
fn index_hinted(d: &Dict, code: &crate::code::Code, i: u32, name: &Str, hash: u64) -> Option<usize> {
    let slot = code.name_slots.get(i as usize)?;
    let hint = slot.get() as usize;
    if let Some((k, _)) = d.map.get_index(hint) {
        if k.hash == hash && matches!(&k.value, Value::Str(s) if Rc::ptr_eq(s, name)) {
            return Some(hint);
        }
    }
    index_searched(d, slot, name, hash)
}

/// `index_hinted` when the key at the hint is not the same string object: an equal string there (a name of
/// another code object), or a search.
#[inline(never)]
fn index_searched(d: &Dict, slot: &std::cell::Cell<u32>, name: &Str, hash: u64) -> Option<usize> {
    let hint = slot.get() as usize;
    if let Some((k, _)) = d.map.get_index(hint) {
        if k.hash == hash && matches!(&k.value, Value::Str(s) if **s == **name) {
            return Some(hint);
        }
    }
    let found = d.index_of_str(name, hash)?;
    slot.set(found as u32);
    Some(found)
}

/// Binds the string key `name` in `d` to `v`: rebinding replaces the value in place (the key is kept).
fn store_hinted(d: &mut Dict, code: &crate::code::Code, i: u32, name: &Str, hash: u64, v: Value) {
    match index_hinted(d, code, i, name, hash) {
        Some(idx) => {
            if let Some((_, slot)) = d.map.get_index_mut(idx) {
                *slot = v;
            }
        }
        None => d.set_rc(name.clone(), v),
    }
}

/// The value of the string key `name` in `d`, found with `index_hinted`.
#[inline(always)]
fn lookup_hinted(d: &Dict, code: &crate::code::Code, i: u32, name: &Str, hash: u64) -> Option<Value> {
    let idx = index_hinted(d, code, i, name, hash)?;
    d.map.get_index(idx).map(|(_, v)| v.clone())
}

impl Vm {
    /// Calls a native function on the arguments where they lie on the frame's stack (from `first`), with no
    /// argument vector; then cuts the stack to `keep` items and pushes the result, as `call_into` would.
    #[inline]
    fn native_in_place(
        &mut self,
        f: &mut Frame,
        func: crate::native::NativeFn,
        first: usize,
        keep: usize,
    ) -> PyResult<Option<Exit>> {
        let v = func(self, f.stack.get(first..).unwrap_or_default(), &Vec::new())?;
        f.stack.truncate(keep);
        f.stack.push(v);
        match self.ts.control.take() {
            Some(Control::RunLoop) => return Ok(Some(Exit::RunLoop)),
            Some(Control::Block) => return Ok(Some(Exit::Budget)),
            None => {}
        }
        // CPython 3.11 checks its eval breaker after a call.
        Ok(self.eval_breaker(|| f.code.hidden).then_some(Exit::Budget))
    }

    /// Whether an instance's own attribute `name` comes before the class's: the class has no data descriptor
    /// (a property, or an object whose class has `__set__`) of that name, as `getattr_opt` decides.
    #[inline]
    /// The Python function a property of `obj`'s class gives for `name` (`which` picks getter or setter),
    /// when the interpreter can call it as a frame: a plain instance whose class has no `__getattr__` or
    /// `__setattr__` to step in.
    fn property_function(
        &mut self,
        obj: &Value,
        name: &Str,
        hash: u64,
        which: fn(&super::attr::Property) -> &Value,
    ) -> Option<Value> {
        let Value::Instance(inst) = obj else { return None };
        let cls = inst.class.borrow().clone();
        let flags = cls.flags.get();
        if inst.exc.is_some() || !flags.has_descriptors || flags.has_getattr || flags.has_setattr {
            return None;
        }
        let attr = self.class_lookup(&cls, name, hash)?;
        let f = which(attr.as_native::<super::attr::Property>()?);
        matches!(f, Value::Function(_)).then(|| f.clone())
    }

    fn no_data_descriptor(&mut self, cls: &Rc<crate::value::Class>, name: &Str, hash: u64) -> bool {
        if !cls.flags.get().has_descriptors {
            return true;
        }
        match self.class_lookup(cls, name, hash) {
            None => true,
            Some(Value::Instance(_)) => false,
            Some(a) => a.as_native::<super::attr::Property>().is_none(),
        }
    }
}

/// `UnboundLocalError` for the fast local `i`, in CPython's words.
#[cold]
fn unbound_local(f: &Frame, i: u32) -> Exc {
    let name = f
        .code
        .varnames
        .get(i as usize)
        .cloned()
        .unwrap_or_else(|| Rc::from("?"));
    Exc::new(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// Whether the frame on top of `th` is the runtime's own code: a scheduler offers no switch there.
fn hidden_top(th: &Thread) -> bool {
    th.frames.last().is_some_and(|f| f.code.hidden)
}
