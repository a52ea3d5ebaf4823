//! Tab completion, as CPython's `rlcompleter` offers it.
//!
//! Model: the word before the cursor is either a name (completed from the
//! keywords, `__main__`'s globals and the builtins) or `a.b.c.prefix`
//! (completed from `dir(a.b.c)`). Unlike rlcompleter, which `eval`s the
//! dotted part, the object is reached by plain dictionary lookups and
//! attribute lookups only: completing never calls anything but `dir`,
//! `callable` and attribute getters. Suffixes follow rlcompleter: `(` after
//! a callable, `:` after `try`/`finally`, a space after most keywords.
//! With nothing before the cursor, Tab indents.

use crate::Interpreter;
use crate::heap::Obj;
use crate::vm::Vm;

/// What Tab inserts on an empty line (rlcompleter inserts a tab; spaces
/// mix safely with indentation typed by hand).
const INDENT: &str = "    ";

/// Python 3.11's `keyword.kwlist`.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The completions of the text before the cursor: where the completed
/// word starts (a byte offset into `before_cursor`) and the candidates
/// that replace it, sorted.
pub fn complete(interp: &mut Interpreter, before_cursor: &str) -> (usize, Vec<String>) {
    let start = before_cursor
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '_' || c == '.')
        .last()
        .map_or(before_cursor.len(), |(i, _)| i);
    let word = &before_cursor[start..];
    if word.is_empty() {
        let blank = before_cursor.trim().is_empty();
        return (start, if blank { vec![INDENT.to_string()] } else { Vec::new() });
    }
    let (vm, globals) = interp.vm_and_globals();
    let mut found = match word.rsplit_once('.') {
        Some((path, prefix)) => attribute_matches(vm, &globals, path, prefix),
        None => name_matches(vm, &globals, word),
    };
    found.sort();
    found.dedup();
    (start, found)
}

fn name_matches(vm: &mut Vm, globals: &Obj, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    for &word in KEYWORDS.iter().filter(|k| k.starts_with(prefix)) {
        let suffix = match word {
            "try" | "finally" => ":",
            "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => "",
            _ => " ",
        };
        found.push(format!("{word}{suffix}"));
    }
    let builtins = vm.builtins.clone();
    for namespace in [globals, &builtins] {
        for key in vm.dict_keys(namespace) {
            let name = vm.str_lossy(&key);
            if !name.starts_with(prefix) || KEYWORDS.contains(&name.as_str()) {
                continue;
            }
            let value = vm.dict_get(namespace, &key).ok().flatten();
            let callable = value.is_some_and(|v| is_callable(vm, &v));
            found.push(if callable { format!("{name}(") } else { name });
        }
    }
    found
}

fn attribute_matches(vm: &mut Vm, globals: &Obj, path: &str, prefix: &str) -> Vec<String> {
    let Some(obj) = resolve(vm, globals, path) else { return Vec::new() };
    let Some(names) = call_builtin(vm, "dir", &obj).map(|list| vm.iterate_to_vec(&list)) else { return Vec::new() };
    let mut found = Vec::new();
    for name_obj in names.unwrap_or_default() {
        let name = vm.str_lossy(&name_obj);
        // As rlcompleter: `_` names only when asked for, `__` names only
        // when the prefix starts with `__`.
        let hidden = match prefix {
            "" => name.starts_with('_'),
            "_" => name.starts_with("__"),
            _ => false,
        };
        if hidden || !name.starts_with(prefix) {
            continue;
        }
        let callable = vm.get_attr(&obj, &name_obj).is_ok_and(|v| is_callable(vm, &v));
        found.push(if callable { format!("{path}.{name}(") } else { format!("{path}.{name}") });
    }
    found
}

/// The object a dotted path of plain names denotes, found without
/// evaluating anything: a global or builtin, then attribute lookups.
fn resolve(vm: &mut Vm, globals: &Obj, path: &str) -> Option<Obj> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    if !is_identifier(first) {
        return None;
    }
    let key = vm.new_str(first);
    let builtins = vm.builtins.clone();
    let mut obj = match vm.dict_get(globals, &key).ok().flatten() {
        Some(o) => o,
        None => vm.dict_get(&builtins, &key).ok().flatten()?,
    };
    for part in parts {
        if !is_identifier(part) {
            return None;
        }
        let name = vm.new_str(part);
        obj = vm.get_attr(&obj, &name).ok()?;
    }
    Some(obj)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}

fn is_callable(vm: &mut Vm, value: &Obj) -> bool {
    call_builtin(vm, "callable", value).is_some_and(|r| vm.truthy(&r).unwrap_or(false))
}

/// Calls the builtin `name` with one argument; None if it is missing or
/// raised.
fn call_builtin(vm: &mut Vm, name: &str, arg: &Obj) -> Option<Obj> {
    let key = vm.new_str(name);
    let builtins = vm.builtins.clone();
    let f = vm.dict_get(&builtins, &key).ok().flatten()?;
    vm.call_object(&f, std::slice::from_ref(arg)).ok()
}
