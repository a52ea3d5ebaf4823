//! Tracebacks: the `__traceback__` objects of exceptions, and the report
//! CPython prints for an uncaught exception (chains, notes, and the boxed
//! layout of exception groups).
//!
//! Model: an exception records where it passed as `TracebackEntry`s,
//! innermost first. `__traceback__` builds `traceback` objects from them
//! (outermost first, linked by `tb_next`), each with a `frame` holding
//! `f_code` and `f_lineno`; `with_traceback` turns such a chain back into
//! entries. The report follows `traceback.TracebackException.format`
//! (3.11) line for line, including its `max_group_width` (15) and
//! `max_group_depth` (10). Each frame's source line is read from its file
//! and underlined from the failing instruction's position, as CPython's
//! `display_source_line_with_margin` underlines it; runs of one line are
//! folded (`[Previous line repeated N more times]`). The `traceback`
//! module prints the same report through `modules/traceback.rs`, in its
//! own slightly different treatment of trailing whitespace.

use super::Vm;
use crate::bytecode::Position;
use crate::heap::Obj;
use crate::object::payloads::*;
use crate::object::PyResult;
use std::cell::RefCell;
use std::fmt::Write;

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// `traceback.py`'s `_ExceptionPrintContext`.
struct PrintContext {
    group_depth: usize,
    need_close: bool,
    out: String,
    style: SourceStyle,
    /// `traceback`'s `limit`: the first `n` entries (outermost first), or
    /// with a negative `n` the last `-n`.
    limit: Option<i64>,
}

/// How a frame's source line is shown: the interpreter's report (C,
/// `tb_displayline`) keeps a line's trailing whitespace, which counts when
/// deciding whether markers span the line; the `traceback` module strips
/// both ends.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceStyle {
    Interpreter,
    TracebackModule,
}

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Writes `text` (one or more lines), each line behind the margin.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

impl Vm {
    /// A new object of a builtin instance type with these attributes.
    pub(crate) fn plain_object(&self, type_: &Obj, attrs: Vec<(&str, Obj)>) -> PyResult<Obj> {
        let ns = self.new_dict();
        for (k, v) in attrs {
            let key = self.new_str(k);
            let t = &ns.downcast::<DictValue>().expect("dict").0;
            self.table_set_str(t, key, v);
        }
        Ok(Obj::new(InstanceValue { dict: RefCell::new(Some(ns)), slots: Box::new([]) }, type_))
    }

    /// `exc.__traceback__`: a chain of traceback objects, or None.
    pub(crate) fn exception_traceback(&self, exc: &Obj) -> PyResult<Obj> {
        let Some(e) = exc.downcast::<ExceptionValue>() else { return Ok(self.none()) };
        let entries = e.traceback.borrow().clone();
        let mut next = self.none();
        for entry in &entries {
            let frame = self.frame_object(&entry.code, entry.line)?;
            let line = self.new_int(entry.line as i64);
            next = self.plain_object(
                &self.types.traceback,
                vec![("tb_next", next), ("tb_lineno", line), ("tb_frame", frame), ("tb_lasti", self.new_int(-1))],
            )?;
        }
        Ok(next)
    }

    /// A `frame` object for code running at `line` (its caller is not
    /// recorded: `f_back` is None).
    pub(crate) fn frame_object(&self, code: &std::rc::Rc<crate::bytecode::Code>, line: u32) -> PyResult<Obj> {
        let code = Obj::new(CodeValue(code.clone()), &self.types.code);
        let line = self.new_int(line as i64);
        self.plain_object(&self.types.frame, vec![("f_code", code), ("f_lineno", line), ("f_back", self.none())])
    }

    /// Sets `exc.__traceback__` to `tb` (a traceback object or None).
    pub(crate) fn set_exception_traceback(&mut self, exc: &Obj, tb: &Obj) -> PyResult<()> {
        let mut entries = Vec::new();
        let mut cur = tb.clone();
        let (next_key, line_key, frame_key, code_key) =
            (self.intern("tb_next"), self.intern("tb_lineno"), self.intern("tb_frame"), self.intern("f_code"));
        while cur.kind() != crate::heap::Kind::None {
            if !cur.has_type(&self.types.traceback) {
                return Err(self.type_error("__traceback__ must be a traceback or None"));
            }
            let frame = self.get_attr(&cur, &frame_key)?;
            let code = self.get_attr(&frame, &code_key)?;
            let line = self.get_attr(&cur, &line_key)?;
            let (Some(code), Some(line)) = (code.downcast::<CodeValue>(), self.small_int(&line)) else {
                return Err(self.type_error("__traceback__ must be a traceback or None"));
            };
            entries.push(TracebackEntry { code: code.0.clone(), line: line as u32, position: None });
            cur = self.get_attr(&cur, &next_key)?;
        }
        entries.reverse();
        match exc.downcast::<ExceptionValue>() {
            Some(e) => *e.traceback.borrow_mut() = entries,
            None => return Err(self.type_error("with_traceback() needs an exception")),
        }
        Ok(())
    }

    /// The whole report for an uncaught exception, chained exceptions
    /// first, as CPython prints it to stderr.
    pub fn format_exception(&mut self, exc: &Obj) -> String {
        let limit = self.report_limit();
        self.format_exception_as(exc, true, SourceStyle::Interpreter, limit)
    }

    /// How many of an exception's entries the interpreter's report shows
    /// (`PyTraceBack_Print`): the innermost `sys.tracebacklimit` if that is
    /// an int (none if it is 0 or less, all if it is past i64), else the
    /// innermost 1000; as a `limit` of the `traceback` module, whose
    /// negative limits count from the inner end.
    fn report_limit(&mut self) -> Option<i64> {
        const DEFAULT: i64 = 1000;
        let key = self.intern("tracebacklimit");
        let set = match self.sys_module() {
            Ok(Some(sys)) => sys.downcast::<ModuleValue>().map(|m| m.dict.clone()).and_then(|d| self.dict_get(&d, &key).ok().flatten()),
            _ => None,
        };
        let is_int = |v: &Obj| matches!(v.kind(), crate::heap::Kind::Int | crate::heap::Kind::Bool);
        let Some(n) = set.filter(is_int).and_then(|v| self.big_int(&v)) else { return Some(-DEFAULT) };
        match num_traits::ToPrimitive::to_i64(&n) {
            Some(n) if n > 0 => Some(-n),
            None if n.sign() == num_bigint::Sign::Plus => None,
            _ => Some(0),
        }
    }

    /// The report of `exc`, with its causes and contexts when `chain`, and
    /// only the stack entries `limit` keeps.
    pub(crate) fn format_exception_as(&mut self, exc: &Obj, chain: bool, style: SourceStyle, limit: Option<i64>) -> String {
        let mut ctx = PrintContext { group_depth: 0, need_close: false, out: String::new(), style, limit };
        self.format_with_context(exc, &mut ctx, chain);
        ctx.out
    }

    /// `TracebackException.format(chain=chain, _ctx=ctx)`.
    fn format_with_context(&mut self, exc: &Obj, ctx: &mut PrintContext, chain: bool) {
        let mut output: Vec<(Option<&str>, Obj)> = Vec::new();
        let mut cur = Some(exc.clone());
        while let Some(e) = cur.take() {
            let Some(ev) = e.downcast::<ExceptionValue>() else {
                output.push((None, e));
                break;
            };
            let (cause, context) = (ev.cause.borrow().clone(), ev.context.borrow().clone());
            let seen = output.iter().any(|(_, o)| o.is(&e));
            if seen || output.len() >= 100 {
                break;
            }
            let next = if !chain {
                None
            } else if let Some(c) = cause {
                Some(("\nThe above exception was the direct cause of the following exception:\n\n", c))
            } else if let (Some(c), false) = (context, ev.suppress_context.get()) {
                Some(("\nDuring handling of the above exception, another exception occurred:\n\n", c))
            } else {
                None
            };
            match next {
                Some((msg, c)) => {
                    output.push((Some(msg), e));
                    cur = Some(c);
                }
                None => output.push((None, e)),
            }
        }
        for (msg, e) in output.into_iter().rev() {
            if let Some(m) = msg {
                ctx.emit(m, '|');
            }
            let mut entries = e.downcast::<ExceptionValue>().map(|v| v.traceback.borrow().clone()).unwrap_or_default();
            if let Some(n) = ctx.limit {
                // Innermost first: a positive limit keeps the outer end.
                let keep = n.unsigned_abs().min(entries.len() as u64) as usize;
                if n >= 0 {
                    entries.drain(..entries.len() - keep);
                } else {
                    entries.truncate(keep);
                }
            }
            let sub_exceptions = self.group_members(&e);
            match sub_exceptions {
                None => {
                    if !entries.is_empty() {
                        ctx.emit("Traceback (most recent call last):\n", '|');
                        ctx.emit(&format_stack(&entries, ctx.style), '|');
                    }
                    let only = self.format_exception_only_with_notes(&e);
                    ctx.emit(&only, '|');
                }
                Some(_) if ctx.group_depth > MAX_GROUP_DEPTH => {
                    ctx.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
                }
                Some(members) => self.format_group(&e, &members, &entries, ctx, chain),
            }
        }
    }

    fn format_group(
        &mut self,
        e: &Obj,
        members: &[Obj],
        entries: &[TracebackEntry],
        ctx: &mut PrintContext,
        chain: bool,
    ) {
        let top_level = ctx.group_depth == 0;
        if top_level {
            ctx.group_depth += 1;
        }
        if !entries.is_empty() {
            ctx.emit("Exception Group Traceback (most recent call last):\n", if top_level { '+' } else { '|' });
            ctx.emit(&format_stack(entries, ctx.style), '|');
        }
        let only = self.format_exception_only_with_notes(e);
        ctx.emit(&only, '|');
        let count = members.len();
        let shown = if count <= MAX_GROUP_WIDTH { count } else { MAX_GROUP_WIDTH + 1 };
        ctx.need_close = false;
        for i in 0..shown {
            let last = i == shown - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let _ = writeln!(
                ctx.out,
                "{}{}+---------------- {title} ----------------",
                ctx.indent(),
                if i == 0 { "+-" } else { "  " }
            );
            ctx.group_depth += 1;
            if !truncated {
                self.format_with_context(&members[i], ctx, chain);
            } else {
                let remaining = count - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                ctx.emit(&format!("and {remaining} more exception{plural}\n"), '|');
            }
            if last && ctx.need_close {
                let _ = writeln!(ctx.out, "{}+------------------------------------", ctx.indent());
                ctx.need_close = false;
            }
            ctx.group_depth -= 1;
        }
        if top_level {
            ctx.group_depth = 0;
        }
    }

    /// The `Type: message` line, then one line per note in `__notes__`.
    pub(crate) fn format_exception_only_with_notes(&mut self, exc: &Obj) -> String {
        let mut out = self.format_exception_only(exc);
        out.push('\n');
        let key = self.intern("__notes__");
        let notes = self.instance_dict(exc).and_then(|d| self.dict_get(&d, &key).ok().flatten());
        let Some(notes) = notes else { return out };
        match notes.downcast::<ListValue>().map(|l| l.0.borrow().clone()) {
            Some(items) => {
                for note in items {
                    let text = if note.kind() == crate::heap::Kind::Str {
                        self.str_or_fallback(&note)
                    } else {
                        self.to_str(&note).unwrap_or_else(|_| "<note str() failed>".to_string())
                    };
                    out.push_str(&text);
                    out.push('\n');
                }
            }
            None => {
                let text = self.repr(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                out.push_str(&text);
                out.push('\n');
            }
        }
        out
    }
}

/// Frames past this many in a row on the same line are counted, not
/// shown (`TB_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// The `File ..., line ..., in ...` lines of a traceback, outermost first,
/// as CPython's `tb_print_internal` writes them: each with its source
/// line and markers, and a run of more than three entries for the same
/// line of the same function shortened to a `[Previous line repeated
/// N more times]` line.
fn format_stack(entries: &[TracebackEntry], style: SourceStyle) -> String {
    let mut out = String::new();
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0;
    for entry in entries.iter().rev() {
        let code = &entry.code;
        let here = (code.filename.as_str(), entry.line, code.name.as_str());
        if last != Some(here) {
            repeated_line(&mut out, count);
            last = Some(here);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            let _ = writeln!(out, "  File \"{}\", line {}, in {}", code.filename, entry.line, code.name);
            if let Some(mut line) = source_line(&code.filename, entry.line) {
                // traceback.py counts the stripped trailing whitespace as
                // indentation, so its markers stand that much further left.
                let mut shift = 0;
                if style == SourceStyle::TracebackModule {
                    let kept = line.trim_end().len();
                    shift = line[kept..].chars().count();
                    line.truncate(kept);
                }
                let _ = writeln!(out, "    {}", line.trim_start_matches(INDENT));
                if let Some(markers) = entry.position.and_then(|p| markers(&line, p, shift)) {
                    let _ = writeln!(out, "    {markers}");
                }
            }
        }
    }
    repeated_line(&mut out, count);
    out
}

/// `tb_print_line_repeated`, for a run of `count` entries.
fn repeated_line(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        let _ = writeln!(out, "  [Previous line repeated {more} more time{}]", if more > 1 { "s" } else { "" });
    }
}

/// What CPython strips from the front of a source line it shows.
const INDENT: [char; 3] = [' ', '\t', '\x0c'];

/// Line `lineno` of a file, as CPython's `linecache` would show it.
fn source_line(filename: &str, lineno: u32) -> Option<String> {
    let text = std::fs::read_to_string(filename).ok()?;
    text.lines().nth(lineno.checked_sub(1)? as usize).map(str::to_string)
}

/// The marker line under source line `line` for an instruction spanning
/// `p`, without its margin, or `None` where CPython 3.11 shows none
/// (`display_source_line_with_margin`): `^` under the span, or for a
/// binary operation or subscript on one line `~` under the operands and
/// `^` under the operator or brackets. A span covering the whole
/// (stripped) line gets no markers, unless it has an operator to point at.
/// A span over several lines is marked to the end of its first line.
/// The markers start `shift` columns further left.
fn markers(line: &str, p: Position, shift: usize) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let start = char_offset(line, p.col);
    let mut end = char_offset(line, p.end_col);
    let mut anchors = None;
    if p.line == p.end_line {
        if start <= end {
            anchors = operator_anchors(&chars[start..end].iter().collect::<String>());
        }
    } else {
        end = chars.iter().rposition(|c| !INDENT.contains(c)).map_or(0, |i| i + 1);
    }
    let indent = chars.iter().take_while(|c| INDENT.contains(c)).count();
    if end.saturating_sub(start) == chars.len() - indent && anchors.is_none() || start < indent {
        return None;
    }
    let (left_end, right_start) = anchors.map_or((usize::MAX, usize::MAX), |(l, r)| (start + l, start + r));
    let marks = (indent + shift.min(start - indent)..end).map(|i| match i {
        _ if i < start => ' ',
        _ if anchors.is_some() && left_end <= i && i < right_start => '^',
        _ if anchors.is_some() => '~',
        _ => '^',
    });
    Some(marks.collect())
}

/// `_PyPegen_byte_offset_to_character_offset`: the characters in the
/// first `col` bytes of `line`.
fn char_offset(line: &str, col: u32) -> usize {
    let col = (col as usize).min(line.len());
    line.char_indices().take_while(|&(i, _)| i < col).count()
}

/// `extract_anchors_from_line`: `segment` parsed on its own; for a binary
/// operation the operator's character offsets in it, for a subscript the
/// brackets'.
fn operator_anchors(segment: &str) -> Option<(usize, usize)> {
    let (l, r) = operator_byte_anchors(segment)?;
    Some((char_offset(segment, l as u32), char_offset(segment, r as u32)))
}

/// `operator_anchors` in bytes: the scans step over ASCII only.
fn operator_byte_anchors(segment: &str) -> Option<(usize, usize)> {
    use crate::ast::{ExprKind, Mod, StmtKind};
    let Ok(Mod::Module { body, .. }) = crate::parser::parse_module(segment) else { return None };
    let [stmt] = &body[..] else { return None };
    let StmtKind::Expr { value } = &stmt.kind else { return None };
    let bytes = segment.as_bytes();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\x0c');
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (from, to) = (left.range.end as usize, right.range.start as usize);
            let mut found = None;
            for i in from..to.min(bytes.len()) {
                if space(bytes[i]) {
                    continue;
                }
                let two_chars = i + 1 < to && !space(bytes[i + 1]);
                found = Some((i, i + 1 + two_chars as usize));
                // A closing parenthesis of the left operand is not the
                // operator: keep looking.
                if i + 1 < to && bytes[i] == b')' {
                    continue;
                }
                break;
            }
            found
        }
        ExprKind::Subscript { value, slice, .. } => {
            let mut left = value.range.end as usize;
            let mut right = slice.range.end as usize + 1;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}
