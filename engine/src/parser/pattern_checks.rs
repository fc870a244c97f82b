//! The errors CPython's compiler reports in `match` patterns: unreachable cases, names bound twice or not
//! by every alternative, repeated keys and attributes, several starred names.

use crate::ast::{Constant, Expr, ExprKind, MatchCase, Name, Pattern, PatternKind, Pos};

/// Every expression a pattern evaluates (values, classes, keys), for the other checks.
pub(super) fn pattern_exprs<'a>(p: &'a Pattern, out: &mut Vec<&'a Expr>) {
    match &p.kind {
        PatternKind::Value(e) => out.push(e),
        PatternKind::Singleton(_) | PatternKind::Star(_) => {}
        PatternKind::Sequence(ps) | PatternKind::Or(ps) => ps.iter().for_each(|q| pattern_exprs(q, out)),
        PatternKind::Mapping { keys, patterns, .. } => {
            out.extend(keys.iter());
            patterns.iter().for_each(|q| pattern_exprs(q, out));
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            out.push(cls);
            patterns.iter().chain(kwd_patterns).for_each(|q| pattern_exprs(q, out));
        }
        PatternKind::As { pattern, .. } => {
            if let Some(q) = pattern {
                pattern_exprs(q, out);
            }
        }
    }
}

/// The names a pattern binds, in order.
pub(super) fn pattern_names(p: &Pattern, out: &mut Vec<Name>) {
    match &p.kind {
        PatternKind::Value(_) | PatternKind::Singleton(_) => {}
        PatternKind::Star(n) => out.extend(n.clone()),
        PatternKind::Sequence(ps) => ps.iter().for_each(|q| pattern_names(q, out)),
        PatternKind::Or(ps) => {
            if let Some(q) = ps.first() {
                pattern_names(q, out);
            }
        }
        PatternKind::Mapping { patterns, rest, .. } => {
            patterns.iter().for_each(|q| pattern_names(q, out));
            out.extend(rest.clone());
        }
        PatternKind::Class {
            patterns, kwd_patterns, ..
        } => patterns.iter().chain(kwd_patterns).for_each(|q| pattern_names(q, out)),
        PatternKind::As { pattern, name } => {
            if let Some(q) = pattern {
                pattern_names(q, out);
            }
            out.extend(name.clone());
        }
    }
}

/// The first compile-time error of a `match` statement's cases, in CPython's order.
pub(super) fn check_cases(cases: &[MatchCase]) -> Option<(Pos, String)> {
    for (i, c) in cases.iter().enumerate() {
        let allow = i + 1 == cases.len() || c.guard.is_some();
        let mut names = Vec::new();
        if let Some(e) = check(&c.pattern, allow, &mut names) {
            return Some(e);
        }
    }
    None
}

/// Walks `p`, collecting the names it binds; returns the first error.
fn check(p: &Pattern, allow: bool, names: &mut Vec<Name>) -> Option<(Pos, String)> {
    let bind = |n: &Name, names: &mut Vec<Name>, pos: Pos| -> Option<(Pos, String)> {
        if names.contains(n) {
            return Some((pos, format!("multiple assignments to name '{n}' in pattern")));
        }
        names.push(n.clone());
        None
    };
    match &p.kind {
        PatternKind::Value(_) | PatternKind::Singleton(_) => None,
        PatternKind::Star(n) => n.as_ref().and_then(|n| bind(n, names, p.pos)),
        PatternKind::As { pattern, name } => {
            match pattern {
                Some(q) => {
                    if let Some(e) = check(q, allow, names) {
                        return Some(e);
                    }
                }
                None if !allow => {
                    let msg = match name {
                        Some(n) => format!("name capture '{n}' makes remaining patterns unreachable"),
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Some((p.pos, msg));
                }
                None => {}
            }
            name.as_ref().and_then(|n| bind(n, names, p.pos))
        }
        PatternKind::Sequence(ps) => {
            if ps.iter().filter(|q| matches!(q.kind, PatternKind::Star(_))).count() > 1 {
                return Some((p.pos, "multiple starred names in sequence pattern".into()));
            }
            ps.iter().find_map(|q| check(q, true, names))
        }
        PatternKind::Mapping { keys, patterns, rest } => {
            let mut seen: Vec<String> = Vec::new();
            for k in keys {
                if let Some(r) = literal_repr(k) {
                    if seen.contains(&r) {
                        return Some((p.pos, format!("mapping pattern checks duplicate key ({r})")));
                    }
                    seen.push(r);
                }
            }
            if let Some(e) = patterns.iter().find_map(|q| check(q, true, names)) {
                return Some(e);
            }
            rest.as_ref().and_then(|n| bind(n, names, p.pos))
        }
        PatternKind::Class {
            patterns,
            kwd_attrs,
            kwd_patterns,
            ..
        } => {
            for (i, a) in kwd_attrs.iter().enumerate() {
                if kwd_attrs[..i].contains(a) {
                    let pos = kwd_patterns.get(i).map_or(p.pos, |q| q.pos);
                    return Some((pos, format!("attribute name repeated in class pattern: {a}")));
                }
            }
            patterns.iter().chain(kwd_patterns).find_map(|q| check(q, true, names))
        }
        PatternKind::Or(alts) => {
            let before = names.clone();
            let mut first: Option<Vec<Name>> = None;
            for (i, alt) in alts.iter().enumerate() {
                let mut mine = before.clone();
                let last = i + 1 == alts.len();
                if let Some(e) = check(alt, last && allow, &mut mine) {
                    return Some(e);
                }
                let mut added: Vec<Name> = mine[before.len()..].to_vec();
                crate::smallsort::sort(&mut added);
                match &first {
                    None => first = Some(added),
                    Some(f) if *f != added => {
                        return Some((alt.pos, "alternative patterns bind different names".into()));
                    }
                    Some(_) => {}
                }
                if i == 0 {
                    *names = mine;
                }
            }
            None
        }
    }
}

/// How CPython shows a literal key in "mapping pattern checks duplicate key", for the simple literals.
fn literal_repr(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Constant(Constant::Str(s)) if !s.contains(['\'', '\\']) && !s.chars().any(char::is_control) => {
            Some(format!("'{s}'"))
        }
        ExprKind::Constant(Constant::Int(i)) => Some(i.to_string()),
        ExprKind::Constant(Constant::None) => Some("None".into()),
        ExprKind::Constant(Constant::Bool(b)) => Some(if *b { "True" } else { "False" }.into()),
        _ => None,
    }
}
