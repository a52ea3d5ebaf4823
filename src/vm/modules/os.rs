//! A small `os` module (POSIX only): the file-system calls scripts use
//! around `open()` — `remove`/`unlink`, `rename`, `mkdir`, `rmdir`,
//! `listdir`, `getcwd`, `fspath` — and `os.path` with `exists`, `isfile`,
//! `isdir`, `getsize`, `join`, `basename`, `dirname`, `splitext`.
//! Failures raise the OSError subclass of the OS error, with the path as
//! `filename`. `os.path` is also registered as `sys.modules['os.path']`.

use super::super::Vm;
use super::arity;
use crate::heap::{Kind, Obj};
use crate::object::{CallArgs, PyResult};

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("os");
    vm.module_fns(
        &m,
        &[
            ("remove", os_remove),
            ("unlink", os_remove),
            ("rename", os_rename),
            ("mkdir", os_mkdir),
            ("rmdir", os_rmdir),
            ("listdir", os_listdir),
            ("getcwd", os_getcwd),
            ("fspath", os_fspath),
        ],
    );
    for (name, value) in [("sep", "/"), ("linesep", "\n"), ("name", "posix"), ("curdir", "."), ("pardir", "..")] {
        let v = vm.new_str(value);
        vm.module_set(&m, name, v);
    }
    let path = vm.new_module("posixpath");
    vm.module_fns(
        &path,
        &[
            ("exists", path_exists),
            ("isfile", path_isfile),
            ("isdir", path_isdir),
            ("getsize", path_getsize),
            ("join", path_join),
            ("basename", path_basename),
            ("dirname", path_dirname),
            ("splitext", path_splitext),
        ],
    );
    let sep = vm.new_str("/");
    vm.module_set(&path, "sep", sep);
    vm.module_set(&m, "path", path.clone());
    let key = vm.new_str("os.path");
    let mods = vm.modules.clone();
    let _ = vm.dict_set(&mods, key, path);
    m
}

/// A path argument: str, bytes or an object with `__fspath__`.
fn path_arg(vm: &mut Vm, o: &Obj, func: &str) -> PyResult<String> {
    match o.kind() {
        Kind::Str => Ok(vm.str_lossy(o)),
        Kind::Bytes => Ok(String::from_utf8_lossy(&vm.bytes_like(o).expect("bytes")).into_owned()),
        _ => match vm.lookup_special(o, "__fspath__") {
            Some(m) => {
                let p = vm.call_object(&m, &[o.clone()])?;
                path_arg(vm, &p, func)
            }
            None => Err(vm.type_error(format!(
                "{func}: path should be string, bytes or os.PathLike, not {}",
                vm.type_name(o)
            ))),
        },
    }
}

fn one_path(vm: &mut Vm, a: &CallArgs<'_>, func: &str) -> PyResult<(Obj, String)> {
    arity(vm, func, a.args, 1, 1)?;
    let p = path_arg(vm, &a.args[0], func)?;
    Ok((a.args[0].clone(), p))
}

fn os_remove(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, p) = one_path(vm, &a, "remove")?;
    std::fs::remove_file(&p).map_err(|e| vm.io_error(&e, Some(&o)))?;
    Ok(vm.none())
}

fn os_rmdir(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, p) = one_path(vm, &a, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| vm.io_error(&e, Some(&o)))?;
    Ok(vm.none())
}

fn os_mkdir(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "mkdir", a.args, 1, 2)?;
    let p = path_arg(vm, &a.args[0], "mkdir")?;
    std::fs::create_dir(&p).map_err(|e| vm.io_error(&e, Some(&a.args[0])))?;
    Ok(vm.none())
}

fn os_rename(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "rename", a.args, 2, 2)?;
    let from = path_arg(vm, &a.args[0], "rename")?;
    let to = path_arg(vm, &a.args[1], "rename")?;
    if let Err(e) = std::fs::rename(&from, &to) {
        let err = vm.io_error(&e, Some(&a.args[0]));
        if let Some(ev) = err.0.downcast::<crate::object::payloads::ExceptionValue>() {
            if let Some(d) = ev.dict.borrow().clone() {
                let k = vm.new_str("filename2");
                vm.dict_set(&d, k, a.args[1].clone())?;
            }
        }
        return Err(err);
    }
    Ok(vm.none())
}

fn os_listdir(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "listdir", a.args, 0, 1)?;
    let (o, p) = match a.args.first() {
        Some(o) => (o.clone(), path_arg(vm, o, "listdir")?),
        None => (vm.new_str("."), ".".to_string()),
    };
    let entries = std::fs::read_dir(&p).map_err(|e| vm.io_error(&e, Some(&o)))?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|e| vm.io_error(&e, Some(&o)))?;
        names.push(vm.new_str(&e.file_name().to_string_lossy()));
    }
    Ok(vm.new_list(names))
}

fn os_getcwd(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "getcwd", a.args, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| vm.io_error(&e, None))?;
    Ok(vm.new_str(&d.to_string_lossy()))
}

fn os_fspath(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "fspath", a.args, 1, 1)?;
    let o = &a.args[0];
    if matches!(o.kind(), Kind::Str | Kind::Bytes) {
        return Ok(o.clone());
    }
    match vm.lookup_special(o, "__fspath__") {
        Some(m) => vm.call_object(&m, &[o.clone()]),
        None => Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(o)))),
    }
}

fn metadata(vm: &mut Vm, a: &CallArgs<'_>, func: &str) -> PyResult<Option<std::fs::Metadata>> {
    let (_, p) = one_path(vm, a, func)?;
    Ok(std::fs::metadata(p).ok())
}

fn path_exists(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = metadata(vm, &a, "exists")?;
    Ok(vm.bool_obj(m.is_some()))
}

fn path_isfile(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = metadata(vm, &a, "isfile")?;
    Ok(vm.bool_obj(m.is_some_and(|m| m.is_file())))
}

fn path_isdir(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = metadata(vm, &a, "isdir")?;
    Ok(vm.bool_obj(m.is_some_and(|m| m.is_dir())))
}

fn path_getsize(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, p) = one_path(vm, &a, "getsize")?;
    let m = std::fs::metadata(p).map_err(|e| vm.io_error(&e, Some(&o)))?;
    Ok(vm.new_int(m.len() as i64))
}

fn path_join(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "join", a.args, 1, usize::MAX)?;
    let mut out = path_arg(vm, &a.args[0], "join")?;
    for part in &a.args[1..] {
        let p = path_arg(vm, part, "join")?;
        if p.starts_with('/') {
            out = p;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&p);
        } else {
            out.push('/');
            out.push_str(&p);
        }
    }
    Ok(vm.new_str(&out))
}

fn path_basename(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (_, p) = one_path(vm, &a, "basename")?;
    let base = p.rsplit('/').next().unwrap_or("");
    Ok(vm.new_str(base))
}

fn path_dirname(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (_, p) = one_path(vm, &a, "dirname")?;
    let head = match p.rfind('/') {
        Some(i) => {
            let h = &p[..=i];
            let trimmed = h.trim_end_matches('/');
            if trimmed.is_empty() { h } else { trimmed }
        }
        None => "",
    };
    Ok(vm.new_str(head))
}

fn path_splitext(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (_, p) = one_path(vm, &a, "splitext")?;
    let base_start = p.rfind('/').map_or(0, |i| i + 1);
    let base = &p[base_start..];
    let dot = base.rfind('.').filter(|&i| base[..i].chars().any(|c| c != '.'));
    let (root, ext) = match dot {
        Some(i) => (&p[..base_start + i], &p[base_start + i..]),
        None => (p.as_str(), ""),
    };
    let items = vec![vm.new_str(root), vm.new_str(ext)];
    Ok(vm.new_tuple(items))
}
