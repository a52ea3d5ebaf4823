//! `ouro --dis`: a readable listing of a code object and the code objects
//! among its constants, in the spirit of CPython's `dis`.

use super::{Code, Instr};
use crate::object::payloads::{CodeValue, FloatValue, IntValue, StrValue};
use std::fmt::Write;

/// Lists `code`, then every nested code object, depth first.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    listing(code, &mut out);
    out
}

fn listing(code: &Code, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code object {}, line {}>:", code.qualname, code.firstlineno);
    let targets: Vec<u32> = code.instructions.iter().filter_map(jump_target).collect();
    let mut last_line = 0;
    for (pc, instr) in code.instructions.iter().enumerate() {
        let line = code.line_at(pc);
        let line_col = if line != last_line { line.to_string() } else { String::new() };
        last_line = line;
        let mark = if targets.contains(&(pc as u32)) { ">>" } else { "  " };
        let _ = writeln!(out, "{line_col:>4} {mark} {pc:>4} {}", describe(code, instr));
    }
    for h in &code.handlers {
        let _ = writeln!(out, "     handler: {} to {} -> {} [depth {}]", h.start, h.end, h.handler, h.depth);
    }
    for c in &code.consts {
        if let Some(CodeValue(inner)) = c.downcast::<CodeValue>() {
            out.push('\n');
            listing(inner, out);
        }
    }
}

fn jump_target(i: &Instr) -> Option<u32> {
    match *i {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::ForIterStoreFast(_, t)
        | Instr::Send(t)
        | Instr::CheckEgMatch(t)
        | Instr::PrepReraiseStar(t) => Some(t),
        _ => None,
    }
}

fn describe(code: &Code, instr: &Instr) -> String {
    let name = |i: u32| code.names.get(i as usize).map_or("?".to_string(), const_text);
    let var = |i: u32| code.varnames.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    let cell = |i: u32| {
        let i = i as usize;
        code.cellvars.get(i).or_else(|| code.freevars.get(i - code.cellvars.len().min(i))).cloned().unwrap_or_default()
    };
    let text = format!("{instr:?}");
    let op = text.split('(').next().unwrap_or(&text).to_string();
    let detail = match *instr {
        Instr::LoadConst(i) | Instr::ReturnConst(i) | Instr::LoadConstOperand(i) => code.consts.get(i as usize).map(const_text).unwrap_or_default(),
        Instr::UnpackEx(n) => format!("{} before, {} after the starred target", n & 0xff, n >> 8),
        Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) | Instr::ReturnFast(i) => var(i),
        Instr::LoadDeref(i) | Instr::StoreDeref(i) | Instr::LoadClosure(i) => cell(i),
        Instr::LoadGlobal(i)
        | Instr::StoreGlobal(i)
        | Instr::DeleteGlobal(i)
        | Instr::LoadName(i)
        | Instr::StoreName(i)
        | Instr::DeleteName(i)
        | Instr::LoadAttr(i)
        | Instr::LoadMethod(i)
        | Instr::StoreAttr(i)
        | Instr::DeleteAttr(i)
        | Instr::ImportName(i)
        | Instr::ImportFrom(i) => name(i),
        Instr::LoadFastLoadFast(a, b) | Instr::StoreFastLoadFast(a, b) => format!("{}, {}", var(a.into()), var(b.into())),
        Instr::LoadFastLoadConst(a, c) => {
            format!("{}, {}", var(a.into()), code.consts.get(c as usize).map(const_text).unwrap_or_default())
        }
        Instr::LoadConstLoadFast(c, b) => {
            format!("{}, {}", code.consts.get(c as usize).map(const_text).unwrap_or_default(), var(b.into()))
        }
        Instr::LoadFastLoadAttr(a, i) => format!("{}, {}", var(a.into()), name(i.into())),
        Instr::ForIterStoreFast(a, _) => var(a.into()),
        Instr::FormatValue(f) => {
            let conv = ["", "!s", "!r", "!a"][(f & super::format_flags::CONVERSION_MASK) as usize];
            let spec = if f & super::format_flags::HAS_SPEC != 0 { ":spec" } else { "" };
            format!("{{value{conv}{spec}}}")
        }
        _ => {
            let args = text.strip_prefix(&op).unwrap_or("").trim_matches(|c| c == '(' || c == ')');
            return if args.is_empty() { op } else { format!("{op:<20} {args}") };
        }
    };
    let index = text.strip_prefix(&op).unwrap_or("").trim_matches(|c| c == '(' || c == ')').to_string();
    format!("{op:<20} {index} ({detail})")
}

/// A constant as `dis` shows it: its repr for simple values.
fn const_text(c: &crate::heap::Obj) -> String {
    if let Some(s) = c.downcast::<StrValue>() {
        let mut out = String::new();
        crate::text::repr::repr_str(&s.text, &mut out);
        return out;
    }
    if let Some(i) = c.downcast::<IntValue>() {
        return match i {
            IntValue::Small(n) => n.to_string(),
            IntValue::Big(b) => b.to_string(),
        };
    }
    if let Some(f) = c.downcast::<FloatValue>() {
        let mut out = String::new();
        crate::text::repr::repr_float(f.0, &mut out);
        return out;
    }
    if let Some(CodeValue(inner)) = c.downcast::<CodeValue>() {
        return format!("<code object {}>", inner.qualname);
    }
    match c.kind() {
        crate::heap::Kind::None => "None".into(),
        crate::heap::Kind::Bool => if c.downcast::<crate::object::payloads::BoolValue>().is_some_and(|b| b.0) { "True".into() } else { "False".into() },
        crate::heap::Kind::Ellipsis => "Ellipsis".into(),
        k => format!("<{k:?}>"),
    }
}
