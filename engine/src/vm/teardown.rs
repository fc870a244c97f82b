//! Freeing a run's objects when its VM goes, reference cycles included.
//!
//! Values are reference counted, and Python objects refer to each other in cycles that counting alone never
//! frees: a function and its module's globals, a class and the methods whose `super()` cell holds it, an
//! instance that stores itself, a suspended generator whose frame holds the generator. CPython's cycle
//! collector frees them; here they would outlive the run, so every Run in the page would keep its program's
//! objects (a few to a few hundred KB each). When the VM is dropped, this walks everything reachable from the
//! modules and the asyncio state and empties the containers that can close a cycle, so that counting frees
//! the rest.

use super::Vm;
use crate::value::Value;
use std::collections::HashSet;

impl Drop for Vm {
    fn drop(&mut self) {
        let mut work: Vec<Value> = Vec::new();
        let modules = std::mem::take(&mut self.modules.map);
        work.extend(modules.into_iter().flat_map(|(k, v)| [k.value, v]));
        let main = std::mem::take(&mut self.main_globals.borrow_mut().map);
        work.extend(main.into_iter().flat_map(|(k, v)| [k.value, v]));
        let aio = &mut self.ts.aio;
        work.extend(std::mem::take(&mut aio.live).into_values().map(|t| Value::Object(t)));
        work.extend(aio.current.take().map(|t| Value::Object(t)));
        work.extend(aio.in_progress.take().map(|t| Value::Object(t)));
        work.push(std::mem::take(&mut aio.loop_obj));
        break_cycles(work);
    }
}

/// Empties every mutable container reachable from `work` (dicts, lists, cells, instance and class
/// namespaces, suspended frames), each once.
fn break_cycles(mut work: Vec<Value>) {
    let mut seen: HashSet<usize> = HashSet::new();
    let take_dict = |d: &std::cell::RefCell<crate::dict::Dict>, work: &mut Vec<Value>| {
        let map = std::mem::take(&mut d.borrow_mut().map);
        work.extend(map.into_iter().flat_map(|(k, v)| [k.value, v]));
    };
    while let Some(v) = work.pop() {
        let Some(p) = v.ptr() else { continue };
        if !seen.insert(p) {
            continue;
        }
        match &v {
            Value::Module(m) => take_dict(&m.dict, &mut work),
            Value::Class(c) => take_dict(&c.dict, &mut work),
            Value::Instance(i) => {
                take_dict(&i.dict, &mut work);
                work.push(std::mem::take(&mut *i.wrapped.borrow_mut()));
            }
            Value::Function(f) => {
                take_dict(&f.attrs, &mut work);
                for cell in &f.closure {
                    work.push(std::mem::take(&mut *cell.borrow_mut()));
                }
                work.extend(f.defaults.iter().cloned());
                work.extend(f.kwdefaults.iter().map(|(_, v)| v.clone()));
            }
            Value::Method(m) => work.extend([m.0.clone(), m.1.clone()]),
            Value::List(l) => work.append(&mut l.borrow_mut()),
            Value::Dict(d) => take_dict(d, &mut work),
            Value::Tuple(t) => work.extend(t.iter().cloned()),
            Value::Cell(c) => work.push(std::mem::take(&mut *c.borrow_mut())),
            Value::Gen(g) => {
                if let Some(frame) = g.frame.borrow_mut().take() {
                    take_frame(*frame, &mut work);
                }
            }
            Value::Object(_) => {
                if let Some(fut) = crate::asyncio::as_future(&v) {
                    take_future(&fut, &mut work);
                }
            }
            _ => {}
        }
    }
}

fn take_frame(mut frame: crate::vm::frame::Frame, work: &mut Vec<Value>) {
    work.append(&mut frame.locals);
    work.append(&mut frame.stack);
    work.extend(frame.cells.iter().map(|c| std::mem::take(&mut *c.borrow_mut())));
}

/// A future's or task's result, callbacks and coroutine, whose frames may hold the task itself.
fn take_future(fut: &crate::asyncio::FutureObj, work: &mut Vec<Value>) {
    for cell in [
        &fut.result,
        &fut.exception,
        &fut.cancel_hook,
        &fut.cancelled_exc,
        &fut.cancel_msg,
    ] {
        work.push(std::mem::take(&mut *cell.borrow_mut()));
    }
    for cb in std::mem::take(&mut *fut.callbacks.borrow_mut()) {
        work.push(match cb {
            crate::asyncio::Callback::Wakeup(t) => Value::Object(t),
            crate::asyncio::Callback::Py(f) => f,
        });
    }
    if let Some(t) = &fut.task {
        work.push(std::mem::take(&mut *t.coro.borrow_mut()));
        if let Some(th) = t.thread.borrow_mut().take() {
            work.extend(th.exc_stack);
            for frame in th.frames {
                take_frame(*frame, work);
            }
        }
        work.extend(t.fut_waiter.borrow_mut().take().map(|f| Value::Object(f)));
        work.extend(t.resume_with.borrow_mut().take().map(|f| Value::Object(f)));
    }
}
