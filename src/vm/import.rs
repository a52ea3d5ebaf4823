//! Imports: `sys.modules`, then `.py` files and packages on `sys.path`
//! (the script's folder first), then the embedded stdlib, then the native
//! modules. Relative names arrive with their leading dots and resolve
//! against the importing module's `__package__`.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::PyResult;

/// The stdlib modules compiled into the binary: (name, is package, source).
const STDLIB: &[(&str, bool, &str)] = &[
    ("abc", false, include_str!("../../stdlib/abc.py")),
    ("bisect", false, include_str!("../../stdlib/bisect.py")),
    ("copy", false, include_str!("../../stdlib/copy.py")),
    ("dataclasses", false, include_str!("../../stdlib/dataclasses.py")),
    ("enum", false, include_str!("../../stdlib/enum.py")),
    ("functools", false, include_str!("../../stdlib/functools.py")),
    ("heapq", false, include_str!("../../stdlib/heapq.py")),
    ("inspect", false, include_str!("../../stdlib/inspect.py")),
    ("itertools", false, include_str!("../../stdlib/itertools.py")),
    ("operator", false, include_str!("../../stdlib/operator.py")),
    ("string", false, include_str!("../../stdlib/string.py")),
    ("traceback", false, include_str!("../../stdlib/traceback.py")),
    ("types", false, include_str!("../../stdlib/types.py")),
    ("typing", false, include_str!("../../stdlib/typing.py")),
    ("_generic_alias", false, include_str!("../../stdlib/_generic_alias.py")),
    ("warnings", false, include_str!("../../stdlib/warnings.py")),
    ("weakref", false, include_str!("../../stdlib/weakref.py")),
    ("collections", true, include_str!("../../stdlib/collections/__init__.py")),
    ("collections.abc", false, include_str!("../../stdlib/collections/abc.py")),
];

/// Embedded modules that stand in for C code of CPython (`warnings` does
/// the work of `_warnings`): tracebacks show none of their frames, as
/// CPython's show no frame for a C function.
const HIDDEN_FROM_TRACEBACKS: &[&str] = &["<stdlib>/warnings.py"];

/// Whether a traceback leaves out frames running code of `filename`.
pub(crate) fn hidden_from_tracebacks(filename: &str) -> bool {
    HIDDEN_FROM_TRACEBACKS.contains(&filename)
}

impl Vm {
    /// Records the script: `sys.argv = [filename]`, `sys.path[0]` its folder.
    pub fn set_script(&mut self, filename: &str) {
        let dir = std::path::Path::new(filename).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        self.set_argv(&[filename], if dir.is_empty() { "." } else { &dir });
        self.set_main_file(filename);
    }

    /// Sets `sys.argv` and makes `path0` the only entry of `sys.path`.
    pub fn set_argv(&mut self, argv: &[&str], path0: &str) {
        let Ok(Some(sys)) = self.sys_module() else { return };
        let argv: Vec<Obj> = argv.iter().map(|a| self.new_str(a)).collect();
        let argv = self.new_list(argv);
        self.module_set(&sys, "argv", argv);
        let dir = self.new_str(path0);
        let path = self.new_list(vec![dir]);
        self.module_set(&sys, "path", path);
    }

    /// Sets `__main__.__file__`.
    pub fn set_main_file(&mut self, filename: &str) {
        let main_key = self.intern("__main__");
        let mods = self.modules.clone();
        if let Ok(Some(main)) = self.dict_get(&mods, &main_key) {
            let f = self.new_str(filename);
            self.module_set(&main, "__file__", f);
        }
    }

    pub(crate) fn sys_module(&mut self) -> PyResult<Option<Obj>> {
        let k = self.intern("sys");
        let mods = self.modules.clone();
        self.dict_get(&mods, &k)
    }

    /// The `__package__` of the running frame's module.
    fn current_package(&mut self) -> PyResult<String> {
        let Some(g) = self.frames.last().map(|f| f.globals.clone()) else { return Ok(String::new()) };
        let k = self.intern("__package__");
        if let Some(p) = self.dict_get(&g, &k)? {
            if p.kind() == Kind::Str {
                return Ok(self.str_lossy(&p));
            }
        }
        Ok(String::new())
    }

    fn resolve_name(&mut self, name: &str) -> PyResult<String> {
        let level = name.chars().take_while(|c| *c == '.').count();
        if level == 0 {
            return Ok(name.to_string());
        }
        let rest = &name[level..];
        let package = self.current_package()?;
        if package.is_empty() {
            return Err(self.err(
                &self.types.exceptions.import_error.clone(),
                "attempted relative import with no known parent package",
            ));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level - 1 >= parts.len() {
            return Err(self.err(
                &self.types.exceptions.import_error.clone(),
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if rest.is_empty() { base } else { format!("{base}.{rest}") })
    }

    /// The embedded stdlib module `name`, from `sys.modules` or run now,
    /// never a file on `sys.path`: for the interpreter's own uses
    /// (`list[int]` needs `_generic_alias`), which a script's files must
    /// not replace.
    pub(crate) fn import_embedded(&mut self, name: &str) -> PyResult<Obj> {
        let mods = self.modules.clone();
        let key = self.new_str(name);
        if let Some(m) = self.dict_get(&mods, &key)? {
            return Ok(m);
        }
        match self.exec_embedded(name) {
            Some(m) => m,
            None => Err(self.import_error_named(
                &self.types.exceptions.module_not_found_error.clone(),
                format!("No module named '{name}'"),
                name,
            )),
        }
    }

    /// Runs the embedded stdlib module `full` (a package's `__init__`
    /// with its `__path__`), or `None` when the binary has no such module.
    fn exec_embedded(&mut self, full: &str) -> Option<PyResult<Obj>> {
        let &(_, is_pkg, src) = STDLIB.iter().find(|(n, _, _)| *n == full)?;
        let path = full.replace('.', "/");
        let file = if is_pkg { format!("<stdlib>/{path}/__init__.py") } else { format!("<stdlib>/{path}.py") };
        let dir = if is_pkg { Some(format!("<stdlib>/{path}")) } else { None };
        Some(self.exec_module(full, &file, src, dir.as_deref()))
    }

    /// `ImportName`: the module `name` (absolute or dotted-relative).
    pub(crate) fn import_module(&mut self, name: &Obj) -> PyResult<Obj> {
        let n = self.str_lossy(name);
        let full = self.resolve_name(&n)?;
        self.import_dotted(&full)
    }

    fn import_dotted(&mut self, full: &str) -> PyResult<Obj> {
        let mut module = None;
        let mut prefix = String::new();
        for part in full.split('.') {
            let parent = module.clone();
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let m = self.import_one(&prefix, parent.as_ref())?;
            if let Some(p) = &parent {
                let k = self.intern(part);
                self.set_attr(p, k, m.clone())?;
            }
            module = Some(m);
        }
        Ok(module.expect("a name has one part at least"))
    }

    fn import_one(&mut self, full: &str, parent: Option<&Obj>) -> PyResult<Obj> {
        let mods = self.modules.clone();
        let key = self.new_str(full);
        if let Some(m) = self.dict_get(&mods, &key)? {
            return Ok(m);
        }
        let short = full.rsplit('.').next().unwrap_or(full);
        let dirs: Vec<String> = match parent {
            Some(p) => {
                let k = self.intern("__path__");
                match self.get_attr(p, &k) {
                    Ok(l) => self.iterate_to_vec(&l)?.iter().map(|d| self.str_lossy(d)).collect(),
                    Err(_) => Vec::new(),
                }
            }
            None => {
                let sys = self.sys_module()?;
                let mut v = Vec::new();
                if let Some(sys) = sys {
                    let k = self.intern("path");
                    if let Ok(l) = self.get_attr(&sys, &k) {
                        v = self.iterate_to_vec(&l)?.iter().map(|d| self.str_lossy(d)).collect();
                    }
                }
                v
            }
        };
        for d in &dirs {
            let pkg = std::path::Path::new(d).join(short).join("__init__.py");
            if pkg.is_file() {
                let src = std::fs::read_to_string(&pkg).unwrap_or_default();
                let dir = std::path::Path::new(d).join(short).to_string_lossy().into_owned();
                return self.exec_module(full, &pkg.to_string_lossy(), &src, Some(&dir));
            }
            let file = std::path::Path::new(d).join(format!("{short}.py"));
            if file.is_file() {
                let src = std::fs::read_to_string(&file).unwrap_or_default();
                return self.exec_module(full, &file.to_string_lossy(), &src, None);
            }
        }
        if let Some(m) = self.exec_embedded(full) {
            return m;
        }
        if parent.is_none() {
            if let Some(m) = self.native_module(full)? {
                self.dict_set(&mods, key, m.clone())?;
                return Ok(m);
            }
        }
        let t = self.types.exceptions.module_not_found_error.clone();
        Err(self.import_error_named(&t, format!("No module named '{full}'"), full))
    }

    /// Compiles and runs a module's source in a new module object, which
    /// is in `sys.modules` while it runs (and removed if it fails).
    fn exec_module(&mut self, name: &str, file: &str, src: &str, pkg_dir: Option<&str>) -> PyResult<Obj> {
        let m = self.new_module(name);
        let f = self.new_str(file);
        self.module_set(&m, "__file__", f);
        let package = match pkg_dir {
            Some(_) => name.to_string(),
            None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
        };
        let p = self.new_str(&package);
        self.module_set(&m, "__package__", p);
        if let Some(d) = pkg_dir {
            let d = self.new_str(d);
            let l = self.new_list(vec![d]);
            self.module_set(&m, "__path__", l);
        }
        let b = self.builtins.clone();
        self.module_set(&m, "__builtins__", b);
        let mods = self.modules.clone();
        let key = self.new_str(name);
        self.dict_set(&mods, key.clone(), m.clone())?;
        let result = self.compile_and_run(&m, file, src);
        if let Err(e) = result {
            let _ = self.dict_remove(&mods, &key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.dict_get(&mods, &key)?.unwrap_or(m))
    }

    fn compile_and_run(&mut self, m: &Obj, file: &str, src: &str) -> PyResult<()> {
        use crate::compiler::{CompileError, compile_module};
        let module = crate::parse_module(src).map_err(|e| {
            let loc = e.locate(src, file);
            self.err(&self.types.exceptions.import_error.clone(), format!("{loc}"))
        })?;
        let code = match compile_module(self, &module, src, file) {
            Ok(c) => c,
            Err(CompileError::Syntax(e)) => {
                let loc = e.locate(src, file);
                return Err(self.err(&self.types.exceptions.import_error.clone(), format!("{loc}")));
            }
            Err(CompileError::NotImplemented(what, line)) => {
                return Err(self.err(
                    &self.types.exceptions.not_implemented_error.clone(),
                    format!("ouro does not support {what} yet (line {line})"),
                ));
            }
        };
        let globals = m.downcast::<ModuleValue>().expect("module").dict.clone();
        self.run_module_code(code, &globals)?;
        Ok(())
    }

    /// `from m import *` into the namespace `ns`, as CPython's
    /// `import_all_from`: the names of `m.__all__`, else the keys of
    /// `m.__dict__` that do not start with `_`, each read with
    /// `getattr` (a name `__all__` lists but the module lacks is an
    /// `AttributeError`) and stored in order.
    #[cold]
    pub(crate) fn import_star(&mut self, m: &Obj, ns: &Obj) -> PyResult<()> {
        let all_key = self.intern("__all__");
        let (names, from_dict) = match self.lookup_attr(m, &all_key)? {
            Some(all) => (all, false),
            None => {
                let dict_key = self.intern("__dict__");
                let Some(dict) = self.lookup_attr(m, &dict_key)? else {
                    let t = self.types.exceptions.import_error.clone();
                    return Err(self.err(&t, "from-import-* object has no __dict__ and no __all__"));
                };
                let keys = self.intern("keys");
                let keys = self.get_attr(&dict, &keys)?;
                let keys = self.call_object(&keys, &[])?;
                let keys = self.iterate_to_vec(&keys)?;
                (self.new_list(keys), true)
            }
        };
        // Indexed until `IndexError`, as `PySequence_GetItem` walks it.
        let mut i = 0i64;
        loop {
            let index = self.new_int(i);
            let name = match self.get_item(&names, &index) {
                Ok(n) => n,
                Err(e) if self.isinstance(&e.0, &self.types.exceptions.index_error.clone()) => return Ok(()),
                Err(e) => return Err(e),
            };
            i += 1;
            let Some(s) = name.downcast::<StrValue>() else {
                let name_key = self.intern("__name__");
                let modname = self.get_attr(m, &name_key)?;
                if modname.downcast::<StrValue>().is_none() {
                    return Err(self.type_error(format!("module __name__ must be a string, not {}", self.type_name(&modname))));
                }
                let (what, field) = if from_dict { ("Key", "__dict__") } else { ("Item", "__all__") };
                let modname = self.str_lossy(&modname);
                return Err(self.type_error(format!("{what} in {modname}.{field} must be str, not {}", self.type_name(&name))));
            };
            if from_dict && s.text.as_bytes().first() == Some(&b'_') {
                continue;
            }
            let value = self.get_attr(m, &name)?;
            self.set_item(ns, name, value)?;
        }
    }

    /// `ImportFrom`: `name` from the module on top of the stack, importing
    /// the submodule `module.name` when the attribute is missing.
    pub(crate) fn import_from(&mut self, name: &Obj) -> PyResult<Obj> {
        let m = self.stack.last().clone();
        match self.get_attr(&m, name) {
            Ok(v) => Ok(v),
            Err(e) => {
                if !self.isinstance(&e.0, &self.types.exceptions.attribute_error.clone()) {
                    return Err(e);
                }
                let Some(mv) = m.downcast::<ModuleValue>() else { return Err(e) };
                let mname = self.str_lossy(&mv.name);
                let n = self.str_lossy(name);
                let has_path = {
                    let k = self.intern("__path__");
                    self.get_attr(&m, &k).is_ok()
                };
                if has_path {
                    if let Ok(sub) = self.import_dotted(&format!("{mname}.{n}")) {
                        return Ok(sub);
                    }
                }
                let file = {
                    let k = self.intern("__file__");
                    self.get_attr(&m, &k).ok().map(|f| self.str_lossy(&f))
                };
                let loc = match &file {
                    Some(f) => format!(" ({f})"),
                    None => " (unknown location)".to_string(),
                };
                let t = self.types.exceptions.import_error.clone();
                let err = self.import_error_named(&t, format!("cannot import name '{n}' from '{mname}'{loc}"), &mname);
                if let Some(f) = file {
                    let (k, v) = (self.intern("path"), self.new_str(&f));
                    self.set_attr(&err.0, k, v)?;
                }
                Err(err)
            }
        }
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`:
/// what an `import` statement does, as a function. Gives the top package
/// for `import a.b` (empty `fromlist`), else the module itself.
pub(super) fn builtin_import(vm: &mut Vm, a: crate::object::CallArgs<'_>) -> PyResult<Obj> {
    let params = super::args::Params { names: &["name", "globals", "locals", "fromlist", "level"], posonly: 0, required: 1 };
    let args = super::args::clinic_args(vm, "__import__", &a, &params)?;
    let name = args[0].clone().expect("required");
    if name.kind() != Kind::Str {
        return Err(vm.type_error("module name must be a string"));
    }
    let level = match &args[4] {
        Some(l) => {
            use num_traits::ToPrimitive;
            let l = vm.index_value(l)?;
            if l.sign() == num_bigint::Sign::Minus {
                return Err(vm.value_error("level must be >= 0"));
            }
            l.to_usize().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?
        }
        None => 0,
    };
    let text = vm.str_lossy(&name);
    if text.is_empty() && level == 0 {
        return Err(vm.value_error("Empty module name"));
    }
    let dotted = format!("{}{text}", ".".repeat(level));
    let full = vm.resolve_name(&dotted)?;
    let module = vm.import_dotted(&full)?;
    let from_list = match &args[3] {
        Some(f) if !f.is(&vm.none()) => vm.truthy(f)?,
        _ => false,
    };
    // A relative import gives the module it names, as `importlib` does
    // for a name with no dots.
    if from_list || level > 0 {
        return Ok(module);
    }
    let top = full.split('.').next().unwrap_or(&full).to_string();
    vm.import_dotted(&top)
}
