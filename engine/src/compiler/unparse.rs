//! Expressions back to source text, as `ast.unparse` writes them: the annotations of a module that says
//! `from __future__ import annotations` are kept as these strings instead of being evaluated.

use crate::ast::{BinOp, BoolOp, CmpOp, Constant, Expr, ExprKind, UnaryOp};

/// How tightly an expression binds, for deciding where parentheses go.
fn prec(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Lambda { .. } => 1,
        ExprKind::IfExp { .. } => 2,
        ExprKind::BoolOp { op: BoolOp::Or, .. } => 3,
        ExprKind::BoolOp { op: BoolOp::And, .. } => 4,
        ExprKind::UnaryOp { op: UnaryOp::Not, .. } => 5,
        ExprKind::Compare { .. } => 6,
        ExprKind::BinOp { op, .. } => binop_prec(*op),
        ExprKind::UnaryOp { .. } => 14,
        ExprKind::Await(_) => 16,
        _ => 17,
    }
}

fn binop_prec(op: BinOp) -> u8 {
    match op {
        BinOp::BitOr => 7,
        BinOp::BitXor => 8,
        BinOp::BitAnd => 9,
        BinOp::LShift | BinOp::RShift => 10,
        BinOp::Add | BinOp::Sub => 11,
        BinOp::Mult | BinOp::MatMult | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => 12,
        BinOp::Pow => 15,
    }
}

fn cmp_text(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

/// `e` as source text.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    write(e, &mut out, 0);
    out
}

fn write_at(e: &Expr, out: &mut String, min: u8) {
    if prec(e) < min {
        out.push('(');
        write(e, out, 0);
        out.push(')');
    } else {
        write(e, out, min);
    }
}

fn list(items: &[Expr], out: &mut String) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_at(x, out, 2);
    }
}

fn write(e: &Expr, out: &mut String, _min: u8) {
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Constant(c) => out.push_str(&match c {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::BigInt(b) => b.to_string(),
            Constant::Float(f) => crate::pyfmt::float_repr(*f),
            Constant::Imag(f) => format!("{}j", crate::pyfmt::float_repr(*f)),
            Constant::Str(s) => crate::pyfmt::str_repr(s),
            Constant::Bytes(b) => crate::pyfmt::bytes_repr(b),
            Constant::Ellipsis => "...".into(),
        }),
        ExprKind::Attribute { value, attr } => {
            write_at(value, out, 17);
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, index } => {
            write_at(value, out, 17);
            out.push('[');
            match &index.kind {
                ExprKind::Tuple(items) if !items.is_empty() => {
                    list(items, out);
                    if items.len() == 1 {
                        out.push(',');
                    }
                }
                _ => write(index, out, 0),
            }
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                write(l, out, 0);
            }
            out.push(':');
            if let Some(u) = upper {
                write(u, out, 0);
            }
            if let Some(s) = step {
                out.push(':');
                write(s, out, 0);
            }
        }
        ExprKind::Tuple(items) => {
            out.push('(');
            list(items, out);
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ExprKind::List(items) => {
            out.push('[');
            list(items, out);
            out.push(']');
        }
        ExprKind::Set(items) => {
            out.push('{');
            list(items, out);
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        write_at(k, out, 2);
                        out.push_str(": ");
                    }
                    None => out.push_str("**"),
                }
                write_at(v, out, 2);
            }
            out.push('}');
        }
        ExprKind::BinOp { left, op, right } => {
            let p = binop_prec(*op);
            // `**` groups to the right, the others to the left.
            let (lp, rp) = if *op == BinOp::Pow { (p + 1, p) } else { (p, p + 1) };
            write_at(left, out, lp);
            out.push(' ');
            out.push_str(crate::vm::ops::op_symbol(*op));
            out.push(' ');
            write_at(right, out, rp);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, p) = match op {
                UnaryOp::Not => ("not ", 5),
                UnaryOp::Neg => ("-", 14),
                UnaryOp::Pos => ("+", 14),
                UnaryOp::Invert => ("~", 14),
            };
            out.push_str(text);
            write_at(operand, out, p);
        }
        ExprKind::BoolOp { op, values } => {
            let (text, p) = match op {
                BoolOp::And => (" and ", 4),
                BoolOp::Or => (" or ", 3),
            };
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                write_at(v, out, p + 1);
            }
        }
        ExprKind::Compare { left, ops, comparators } => {
            write_at(left, out, 7);
            for (op, c) in ops.iter().zip(comparators) {
                out.push(' ');
                out.push_str(cmp_text(*op));
                out.push(' ');
                write_at(c, out, 7);
            }
        }
        ExprKind::Call { func, args, keywords } => {
            write_at(func, out, 17);
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write_at(a, out, 2);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.name {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write_at(&k.value, out, 2);
            }
            out.push(')');
        }
        ExprKind::Starred(v) => {
            out.push('*');
            write_at(v, out, 7);
        }
        ExprKind::IfExp { test, body, orelse } => {
            write_at(body, out, 3);
            out.push_str(" if ");
            write_at(test, out, 3);
            out.push_str(" else ");
            write_at(orelse, out, 2);
        }
        ExprKind::Await(v) => {
            out.push_str("await ");
            write_at(v, out, 16);
        }
        // Rare in annotations: shown as CPython would show an elided part.
        _ => out.push_str("..."),
    }
}
