//! `locals()`, `vars()` and `dir()` called without arguments inside a function or class body, and the
//! origin of a generic alias used as a class base.

use super::*;
use crate::dict::Dict;

impl Vm {
    pub(super) fn mro_entry(&mut self, th: &mut Thread) -> PyResult<Option<Exit>> {
        let f = frame(th)?;
        let base = pop(f)?;
        let v = match base.as_native::<crate::types::generic_alias::GenericAlias>() {
            Some(ga) => ga.origin.clone(),
            None => base,
        };
        push(th, v);
        Ok(None)
    }

    pub(super) fn load_locals(&mut self, th: &mut Thread, as_names: bool) -> PyResult<Option<Exit>> {
        let f = frame(th)?;
        let d = match &f.ns {
            Some(ns) => ns.borrow().clone(),
            None => {
                let mut d = Dict::new();
                let code = f.code.clone();
                for (name, v) in code.varnames.iter().zip(&f.locals) {
                    if !matches!(v, Value::Null) {
                        d.set_rc(name.clone(), v.clone());
                    }
                }
                for (name, c) in code.cellvars.iter().chain(&code.freevars).zip(&f.cells) {
                    let v = c.borrow().clone();
                    if !matches!(v, Value::Null) {
                        d.set_rc(name.clone(), v);
                    }
                }
                d
            }
        };
        let v = if as_names {
            let mut names: Vec<Str> = d
                .keys()
                .filter_map(|k| match k {
                    Value::Str(s) => Some(s.clone()),
                    _ => None,
                })
                .collect();
            crate::smallsort::sort(&mut names);
            Value::list(names.into_iter().map(Value::Str).collect())
        } else {
            Value::dict(d)
        };
        push(th, v);
        Ok(None)
    }
}
