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
        Teardown::begin(self).free(usize::MAX);
    }
}

/// Whether a class is the interpreter's own (a builtin or native type), which a forked process shares with
/// its parent (`procs/fork.rs`): a forked process's teardown leaves it alone.
pub fn is_runtime_class(c: &crate::value::Class) -> bool {
    c.builtin.is_some()
        || ((&*c.module == "builtins" || c.module.starts_with('_'))
            && !c.dict.borrow().values().any(|v| matches!(v, Value::Function(_))))
}

/// A run's objects being freed a slice at a time, so that a host can free a big run (hundreds of thousands
/// of tasks take a second) in short steps between other work: [`Teardown::begin`] takes everything reachable
/// out of the VM, and each [`Teardown::free`] empties a bounded number of containers. Dropping it unfinished
/// leaks the cycles it has not reached yet, nothing worse.
#[derive(Default)]
pub struct Teardown {
    work: Vec<Value>,
    seen: HashSet<usize>,
    /// A forked process's: the runtime's classes are its parent's too, and stay as they are.
    forked: bool,
}

impl Teardown {
    /// Takes the roots out of `vm` (its modules, the main module's globals, the asyncio state); the VM keeps
    /// its types and builtins, and must not run again.
    pub fn begin(vm: &mut Vm) -> Teardown {
        let mut work: Vec<Value> = Vec::new();
        let modules = std::mem::take(&mut vm.modules.map);
        work.extend(modules.into_iter().flat_map(|(k, v)| [k.value, v]));
        let main = std::mem::take(&mut vm.main_globals.borrow_mut().map);
        work.extend(main.into_iter().flat_map(|(k, v)| [k.value, v]));
        // A run stopped midway also holds its objects in its threads' frames and its loops' queues.
        take_loop(&mut vm.ts.aio, &mut work);
        for rec in &mut vm.threads.list {
            take_loop(&mut rec.state.aio, &mut work);
            take_thread(std::mem::take(&mut rec.frames), &mut work);
        }
        Teardown {
            work,
            seen: HashSet::new(),
            forked: vm.pid != crate::procs::MAIN_PID,
        }
    }

    /// Empties up to `items` of the containers still to visit (dicts, lists, cells, instance and class
    /// namespaces, suspended frames), each once, freeing what only they held. True when none is left.
    pub fn free(&mut self, items: usize) -> bool {
        let work = &mut self.work;
        let take_dict = |d: &std::cell::RefCell<crate::dict::Dict>, work: &mut Vec<Value>| {
            let map = std::mem::take(&mut d.borrow_mut().map);
            work.extend(map.into_iter().flat_map(|(k, v)| [k.value, v]));
        };
        for _ in 0..items {
            let Some(v) = work.pop() else {
                self.seen = HashSet::new();
                return true;
            };
            let Some(p) = v.ptr() else { continue };
            if !self.seen.insert(p) {
                continue;
            }
            match &v {
                Value::Module(m) => take_dict(&m.dict, work),
                Value::Class(c) if self.forked && is_runtime_class(c) => {}
                Value::Class(c) => take_dict(&c.dict, work),
                Value::Instance(i) => {
                    take_dict(&i.dict, work);
                    work.push(std::mem::take(&mut *i.wrapped.borrow_mut()));
                }
                Value::Function(f) => {
                    take_dict(&f.attrs, work);
                    for cell in &f.closure {
                        work.push(std::mem::take(&mut *cell.borrow_mut()));
                    }
                    work.extend(f.defaults.iter().cloned());
                    work.extend(f.kwdefaults.iter().map(|(_, v)| v.clone()));
                }
                Value::Method(m) => work.extend([m.0.clone(), m.1.clone()]),
                Value::List(l) => work.append(&mut l.borrow_mut()),
                Value::Dict(d) => take_dict(d, work),
                Value::Tuple(t) => work.extend(t.iter().cloned()),
                Value::Cell(c) => work.push(std::mem::take(&mut *c.borrow_mut())),
                Value::Gen(g) => {
                    if let Some(frame) = g.frame.borrow_mut().take() {
                        take_frame(*frame, work);
                    }
                }
                Value::Object(_) => {
                    if let Some(fut) = crate::asyncio::as_future(&v) {
                        take_future(&fut, work);
                    }
                }
                _ => {}
            }
        }
        self.work.is_empty()
    }
}

fn take_loop(aio: &mut crate::asyncio::Loop, work: &mut Vec<Value>) {
    use crate::asyncio::Handle;
    work.extend(aio.take_live().into_iter().map(|t| Value::Object(t)));
    work.extend(aio.current.take().map(|t| Value::Object(t)));
    work.extend(aio.in_progress.take().map(|t| Value::Object(t)));
    work.push(std::mem::take(&mut aio.loop_obj));
    if let Some((thread, f, args)) = aio.in_progress_cb.take() {
        take_thread(thread, work);
        work.push(f);
        work.extend(args);
    }
    let timers = std::mem::take(&mut aio.timer_table).into_values().map(|(h, _, _)| h);
    for handle in std::mem::take(&mut aio.ready).into_iter().chain(timers) {
        match handle {
            Handle::Step { task, exc } => work.extend([Value::Object(task)].into_iter().chain(exc)),
            Handle::Wakeup { task, fut } => work.extend([Value::Object(task), Value::Object(fut)]),
            Handle::Call { func, args, .. } => work.extend([func].into_iter().chain(args)),
            Handle::SleepDone { fut, result } => work.extend([Value::Object(fut), result]),
        }
    }
}

fn take_thread(thread: crate::vm::frame::Thread, work: &mut Vec<Value>) {
    work.extend(thread.exc_stack);
    for frame in thread.frames {
        take_frame(*frame, work);
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
