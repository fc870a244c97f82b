//! The clocks of `time`, read from the virtual clock `vm.now`, and `time.sleep`, which blocks the running task.
//!
//! Wall-clock time starts at a fixed epoch (`EPOCH_SECONDS`, 2023-11-14 22:13:20 UTC) so every run prints the
//! same dates; the monotonic clocks start at zero.

use super::{float_arg, module, Funcs};
use crate::exc::{Exc, ExcType, PyResult};
use crate::native::Kwargs;
use crate::value::Value;
use crate::vm::Vm;

/// What `time.time()` reads when the program starts.
pub const EPOCH_SECONDS: i64 = 1_700_000_000;

fn no_args(name: &str, a: &[Value], k: &Kwargs) -> PyResult<()> {
    crate::types::args::noargs(name, a, k)
}

fn seconds(vm: &Vm) -> f64 {
    vm.world.now as f64 / 1e9
}

fn time(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    no_args("time", a, k)?;
    Ok(Value::Float(EPOCH_SECONDS as f64 + seconds(vm)))
}

fn time_ns(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    no_args("time_ns", a, k)?;
    Ok(Value::Int(EPOCH_SECONDS * 1_000_000_000 + vm.world.now as i64))
}

fn monotonic(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    no_args("monotonic", a, k)?;
    Ok(Value::Float(seconds(vm)))
}

fn monotonic_ns(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    no_args("monotonic_ns", a, k)?;
    Ok(Value::Int(vm.world.now as i64))
}

fn sleep(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    crate::types::args::no_kw("sleep", k)?;
    let [secs] = a else {
        return Err(Exc::type_error(format!(
            "time.sleep() takes exactly one argument ({} given)",
            a.len()
        )));
    };
    // CPython converts to nanoseconds first: NaN and values out of range fail before the sign is checked.
    const NS_LIMIT: f64 = 9_223_372_036_854_775_808.0;
    let s = match crate::types::args::unwrap(secs) {
        Value::Float(f) if f.is_nan() => return Err(Exc::value_error("Invalid value NaN (not a number)")),
        Value::Float(f) if !(f * 1e9 > -NS_LIMIT && f * 1e9 < NS_LIMIT) => {
            return Err(Exc::new(
                ExcType::OverflowError,
                "timestamp out of range for platform time_t",
            ))
        }
        Value::Int(i) if i.checked_mul(1_000_000_000).is_none() => {
            return Err(Exc::new(
                ExcType::OverflowError,
                "timestamp too large to convert to C _PyTime_t",
            ))
        }
        Value::BigInt(_) => {
            return Err(Exc::new(
                ExcType::OverflowError,
                "timestamp too large to convert to C _PyTime_t",
            ))
        }
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => float_arg(vm, secs)?,
        _ => {
            return Err(Exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(secs)
            )))
        }
    };
    crate::asyncio::blocking_sleep(vm, s)
}

/// The wall-clock seconds since the Unix epoch, for `localtime()` and friends.
fn now(vm: &mut Vm, a: &[Value], k: &Kwargs) -> PyResult {
    no_args("now", a, k)?;
    Ok(Value::Float(EPOCH_SECONDS as f64 + seconds(vm)))
}

pub fn native_module(vm: &mut Vm) -> Value {
    let funcs: Funcs = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", |vm, a, k| {
            no_args("perf_counter", a, k)?;
            Ok(Value::Float(seconds(vm)))
        }),
        ("perf_counter_ns", |vm, a, k| {
            no_args("perf_counter_ns", a, k)?;
            Ok(Value::Int(vm.world.now as i64))
        }),
        // CPU time: the instructions run, at the clock's cost each; sleeping and waiting add nothing.
        ("process_time", |vm, a, k| {
            no_args("process_time", a, k)?;
            Ok(Value::Float(vm.cpu_time(false) as f64 / 1e9))
        }),
        ("process_time_ns", |vm, a, k| {
            no_args("process_time_ns", a, k)?;
            Ok(Value::Int(vm.cpu_time(false) as i64))
        }),
        ("thread_time", |vm, a, k| {
            no_args("thread_time", a, k)?;
            Ok(Value::Float(vm.cpu_time(true) as f64 / 1e9))
        }),
        ("thread_time_ns", |vm, a, k| {
            no_args("thread_time_ns", a, k)?;
            Ok(Value::Int(vm.cpu_time(true) as i64))
        }),
        ("sleep", sleep),
        ("now", now),
    ];
    module(vm, "_time", funcs, Vec::new())
}
