//! The private `_interleave` module the asyncio prelude is built on: futures, tasks, the loop's clock and queues.

use super::{as_future, FutState, FutureObj, Handle, TimerHandle, YieldNow};
use crate::dict::Dict;
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::{kwarg, NativeFn};
use crate::trace::{EventKind, ObjInfo, ObjKind, SyncOp, Time, WaitReason};
use crate::value::{NativeFunc, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

fn fut_arg(args: &[Value], i: usize) -> PyResult<Rc<FutureObj>> {
    args.get(i)
        .and_then(as_future)
        .ok_or_else(|| Exc::type_error("a Future was expected"))
}

/// `_interleave.sleep_future(delay, result)`: a future that a timer completes with `result` after `delay`.
pub(super) fn sleep_future(vm: &mut Vm, a: &[Value], _kw: &crate::native::Kwargs) -> PyResult {
    let delay = secs_to_ns(a.first().unwrap_or(&Value::Int(0)))?;
    let result = a.get(1).cloned().unwrap_or_default();
    let fut = vm.new_future();
    let when = vm.world.now.saturating_add(delay);
    let (id, _) = vm.call_at(
        when,
        Handle::SleepDone {
            fut: fut.clone(),
            result,
        },
    );
    fut.timer.set(Some(id));
    fut.sleep_timer.set(id as u32);
    Ok(Value::Object(fut))
}

fn secs_to_ns(v: &Value) -> PyResult<Time> {
    let s = match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        // A delay of 10**30 is as good as forever, as in CPython (which adds it to a float).
        Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY),
        _ => return Err(Exc::type_error("a number is required")),
    };
    // CPython schedules a NaN delay or deadline like one already passed (`max(0, nan)` is 0).
    if s.is_nan() {
        return Ok(0);
    }
    Ok((s.max(0.0) * 1e9).min(9e18) as Time)
}

fn native(name: &'static str, func: NativeFn) -> Value {
    Value::Native(Rc::new(NativeFunc {
        name,
        owner: None,
        func,
        bound: None,
        defer: crate::value::Deferral::Never,
    }))
}

/// Registers the Future/Task classes' methods and returns the `_interleave` module's dict.
pub fn install(vm: &mut Vm) -> Dict {
    let fut_methods: &[(&'static str, NativeFn)] = &[
        ("result", |_, a, _| fut_arg(a, 0)?.result_value()),
        ("exception", |_, a, _| {
            let f = fut_arg(a, 0)?;
            match f.state.get() {
                FutState::Pending => Err(Exc::Msg(ExcType::InvalidStateError, "Exception is not set.".into())),
                FutState::Cancelled => Err(f.cancelled_error()),
                FutState::Finished => {
                    f.log_traceback.set(false);
                    Ok(f.exception.borrow().clone())
                }
            }
        }),
        ("done", |_, a, _| Ok(Value::Bool(fut_arg(a, 0)?.is_done()))),
        ("cancelled", |_, a, _| {
            Ok(Value::Bool(fut_arg(a, 0)?.state.get() == FutState::Cancelled))
        }),
        ("cancel", |vm, a, kw| {
            let f = fut_arg(a, 0)?;
            let msg = a
                .get(1)
                .cloned()
                .or_else(|| kwarg(kw, "msg").cloned())
                .unwrap_or_default();
            Ok(Value::Bool(vm.fut_cancel(&f, msg)))
        }),
        ("set_result", |vm, a, _| {
            let f = fut_arg(a, 0)?;
            vm.fut_set_result(&f, a.get(1).cloned().unwrap_or_default())?;
            Ok(Value::None)
        }),
        ("set_exception", |vm, a, _| {
            let f = fut_arg(a, 0)?;
            vm.fut_set_exception(&f, a.get(1).cloned().unwrap_or_default())?;
            Ok(Value::None)
        }),
        ("add_done_callback", |vm, a, _| {
            let f = fut_arg(a, 0)?;
            let cb = a.get(1).cloned().unwrap_or_default();
            if f.is_done() {
                vm.call_soon(Handle::Call {
                    func: cb,
                    args: vec![a[0].clone()],
                    cancelled: Rc::new(Cell::new(false)),
                });
            } else {
                f.callbacks.borrow_mut().push(super::Callback::Py(cb));
            }
            Ok(Value::None)
        }),
        ("remove_done_callback", |_, a, _| {
            let f = fut_arg(a, 0)?;
            let cb = a.get(1).cloned().unwrap_or_default();
            let mut n = 0;
            f.callbacks.borrow_mut().retain(|c| match c {
                super::Callback::Py(v) if v.is(&cb) || same_method(v, &cb) => {
                    n += 1;
                    false
                }
                _ => true,
            });
            Ok(Value::Int(n))
        }),
        ("get_loop", |vm, _, _| Ok(vm.ts.aio.loop_obj.clone())),
        ("get_name", |_, a, _| {
            let f = fut_arg(a, 0)?;
            Ok(f.task
                .as_ref()
                .map_or(Value::None, |t| Value::Str(t.name.borrow().clone())))
        }),
        ("set_name", |vm, a, _| {
            let f = fut_arg(a, 0)?;
            let name = vm.to_str(&a.get(1).cloned().unwrap_or_default())?;
            if let Some(t) = &f.task {
                *t.name.borrow_mut() = name.clone();
                // A finished task has no more events; its lane just takes the new name.
                if !f.is_done() {
                    let id = vm.text(name.to_string());
                    vm.event(t.id, EventKind::Renamed { name: id });
                }
                if let Some(info) = vm.world.trace.tasks.get_mut(t.id as usize) {
                    info.name = name.to_string();
                }
            }
            Ok(Value::None)
        }),
        ("get_coro", |_, a, _| {
            let f = fut_arg(a, 0)?;
            Ok(f.task.as_ref().map_or(Value::None, |t| t.coro.borrow().clone()))
        }),
        ("cancelling", |_, a, _| {
            let f = fut_arg(a, 0)?;
            Ok(Value::Int(f.task.as_ref().map_or(0, |t| t.num_cancels.get() as i64)))
        }),
        ("uncancel", |_, a, _| {
            let f = fut_arg(a, 0)?;
            let n = match &f.task {
                Some(t) => {
                    let n = t.num_cancels.get().saturating_sub(1);
                    t.num_cancels.set(n);
                    n
                }
                None => 0,
            };
            Ok(Value::Int(n as i64))
        }),
        ("__hash__", |_, a, _| {
            Ok(Value::Int(a.first().and_then(|v| v.ptr()).unwrap_or(0) as i64 >> 4))
        }),
    ];
    let future_cls = vm.types.register_native("Future", fut_methods);
    let task_cls = vm.types.register_native("Task", fut_methods);
    // `fut._state`, read-only: 'PENDING', 'CANCELLED' or 'FINISHED'.
    let state = Value::Object(Rc::new(crate::vm::attr::Property {
        fget: native("_state", |_, a, _| {
            let f = fut_arg(a, 0)?;
            Ok(Value::str(match f.state.get() {
                FutState::Pending => "PENDING",
                FutState::Cancelled => "CANCELLED",
                FutState::Finished => "FINISHED",
            }))
        }),
        fset: Value::None,
        fdel: Value::None,
    }));
    for cls in [&future_cls, &task_cls] {
        cls.dict.borrow_mut().set_str("_state", state.clone());
    }
    future_cls.dict.borrow_mut().set_str(
        "__il_call__",
        native("Future", |vm, _, _| Ok(Value::Object(vm.new_future()))),
    );
    task_cls.dict.borrow_mut().set_str(
        "__il_call__",
        native("Task", |vm, a, kw| {
            let coro = a.get(1).cloned().unwrap_or_default();
            let name = match kwarg(kw, "name") {
                Some(Value::None) | None => None,
                Some(v) => Some(vm.to_str(v)?),
            };
            Ok(Value::Object(vm.create_task(coro, name)?))
        }),
    );
    vm.types.register_native(
        "TimerHandle",
        &[
            ("cancel", |vm, a, _| {
                if let Some(h) = a.first().and_then(|v| v.as_native::<TimerHandle>()) {
                    let id = h.id;
                    h.cancelled.set(true);
                    vm.cancel_timer(id);
                }
                Ok(Value::None)
            }),
            ("cancelled", |_, a, _| {
                Ok(Value::Bool(
                    a.first()
                        .and_then(|v| v.as_native::<TimerHandle>())
                        .is_some_and(|h| h.cancelled.get()),
                ))
            }),
            ("when", |_, a, _| {
                Ok(Value::Float(
                    a.first()
                        .and_then(|v| v.as_native::<TimerHandle>())
                        .map_or(0.0, |h| h.when as f64 / 1e9),
                ))
            }),
        ],
    );
    vm.types.register_native("coroutine", &[]);
    let mut d = Dict::new();
    let fns: &[(&'static str, NativeFn)] = &[
        ("Future", |vm, _, _| {
            let f = vm.new_future();
            Ok(Value::Object(f))
        }),
        ("create_task", |vm, a, kw| {
            let coro = a.first().cloned().unwrap_or_default();
            let name = match kwarg(kw, "name").or(a.get(1)) {
                Some(Value::None) | None => None,
                Some(v) => Some(vm.to_str(v)?),
            };
            let t = vm.create_task(coro, name)?;
            // `context=`: the mapping of the `contextvars.Context` given, shared with it (not a copy).
            if let Some(ctx) = kwarg(kw, "context").or(a.get(2)).filter(|c| !matches!(c, Value::None)) {
                let data = vm.getattr(ctx, "_data")?;
                if let Some(td) = &t.task {
                    *td.context.borrow_mut() = data;
                }
            }
            Ok(Value::Object(t))
        }),
        // `contextvars`: the running code's mapping (made empty first when asked to and there is none).
        ("context_data", |vm, a, _| {
            if matches!(vm.ts.context, Value::None) && matches!(a.first(), Some(Value::Bool(true))) {
                vm.ts.context = Value::Dict(Rc::new(RefCell::new(Dict::new())));
            }
            Ok(vm.ts.context.clone())
        }),
        // `Context.run`: puts a mapping in effect, handing back the one it replaces.
        ("context_swap", |vm, a, _| {
            let new = a.first().cloned().unwrap_or_default();
            Ok(std::mem::replace(&mut vm.ts.context, new))
        }),
        ("isfuture", |_, a, _| {
            Ok(Value::Bool(a.first().and_then(as_future).is_some()))
        }),
        ("iscoroutine", |_, a, _| {
            Ok(Value::Bool(
                matches!(a.first(), Some(Value::Gen(g)) if g.kind == crate::code::CodeKind::Coroutine),
            ))
        }),
        ("yield_now", |_, _, _| Ok(Value::Object(Rc::new(YieldNow)))),
        ("sleep_future", sleep_future),
        ("current_task", |vm, _, _| {
            Ok(vm.ts.aio.current.clone().map_or(Value::None, |t| Value::Object(t)))
        }),
        ("all_tasks", |vm, _, _| {
            let items: Vec<Value> = (vm.ts.aio.live_tasks().into_iter())
                .filter(|t| !t.is_done())
                .map(|t| Value::Object(t))
                .collect();
            vm.make_set(items)
        }),
        ("call_soon", |vm, a, _| {
            let func = a.first().cloned().unwrap_or_default();
            let cancelled = Rc::new(Cell::new(false));
            vm.call_soon(Handle::Call {
                func,
                args: a.get(1..).unwrap_or(&[]).to_vec(),
                cancelled: cancelled.clone(),
            });
            Ok(Value::Object(Rc::new(TimerHandle {
                id: 0,
                cancelled,
                when: vm.world.now,
            })))
        }),
        // `loop.call_soon_threadsafe` from another thread: onto that thread's loop, waking it from its selector.
        ("call_soon_in", |vm, a, _| {
            let target = match a.first() {
                Some(Value::Int(i)) => *i as usize,
                _ => vm.ts.index,
            };
            let func = a.get(1).cloned().unwrap_or_default();
            let cancelled = Rc::new(Cell::new(false));
            let h = Handle::Call {
                func,
                args: a.get(2..).unwrap_or(&[]).to_vec(),
                cancelled: cancelled.clone(),
            };
            if target == vm.ts.index || target >= vm.threads.list.len() {
                vm.call_soon(h);
            } else {
                vm.threads.list[target].state.aio.ready.push_back(h);
                vm.wake_threads();
            }
            Ok(Value::Object(Rc::new(TimerHandle {
                id: 0,
                cancelled,
                when: vm.world.now,
            })))
        }),
        ("thread_index", |vm, _, _| Ok(Value::Int(vm.ts.index as i64))),
        ("call_at", |vm, a, _| {
            let when = secs_to_ns(a.first().unwrap_or(&Value::Int(0)))?;
            let func = a.get(1).cloned().unwrap_or_default();
            let h = Handle::Call {
                func,
                args: a.get(2..).unwrap_or(&[]).to_vec(),
                cancelled: Rc::new(Cell::new(false)),
            };
            let (id, cancelled) = vm.call_at(when, h);
            Ok(Value::Object(Rc::new(TimerHandle { id, cancelled, when })))
        }),
        ("time", |vm, _, _| Ok(Value::Float(vm.world.now as f64 / 1e9))),
        ("run_forever", |vm, _, _| {
            if vm.ts.aio.running {
                return Err(Exc::runtime("This event loop is already running"));
            }
            if vm.ts.current_task != vm.ts.lane {
                return Err(Exc::runtime("Cannot run the event loop while another loop is running"));
            }
            vm.ts.aio.running = true;
            vm.ts.aio.ntodo = 0;
            vm.ts.control = Some(crate::vm::Control::RunLoop);
            Ok(Value::None)
        }),
        ("main_in_run", |vm, a, _| {
            // asyncio.run's entry and exit. The main thread's wait begins when the loop first starts (the
            // session records it) and ends here, however often the runner restarts the loop in between.
            let entering = a.first().is_some_and(|v| matches!(v, Value::Bool(true)));
            if vm.ts.current_task != vm.ts.lane {
                return Ok(Value::None);
            }
            if entering {
                vm.ts.aio.main_in_run = Some(vm.ts.line);
            } else if let Some(line) = vm.ts.aio.main_in_run.take() {
                if std::mem::take(&mut vm.ts.aio.main_waiting) {
                    // The runner's own code ran since: report the call's line again.
                    vm.ts.line = line;
                    let lane = vm.ts.lane;
                    vm.event(lane, EventKind::Resumed);
                }
            }
            Ok(Value::None)
        }),
        ("stop", |vm, _, _| {
            vm.ts.aio.stopping = true;
            Ok(Value::None)
        }),
        ("is_running", |vm, _, _| Ok(Value::Bool(vm.ts.aio.running))),
        ("set_loop", |vm, a, _| {
            vm.ts.aio.loop_obj = a.first().cloned().unwrap_or_default();
            Ok(Value::None)
        }),
        ("get_loop", |vm, _, _| Ok(vm.ts.aio.loop_obj.clone())),
        ("register", |vm, a, _| {
            let kind = match a.first() {
                // A barrier is a condition to wait on, as threading's is.
                Some(Value::Str(s)) if &**s == "Barrier" => ObjKind::Condition,
                Some(Value::Str(s)) => ObjKind::from_name(s).unwrap_or(ObjKind::Future),
                _ => ObjKind::Future,
            };
            let label = match a.first() {
                Some(Value::Str(s)) => s.to_string(),
                _ => "Future".into(),
            };
            let counts = &mut vm.world.obj_counts;
            let n = counts.visible_by_kind.entry(kind).or_default();
            *n += 1;
            let n = *n;
            *counts.by_label.entry(label.clone()).or_default() += 1;
            let line = vm.ts.line;
            vm.world.trace.objects.push(ObjInfo {
                kind,
                name: format!("{label}-{n}"),
                created_line: line,
                internal: false,
                capacity: match a.get(1) {
                    Some(Value::Int(n)) => u64::try_from(*n).ok(),
                    _ => None,
                },
            });
            Ok(Value::Int(vm.world.trace.objects.len() as i64 - 1))
        }),
        ("hide", |vm, a, _| {
            // The prelude's own objects (a Queue's Event) stay out of the program's view and numbering.
            if let Some(Value::Int(i)) = a.first() {
                if let Some(o) = usize::try_from(*i).ok().and_then(|i| vm.world.trace.objects.get_mut(i)) {
                    if !o.internal {
                        o.internal = true;
                        if let Some(n) = vm.world.obj_counts.visible_by_kind.get_mut(&o.kind) {
                            *n = n.saturating_sub(1);
                        }
                    }
                }
            }
            Ok(Value::None)
        }),
        ("all_cancelled", super::fast::all_cancelled),
        ("queue_put", super::fast::queue_put),
        ("queue_task_done", super::fast::queue_task_done),
        ("queue_get", super::fast::queue_get),
        ("fast_paths", super::fast::fast_paths),
        ("lock_wait", super::fast::lock_wait),
        ("lock_got", super::fast::lock_got),
        ("gather_results", super::fast::gather_results),
        ("gather_task", super::fast::gather_task),
        ("waiting", |vm, a, _| {
            let obj = match a.first() {
                Some(Value::Int(i)) => *i as u32,
                _ => 0,
            };
            let op = match a.get(1) {
                Some(Value::Str(s)) => match &**s {
                    "wait" => SyncOp::Wait,
                    "get" => SyncOp::Get,
                    "put" => SyncOp::Put,
                    "join" => SyncOp::Join,
                    _ => SyncOp::Acquire,
                },
                _ => SyncOp::Acquire,
            };
            vm.ts.aio.pending_reason = Some(WaitReason::Sync { obj, op });
            Ok(Value::None)
        }),
        ("acquired", |vm, a, _| {
            if let Some(Value::Int(i)) = a.first() {
                let task = vm.ts.current_task;
                vm.event(task, EventKind::Acquired { obj: *i as u32 });
            }
            Ok(Value::None)
        }),
        ("released", |vm, a, _| {
            if let Some(Value::Int(i)) = a.first() {
                let task = vm.ts.current_task;
                vm.event(task, EventKind::Released { obj: *i as u32 });
            }
            Ok(Value::None)
        }),
        ("iscoroutinefunction", |_, a, _| {
            Ok(Value::Bool(match a.first() {
                Some(Value::Function(f)) => f.code.kind == crate::code::CodeKind::Coroutine,
                Some(Value::Method(m)) => {
                    matches!(&m.1, Value::Function(f) if f.code.kind == crate::code::CodeKind::Coroutine)
                }
                _ => false,
            }))
        }),
        ("cancelled_error", |vm, a, _| {
            let f = fut_arg(a, 0)?;
            let e = f.cancelled_error();
            Ok(vm.materialize(e))
        }),
        ("cancel_message", |_, a, _| {
            Ok(fut_arg(a, 0)?.cancel_msg.borrow().clone())
        }),
        ("set_cancel_hook", |_, a, _| {
            let f = fut_arg(a, 0)?;
            *f.cancel_hook.borrow_mut() = a.get(1).cloned().unwrap_or_default();
            Ok(Value::None)
        }),
        ("stderr", |vm, a, _| {
            let s = vm.to_str(a.first().unwrap_or(&Value::None))?;
            vm.write(crate::trace::Stream::Stderr, &s);
            Ok(Value::None)
        }),
        ("format_exception", |vm, a, _| {
            let e = a.first().cloned().unwrap_or_default();
            Ok(Value::str(&vm.format_exception(&e)))
        }),
    ];
    for (name, f) in fns {
        d.set_str(name, native(name, *f));
    }
    d.set_str("FutureType", Value::Class(future_cls));
    d.set_str("TaskType", Value::Class(task_cls));
    // The prelude's locks keep their waiters in a deque, as CPython's do; reaching the class here costs the
    // prelude no import step (every asyncio program's virtual timings stay as they were).
    if let Ok(Value::Module(m)) = vm.import("_collections") {
        if let Some(deque) = m.dict.borrow().get_str("deque") {
            d.set_str("deque", deque);
        }
    }
    for t in [
        ExcType::CancelledError,
        ExcType::InvalidStateError,
        ExcType::QueueEmpty,
        ExcType::QueueFull,
    ] {
        d.set_str(t.name(), Value::Class(vm.types.exc(t)));
    }
    let _ = RefCell::new(0);
    d
}

fn same_method(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Method(x), Value::Method(y)) => x.0.is(&y.0) && x.1.is(&y.1),
        _ => false,
    }
}
