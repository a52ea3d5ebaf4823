//! Argument parsing for native functions that take keywords, with the
//! messages of CPython's Argument Clinic (`_PyArg_UnpackKeywords`).
//!
//! Checks run in CPython's order, because scripts see which error wins:
//! the total count, too many positionals, too few positional-only ones,
//! each missing required parameter, then unknown or duplicated keywords.

use super::Vm;
use crate::heap::Obj;
use crate::object::{CallArgs, PyResult};

/// A native function's parameter list: `names` in order, the first
/// `posonly` positional-only, the first `required` without a default.
pub(crate) struct Params<'n> {
    pub names: &'n [&'n str],
    pub posonly: usize,
    pub required: usize,
}

/// The value of each parameter of `params` (None where not given).
pub(crate) fn clinic_args(vm: &Vm, fname: &str, a: &CallArgs<'_>, params: &Params<'_>) -> PyResult<Vec<Option<Obj>>> {
    let pos = a.positional_args();
    let (nargs, nkw) = (pos.len(), a.kwnames.len());
    let max = params.names.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if nargs + nkw > max {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max} {keyword}argument{} ({} given)",
            plural(max),
            nargs + nkw
        )));
    }
    let min_posonly = params.posonly.min(params.required);
    if nargs < min_posonly {
        let how = if min_posonly < max { "at least" } else { "exactly" };
        return Err(vm.type_error(format!(
            "{fname}() takes {how} {min_posonly} positional argument{} ({nargs} given)",
            plural(min_posonly)
        )));
    }
    let mut out: Vec<Option<Obj>> = pos.iter().cloned().map(Some).collect();
    out.resize(max, None);
    let keywords: Vec<(String, &Obj)> =
        a.kwnames.iter().map(|k| vm.str_lossy(k)).zip(&a.args[nargs..]).collect();
    for (i, name) in params.names.iter().enumerate().skip(nargs.max(params.posonly)) {
        if let Some((_, value)) = keywords.iter().find(|(k, _)| k == name) {
            out[i] = Some((*value).clone());
        } else if i < params.required {
            return Err(vm.type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    for (k, _) in &keywords {
        match params.names.iter().position(|n| n == k) {
            Some(i) if i >= params.posonly && i < nargs => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) if i >= params.posonly => {}
            _ => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    Ok(out)
}

/// Splits a native call into positional arguments and the values of the
/// allowed keywords (in `allowed`'s order); for functions that check their
/// positional count themselves.
pub(crate) fn kwargs<'a>(
    vm: &Vm,
    fname: &str,
    a: &CallArgs<'a>,
    allowed: &[&str],
) -> PyResult<(&'a [Obj], Vec<Option<Obj>>)> {
    let pos = a.positional_args();
    let mut out = vec![None; allowed.len()];
    for (name, value) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        let n = vm.str_lossy(name);
        match allowed.iter().position(|x| *x == n) {
            Some(i) => out[i] = Some(value.clone()),
            None => return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for {fname}()"))),
        }
    }
    Ok((pos, out))
}
