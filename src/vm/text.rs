//! `repr()` and `str()` of objects.
//!
//! Builtin types are rendered here as CPython renders them; instances use
//! their class's `__repr__`/`__str__`. Containers that contain themselves
//! print `[...]`, tracked by the `repr_active` set of object addresses.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;
use crate::text::repr::{repr_float, repr_str};

impl Vm {
    /// The `__repr__` a class's metaclass defines in Python, if any.
    fn metaclass_repr(&mut self, cls: &Obj) -> Option<Obj> {
        let key = self.intern("__repr__");
        self.lookup_type_attr(&cls.type_obj(), &key).filter(|f| f.kind() != Kind::BuiltinFunction)
    }

    pub fn repr(&mut self, o: &Obj) -> PyResult<String> {
        let mut out = String::new();
        match o.kind() {
            Kind::None => out.push_str("None"),
            Kind::Bool => out.push_str(if o.downcast::<BoolValue>().is_some_and(|b| b.0) { "True" } else { "False" }),
            Kind::Int if o.has_type(&self.types.int) => match o.downcast::<IntValue>().expect("int") {
                IntValue::Small(i) => out.push_str(&i.to_string()),
                IntValue::Big(b) => out.push_str(&self.big_to_decimal(b)?),
            },
            Kind::Float if o.has_type(&self.types.float) => repr_float(o.downcast::<FloatValue>().expect("float").0, &mut out),
            Kind::Str if o.has_type(&self.types.str_) => repr_str(&o.downcast::<StrValue>().expect("str").text, &mut out),
            Kind::NotImplemented => out.push_str("NotImplemented"),
            Kind::Ellipsis => out.push_str("Ellipsis"),
            Kind::List | Kind::Tuple | Kind::Dict if self.is_builtin_container(o) => return self.repr_container(o),
            // A metaclass's own `__repr__` (`<enum 'Color'>`).
            Kind::Type if !o.has_type(&self.types.type_) && self.metaclass_repr(o).is_some() => return self.repr_slow(o),
            Kind::Type => {
                let tv = o.downcast::<TypeValue>().expect("type");
                if tv.flags.get() & type_flags::HEAP_TYPE != 0 {
                    let module = self.type_module_name(o);
                    let q = self.type_qualname(o);
                    if module == "builtins" {
                        out.push_str(&format!("<class '{q}'>"));
                    } else {
                        out.push_str(&format!("<class '{module}.{q}'>"));
                    }
                } else {
                    out.push_str(&format!("<class '{}'>", tv.name.borrow()));
                }
            }
            Kind::Function => {
                let f = o.downcast::<FunctionValue>().expect("function");
                let q = self.str_lossy(&f.qualname.borrow());
                out.push_str(&format!("<function {q} at {:#x}>", o.addr()));
            }
            Kind::BuiltinFunction => {
                let f = o.downcast::<BuiltinFunctionValue>().expect("builtin");
                match &f.bound {
                    Some(b) => out.push_str(&format!(
                        "<built-in method {} of {} object at {:#x}>",
                        f.name,
                        self.type_name(b),
                        b.addr()
                    )),
                    None => match f.binds.then(|| self.builtin_method_owner(o)).flatten() {
                        Some(owner) => out.push_str(&format!("<method '{}' of '{owner}' objects>", f.name)),
                        None => out.push_str(&format!("<built-in function {}>", f.name)),
                    },
                }
            }
            Kind::Code => {
                let c = &o.downcast::<CodeValue>().expect("code").0;
                out.push_str(&format!("<code object {} at {:#x}, file \"{}\", line {}>", c.name, o.addr(), c.filename, c.firstlineno));
            }
            Kind::BoundMethod => {
                let m = o.downcast::<BoundMethodValue>().expect("bound method");
                let (func, self_) = (m.func.clone(), m.self_.clone());
                out.push_str(&self.bound_method_repr(&func, &self_)?);
            }
            Kind::Module => {
                let m = o.downcast::<ModuleValue>().expect("module");
                out.push_str(&format!("<module '{}'>", self.str_lossy(&m.name)));
            }
            Kind::Range => out.push_str(&self.range_repr(o.downcast::<RangeValue>().expect("range"))),
            Kind::Exception if self.lookup_special(o, "__repr__").is_none() => {
                let name = self.type_name(o);
                let args = o.downcast::<ExceptionValue>().expect("exception").args.borrow().clone();
                let items = args.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default();
                let mut parts = Vec::with_capacity(items.len());
                for item in &items {
                    parts.push(self.repr(item)?);
                }
                let inner = parts.join(", ");
                out.push_str(&format!("{name}({inner})"));
            }
            _ => return self.repr_slow(o),
        }
        Ok(out)
    }

    /// CPython's `method_repr`: `<bound method QUALNAME of REPR(self)>`,
    /// the name read from the function's `__qualname__`, else its
    /// `__name__`, else `?`.
    #[cold]
    fn bound_method_repr(&mut self, func: &Obj, self_: &Obj) -> PyResult<String> {
        let mut name = None;
        for attr in ["__qualname__", "__name__"] {
            let key = self.intern(attr);
            if let Some(v) = self.lookup_attr(func, &key)? {
                name = v.downcast::<StrValue>().map(|s| s.text.to_string_lossy());
                break;
            }
        }
        let r = self.repr(self_)?;
        Ok(format!("<bound method {} of {r}>", name.as_deref().unwrap_or("?")))
    }

    /// The builtin type whose namespace holds the method `f` (CPython's
    /// method descriptor knows its class; ouro's builtin methods do not,
    /// so the types are searched, from `object` down its subclasses).
    /// Only reprs ask, so the walk over the builtin types is no cost.
    #[cold]
    fn builtin_method_owner(&self, f: &Obj) -> Option<String> {
        let mut pending = vec![self.types.object.clone()];
        let mut seen = std::collections::HashSet::new();
        while let Some(t) = pending.pop() {
            let Some(tv) = t.downcast::<TypeValue>() else { continue };
            if !seen.insert(t.addr()) {
                continue;
            }
            if tv.dict.borrow().iter().any(|(_, v)| v.is(f)) {
                return Some(tv.name.borrow().clone());
            }
            // Classes made at run time define no builtin methods.
            pending.extend(super::subclasses::builtin_subclasses(tv));
        }
        None
    }

    fn is_builtin_container(&self, o: &Obj) -> bool {
        o.has_type(&self.types.list) || o.has_type(&self.types.tuple) || o.has_type(&self.types.dict)
    }

    #[cold]
    fn repr_slow(&mut self, o: &Obj) -> PyResult<String> {
        if let Some(m) = self.lookup_special(o, "__repr__") {
            let r = self.call_special(&m, o)?;
            return match r.downcast::<StrValue>() {
                Some(s) => Ok(s.text.to_string_lossy()),
                None => Err(self.type_error(format!("__repr__ returned non-string (type {})", self.type_name(&r)))),
            };
        }
        match o.kind() {
            Kind::List | Kind::Tuple | Kind::Dict => return self.repr_container(o),
            Kind::Int | Kind::Float | Kind::Str => return self.builtin_value_repr(o),
            _ => {}
        }
        if o.kind() == Kind::Descr {
            return self.descr_repr(o);
        }
        let t = o.type_obj();
        let module = self.type_module_name(&t);
        let qualname = self.type_qualname(&t);
        if module == "builtins" {
            return Ok(format!("<{qualname} object at {:#x}>", o.addr()));
        }
        Ok(format!("<{module}.{qualname} object at {:#x}>", o.addr()))
    }

    pub(crate) fn repr_container(&mut self, o: &Obj) -> PyResult<String> {
        if self.repr_active.contains(&o.addr()) {
            return Ok(match o.kind() {
                Kind::List => "[...]",
                Kind::Dict => "{...}",
                _ => "(...)",
            }
            .to_string());
        }
        self.with_native_depth(" while getting the repr of an object", |vm| {
            vm.repr_active.push(o.addr());
            let result = vm.repr_container_items(o);
            vm.repr_active.pop();
            result
        })
    }

    fn repr_container_items(&mut self, o: &Obj) -> PyResult<String> {
        let mut out = String::new();
        match o.kind() {
            Kind::Dict => {
                let items: Vec<(Obj, Obj)> = o
                    .downcast::<DictValue>()
                    .expect("dict")
                    .0
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.key.clone(), v.clone()))
                    .collect();
                out.push('{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(k)?);
                    out.push_str(": ");
                    out.push_str(&self.repr(v)?);
                }
                out.push('}');
            }
            kind => {
                let items = self.iterate_to_vec(o)?;
                let (open, close) = if kind == Kind::List { ('[', ']') } else { ('(', ')') };
                out.push(open);
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(x)?);
                }
                if kind == Kind::Tuple && items.len() == 1 {
                    out.push(',');
                }
                out.push(close);
            }
        }
        Ok(out)
    }

    /// `str(o)`.
    pub fn to_str(&mut self, o: &Obj) -> PyResult<String> {
        match o.kind() {
            Kind::Str if o.has_type(&self.types.str_) => Ok(o.downcast::<StrValue>().expect("str").text.to_string_lossy()),
            Kind::Exception if self.lookup_special(o, "__str__").is_none() => {
                if let Some(s) = self.syntax_error_str(o) {
                    return Ok(s);
                }
                if let Some(s) = self.special_exception_str(o) {
                    return s;
                }
                let args = o.downcast::<ExceptionValue>().expect("exception").args.borrow().clone();
                let items = args.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default();
                match items.as_slice() {
                    [] => Ok(String::new()),
                    [one] if self.isinstance(o, &self.types.exceptions.key_error) => self.repr(one),
                    [one] => self.to_str(one),
                    _ => self.repr(&args),
                }
            }
            Kind::Instance | Kind::Exception => match self.lookup_special(o, "__str__") {
                Some(m) => self.call_str_method(o, &m),
                None => self.repr(o),
            },
            // A class statement's subclass of a builtin (`class S(str)`,
            // `class I(int)`): a `__str__` it defines wins; else the
            // builtin's own str, which for a str is its text, not a repr.
            _ if self.type_flags_of(o) & crate::object::payloads::type_flags::HEAP_TYPE != 0 => {
                match self.lookup_special(o, "__str__").filter(|m| m.kind() == Kind::Function) {
                    Some(m) => self.call_str_method(o, &m),
                    None => match o.downcast::<StrValue>() {
                        Some(s) => Ok(s.text.to_string_lossy()),
                        None => self.repr(o),
                    },
                }
            }
            _ => self.repr(o),
        }
    }

    /// Calls the `__str__` method `m` found for `o`; its result must be a
    /// str.
    fn call_str_method(&mut self, o: &Obj, m: &Obj) -> PyResult<String> {
        let r = self.call_special(m, o)?;
        match r.downcast::<StrValue>() {
            Some(s) => Ok(s.text.to_string_lossy()),
            None => Err(self.type_error(format!("__str__ returned non-string (type {})", self.type_name(&r)))),
        }
    }

    /// The repr, or CPython's placeholder when the repr itself fails.
    pub fn repr_or_fallback(&mut self, o: &Obj) -> String {
        self.repr(o).unwrap_or_else(|_| format!("<unprintable {} object>", self.type_name(o)))
    }

    pub fn str_or_fallback(&mut self, o: &Obj) -> String {
        self.to_str(o).unwrap_or_else(|_| format!("<exception str() failed>"))
    }

    /// Decimal digits of a big int, within `sys.get_int_max_str_digits()`.
    fn big_to_decimal(&self, b: &num_bigint::BigInt) -> PyResult<String> {
        crate::text::int_text::int_to_decimal(b, self.max_str_digits).map_err(|e| self.format_error(e))
    }
}
