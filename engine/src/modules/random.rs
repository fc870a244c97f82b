//! The generator state behind `random` (`vm.random`), and the private `_random` module that `random.py` builds on.
//!
//! The algorithms of `random.py` run in Python over four primitives here (`random`, `getrandbits`, `randbelow`,
//! `seed`), each drawing from `crate::mt`'s MT19937 exactly as CPython's `_random` does.

use super::{int_arg, int_arg_big, module, Funcs};
use crate::exc::{Exc, PyResult};
use crate::mt;
use crate::native::{Kwargs, NativeObject};
use crate::pynum::{self, Num};
use crate::types::from_pyerr;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A shared handle on one generator: `vm.random` is the module-level one, and `random.Random()` makes more.
#[derive(Clone)]
pub struct RandomState {
    gen: Rc<RefCell<mt::Random>>,
    /// The run's configured seed, and how many generators were seeded from it without an explicit seed.
    config_seed: u64,
    spawned: Rc<Cell<u64>>,
}

impl RandomState {
    /// The module-level generator of a run: seeded as `random.seed(seed)` would, so unseeded programs
    /// are reproducible.
    pub fn new(seed: u64) -> RandomState {
        RandomState {
            gen: Rc::new(RefCell::new(mt::Random::new(&BigInt::from(seed)))),
            config_seed: seed,
            spawned: Rc::new(Cell::new(0)),
        }
    }

    /// A fresh seed for `Random()` or `seed(None)`, where CPython would read the OS's entropy: derived from the
    /// configured seed and a counter, so every run of a program sees the same sequence.
    fn fresh_seed(&self) -> BigInt {
        let n = self.spawned.get().wrapping_add(1);
        self.spawned.set(n);
        (BigInt::from(self.config_seed) << 64u32) + BigInt::from(n)
    }

    pub fn random(&self) -> f64 {
        self.gen.borrow_mut().random()
    }
}

/// A `_random` generator object (what `random.Random` instances hold in `_state`).
struct Generator {
    state: RefCell<RandomState>,
}

impl NativeObject for Generator {
    fn type_name(&self) -> &'static str {
        "_random.Random"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// An opaque `getstate()` result: a copy of the generator.
struct Snapshot {
    gen: mt::Random,
}

impl NativeObject for Snapshot {
    fn type_name(&self) -> &'static str {
        "_random.State"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn gen_arg(a: &[Value]) -> PyResult<RandomState> {
    a.first()
        .and_then(|v| v.as_native::<Generator>())
        .map(|g| g.state.borrow().clone())
        .ok_or_else(|| Exc::type_error("a random generator was expected"))
}

fn new(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    let base = vm.random.clone();
    let seed = base.fresh_seed();
    let state = RandomState {
        gen: Rc::new(RefCell::new(mt::Random::new(&seed))),
        config_seed: base.config_seed,
        spawned: base.spawned.clone(),
    };
    Ok(Value::Object(Rc::new(Generator {
        state: RefCell::new(state),
    })))
}

fn default(vm: &mut Vm, _a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Object(Rc::new(Generator {
        state: RefCell::new(vm.random.clone()),
    })))
}

/// `_random.Random.seed(a)` after `random.py` has turned str and bytes into an int.
fn seed(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let st = gen_arg(a)?;
    let arg = a.get(1).cloned().unwrap_or_default();
    let key = match crate::types::args::unwrap(&arg) {
        Value::None => st.fresh_seed(),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int_arg_big(vm, &arg)?,
        Value::Float(f) => BigInt::from(pynum::hash_num(&Num::Float(f)) as u64),
        _ => BigInt::from(vm.hash(&arg)?),
    };
    st.gen.borrow_mut().seed_int(&key);
    Ok(Value::None)
}

fn random(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    Ok(Value::Float(gen_arg(a)?.random()))
}

fn getrandbits(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let st = gen_arg(a)?;
    let k = int_arg(vm, a.get(1).unwrap_or(&Value::Int(0)))?;
    let r = st.gen.borrow_mut().getrandbits(k).map_err(from_pyerr)?;
    Ok(Value::from_bigint(r))
}

fn randbelow(vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let st = gen_arg(a)?;
    let n = int_arg_big(vm, a.get(1).unwrap_or(&Value::Int(0)))?;
    if n.sign() != Sign::Plus {
        return Ok(Value::Int(0));
    }
    let r = st.gen.borrow_mut().randbelow(&n);
    Ok(Value::from_bigint(r))
}

fn getstate(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let st = gen_arg(a)?;
    let gen = st.gen.borrow().clone();
    Ok(Value::Object(Rc::new(Snapshot { gen })))
}

fn setstate(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    let st = gen_arg(a)?;
    let Some(snap) = a.get(1).and_then(|v| v.as_native::<Snapshot>()) else {
        return Err(Exc::type_error("state vector must be a value returned by getstate()"));
    };
    *st.gen.borrow_mut() = snap.gen.clone();
    Ok(Value::None)
}

fn sha512(_vm: &mut Vm, a: &[Value], _k: &Kwargs) -> PyResult {
    match a.first() {
        Some(Value::Bytes(b)) => Ok(Value::Bytes(Rc::from(&crate::sha512::sha512(b)[..]))),
        _ => Err(Exc::type_error("sha512() expects bytes")),
    }
}

pub fn native_module(vm: &mut Vm) -> Value {
    let funcs: Funcs = &[
        ("new", new),
        ("default", default),
        ("seed", seed),
        ("random", random),
        ("getrandbits", getrandbits),
        ("randbelow", randbelow),
        ("getstate", getstate),
        ("setstate", setstate),
        ("sha512", sha512),
    ];
    module(vm, "_random", funcs, Vec::new())
}
