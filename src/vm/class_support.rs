//! Classes: the `class` statement (`__build_class__`, metaclasses,
//! `__classcell__`, `__set_name__`, `__init_subclass__`, `__slots__`),
//! `object`'s own methods, `super`,
//! and the builtins `property`, `staticmethod`, `classmethod`,
//! `issubclass`, `getattr`, `setattr`, `hasattr`, `delattr`.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use std::cell::{Cell, RefCell};

/// Installs this module's builtins and type methods (after `builtins::install`).
pub(crate) fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("__build_class__", build_class),
        ("issubclass", builtin_issubclass),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("hasattr", builtin_hasattr),
        ("delattr", builtin_delattr),
        ("isinstance", builtin_isinstance),
    ];
    let b = vm.builtins.clone();
    for &(name, f) in functions {
        let func = vm.new_builtin_function(name, f);
        let key = vm.intern(name);
        vm.dict_set(&b, key, func).expect("str keys");
    }
    let types: &[(&'static str, fn(&Vm) -> Obj, NativeFn)] = &[
        ("property", |vm| vm.types.property.clone(), new_property),
        ("staticmethod", |vm| vm.types.staticmethod.clone(), new_staticmethod),
        ("classmethod", |vm| vm.types.classmethod.clone(), new_classmethod),
        ("super", |vm| vm.types.super_.clone(), new_super),
    ];
    for &(name, get, new) in types {
        let t = get(vm);
        set_method(vm, &t, "__new__", new);
        let key = vm.intern(name);
        vm.dict_set(&b, key, t).expect("str keys");
    }
    let key = vm.intern("NotImplemented");
    let ni = vm.singletons.not_implemented.clone();
    vm.dict_set(&b, key, ni).expect("str keys");
    let prop = vm.types.property.clone();
    set_method(vm, &prop, "getter", property_getter);
    set_method(vm, &prop, "setter", property_setter);
    set_method(vm, &prop, "deleter", property_deleter);
    set_method(vm, &prop, "__get__", property_get);
    // Functions and the method wrappers are non-data descriptors, and say
    // so (`hasattr(f, "__get__")`, which `enum` and `inspect` test).
    for t in [vm.types.function.clone(), vm.types.staticmethod.clone(), vm.types.classmethod.clone()] {
        set_method(vm, &t, "__get__", property_get);
    }
    let object = vm.types.object.clone();
    set_method(vm, &object, "__new__", object_new);
    set_method(vm, &object, "__init__", object_init);
    set_method(vm, &object, "__getattribute__", object_getattribute);
    set_method(vm, &object, "__setattr__", object_setattr);
    set_method(vm, &object, "__delattr__", object_delattr);
    set_method(vm, &object, "__init_subclass__", object_init_subclass);
    // A classmethod (the default answer of `issubclass` hooks, PEP 3119).
    let hook = vm.new_builtin("__subclasshook__", object_subclasshook);
    let hook = Obj::new(DescrValue::ClassMethod(hook), &vm.types.classmethod);
    let key = vm.intern("__subclasshook__");
    vm.table_set_str(&object.downcast::<TypeValue>().expect("type").dict, key, hook);
    set_method(vm, &object, "__eq__", object_eq);
    set_method(vm, &object, "__ne__", object_ne);
    set_method(vm, &object, "__hash__", object_hash);
    let type_ = vm.types.type_.clone();
    set_method(vm, &type_, "mro", type_mro);
    set_method(vm, &type_, "__subclasses__", super::subclasses::type_subclasses);
    set_method(vm, &type_, "__call__", type_call_method);
    set_method(vm, &type_, "__subclasscheck__", type_subclasscheck);
    set_method(vm, &type_, "__instancecheck__", type_instancecheck);
    let dict = vm.types.dict.clone();
    set_method(vm, &dict, "__getitem__", dict_getitem);
    set_method(vm, &dict, "__setitem__", dict_setitem);
    let exc = vm.types.exceptions.base_exception.clone();
    set_method(vm, &exc, "__new__", exception_new);
    set_method(vm, &exc, "__init__", exception_init);
}

fn set_method(vm: &mut Vm, t: &Obj, name: &'static str, f: NativeFn) {
    let func = vm.new_builtin(name, f);
    let key = vm.intern(name);
    vm.table_set_str(&t.downcast::<TypeValue>().expect("a type").dict, key, func);
}

fn exact_args<'a>(vm: &Vm, name: &str, a: &CallArgs<'a>, min: usize, max: usize) -> PyResult<&'a [Obj]> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    super::modules::arity(vm, name, a.args, min, max)?;
    Ok(a.args)
}

pub(super) fn type_name_of(t: &Obj) -> String {
    t.downcast::<TypeValue>().map(|t| t.name.borrow().clone()).unwrap_or_default()
}

impl Vm {
    /// The dict entries of a dict object, in order.
    fn dict_entries(&self, d: &Obj) -> Vec<(Obj, Obj)> {
        d.downcast::<DictValue>().map(|d| d.0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect()).unwrap_or_default()
    }

    /// A class from a namespace dict, with C3 method resolution order.
    pub fn new_class(&mut self, name: &str, bases: Vec<Obj>, ns: &Obj) -> PyResult<Obj> {
        let meta = self.types.type_.clone();
        self.new_class_with_meta(&meta, name, bases, ns, &[], &[])
    }

    /// `type.__new__(meta, name, bases, ns, **kw)`: `kw` goes to the
    /// parent's `__init_subclass__`.
    pub fn new_class_with_meta(
        &mut self,
        meta: &Obj,
        name: &str,
        mut bases: Vec<Obj>,
        ns: &Obj,
        kwvalues: &[Obj],
        kwnames: &[Obj],
    ) -> PyResult<Obj> {
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        for b in &bases {
            if b.kind() != Kind::Type {
                return Err(self.type_error(format!("bases must be types")));
            }
        }
        let instance_kind = bases
            .iter()
            .filter_map(|b| b.downcast::<TypeValue>().map(|t| t.instance_kind))
            .find(|k| *k != Kind::Instance)
            .unwrap_or(Kind::Instance);
        let cls = Obj::new(
            TypeValue {
                name: RefCell::new(name.to_string()),
                bases: RefCell::new(bases.clone()),
                mro: RefCell::new(Vec::new()),
                dict: RefCell::new(crate::object::dict::DictTable::new()),
                instance_kind,
                qualname: RefCell::new(None),
                nslots: Cell::new(0),
                instance_dict_hint: Cell::new(0),
                call_plan: Cell::new(Default::default()),
                flags: Cell::new(type_flags::HEAP_TYPE),
                subclasses: RefCell::new(Vec::new()),
            },
            meta,
        );
        let mro = self.c3_mro(&cls, &bases)?;
        let tv = cls.downcast::<TypeValue>().expect("type");
        *tv.mro.borrow_mut() = mro;
        self.invalidate_type_cache();
        self.add_subclass(&cls, &bases)?;
        let entries = self.dict_entries(ns);
        let mut classcell = None;
        let mut slots = None;
        let mut has_hash = false;
        let mut has_eq = false;
        let mut has_doc = false;
        for (k, v) in &entries {
            if k.kind() != Kind::Str {
                continue;
            }
            let key = self.str_lossy(k);
            let mut v = v.clone();
            match key.as_str() {
                "__qualname__" => {
                    if v.kind() != Kind::Str {
                        return Err(self.type_error(format!(
                            "type __qualname__ must be a str, not {}",
                            self.type_name(&v)
                        )));
                    }
                    *tv.qualname.borrow_mut() = Some(self.str_lossy(&v));
                    continue;
                }
                "__classcell__" => {
                    classcell = Some(v.clone());
                    continue;
                }
                "__slots__" => slots = Some(v.clone()),
                "__hash__" => has_hash = true,
                "__eq__" => has_eq = true,
                "__doc__" => has_doc = true,
                "__init_subclass__" | "__class_getitem__" if v.kind() == Kind::Function => {
                    v = Obj::new(DescrValue::ClassMethod(v), &self.types.classmethod);
                }
                "__new__" if v.kind() == Kind::Function => {
                    v = Obj::new(DescrValue::StaticMethod(v), &self.types.staticmethod);
                }
                _ => {}
            }
            self.table_set_str(&tv.dict, k.clone(), v);
        }
        if has_eq && !has_hash {
            let key = self.intern("__hash__");
            let none = self.none();
            self.table_set_str(&tv.dict, key, none);
        }
        // Slots: members after the bases' ones; no `__dict__` unless asked.
        let base_slots = bases.iter().filter_map(|b| b.downcast::<TypeValue>().map(|t| t.nslots.get())).max().unwrap_or(0);
        tv.nslots.set(base_slots);
        let bases_no_dict = bases.iter().all(|b| {
            b.is(&self.types.object) || b.downcast::<TypeValue>().is_some_and(|t| t.flags.get() & type_flags::NO_DICT != 0)
        });
        if let Some(s) = slots {
            let names = if s.kind() == Kind::Str { vec![s.clone()] } else { self.iterate_to_vec(&s)? };
            let mut with_dict = false;
            let mut n = base_slots;
            for slot_name in names {
                if slot_name.kind() != Kind::Str {
                    return Err(self.type_error(format!(
                        "__slots__ items must be strings, not '{}'",
                        self.type_name(&slot_name)
                    )));
                }
                let sname = self.str_lossy(&slot_name);
                if sname == "__dict__" {
                    with_dict = true;
                    continue;
                }
                if self.table_get_str(&tv.dict, &slot_name).is_some() {
                    return Err(self.value_error(format!("'{sname}' in __slots__ conflicts with class variable")));
                }
                let member = Obj::new(
                    DescrValue::Slot { name: slot_name.clone(), index: n, owner: cls.clone() },
                    &self.types.member_descriptor,
                );
                self.table_set_str(&tv.dict, slot_name, member);
                n += 1;
            }
            tv.nslots.set(n);
            if !with_dict && bases_no_dict && instance_kind == Kind::Instance {
                tv.flags.set(tv.flags.get() | type_flags::NO_DICT);
            }
        } else if !bases_no_dict || instance_kind != Kind::Instance {
            // Inherits a `__dict__`.
        }
        // After the slots, as CPython's `type_new_set_doc`: a `__doc__`
        // slot is a member, and a class without a docstring gets None.
        let doc_key = self.intern("__doc__");
        if !has_doc && self.table_get_str(&tv.dict, &doc_key).is_none() {
            let none = self.none();
            self.table_set_str(&tv.dict, doc_key, none);
        }
        self.refresh_type_flags(&cls);
        if let Some(cell) = classcell {
            match cell.downcast::<CellValue>() {
                Some(c) => *c.0.borrow_mut() = Some(cls.clone()),
                None => {
                    return Err(self.type_error(format!(
                        "__classcell__ must be a nonlocal cell, not {}",
                        self.type_name(&cell)
                    )));
                }
            }
        }
        // `__set_name__` on the namespace's values.
        for (k, v) in &entries {
            if let Some(DescrValue::Property { name, .. }) = v.downcast::<DescrValue>() {
                if name.borrow().is_none() {
                    *name.borrow_mut() = Some(k.clone());
                }
                continue;
            }
            if v.kind() == Kind::Instance {
                if let Some(sn) = self.lookup_special(v, "__set_name__") {
                    self.call_object(&sn, &[v.clone(), cls.clone(), k.clone()])?;
                }
            }
        }
        // The parent's `__init_subclass__`.
        let key = self.intern("__init_subclass__");
        let mro = tv.mro.borrow().clone();
        let found = mro[1..].iter().find_map(|t| t.downcast::<TypeValue>().and_then(|tv| self.table_get_str(&tv.dict, &key)));
        if let Some(f) = found {
            let bound = self.descr_get(f, None, &cls)?;
            // Binds an unbound builtin (a builtin class method came bound).
            let bound = if bound.downcast::<BuiltinFunctionValue>().is_some_and(|b| b.bound.is_none()) {
                Obj::new(BoundMethodValue { func: bound, self_: cls.clone() }, &self.types.bound_method)
            } else {
                bound
            };
            let mut args = kwvalues.to_vec();
            args.truncate(kwnames.len());
            self.call(&bound, &args, kwnames)?;
        }
        Ok(cls)
    }

    /// C3 linearisation of `cls` over `bases`.
    fn c3_mro(&self, cls: &Obj, bases: &[Obj]) -> PyResult<Vec<Obj>> {
        let mut seqs: Vec<Vec<Obj>> =
            bases.iter().map(|b| b.downcast::<TypeValue>().map(|t| t.mro.borrow().clone()).unwrap_or_default()).collect();
        seqs.push(bases.to_vec());
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|x| x.is(b)) {
                return Err(self.type_error(format!("duplicate base class {}", type_name_of(b))));
            }
        }
        let mut out = vec![cls.clone()];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let head = seqs.iter().map(|s| s[0].clone()).find(|h| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(h))));
            let Some(head) = head else {
                let mut names: Vec<String> = Vec::new();
                for s in &seqs {
                    let n = type_name_of(&s[0]);
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for s in seqs.iter_mut() {
                if s[0].is(&head) {
                    s.remove(0);
                }
            }
            out.push(head);
        }
    }

    /// The metaclass of a class statement: the most derived of `meta` and
    /// the bases' types.
    fn calculate_meta(&self, meta: Obj, bases: &[Obj]) -> PyResult<Obj> {
        let mut winner = meta;
        for b in bases {
            let bt = b.type_obj();
            if self.is_subtype(&winner, &bt) {
                continue;
            }
            if self.is_subtype(&bt, &winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `issubclass(sub, sup)` for one class `sup`, honouring `__subclasscheck__`.
    fn subclass_check(&mut self, sub: &Obj, sup: &Obj) -> PyResult<bool> {
        if sup.kind() != Kind::Type {
            return Err(self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        }
        if sub.kind() != Kind::Type {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        }
        Ok(self.is_subtype(sub, sup))
    }
}

fn dict_getitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__getitem__", &a, 2, 2)?;
    let (d, key) = (&args[0], &args[1]);
    if d.kind() != Kind::Dict {
        return Err(vm.descriptor_mismatch("__getitem__", "dict", Some(d)));
    }
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    if !d.has_type(&vm.types.dict) {
        if let Some(m) = vm.lookup_special(d, "__missing__") {
            return vm.call_object(&m, &[d.clone(), key.clone()]);
        }
    }
    Err(vm.key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__setitem__", &a, 3, 3)?;
    if args[0].kind() != Kind::Dict {
        // A slot wrapper in CPython, whose wording differs from a method's.
        return Err(vm.type_error(format!(
            "descriptor '__setitem__' requires a 'dict' object but received a '{}'",
            vm.type_name(&args[0])
        )));
    }
    vm.dict_set(&args[0], args[1].clone(), args[2].clone())?;
    Ok(vm.none())
}

impl Vm {
    /// Iteration over an object with `__getitem__` but no `__iter__`:
    /// items 0, 1, ... until `IndexError` (collected up front).
    pub(crate) fn sequence_protocol_iter(&mut self, o: &Obj) -> PyResult<Obj> {
        let getitem = match self.lookup_special(o, "__getitem__") {
            Some(g) if o.kind() == Kind::Instance => g,
            _ => return Err(self.type_error(format!("'{}' object is not iterable", self.type_name(o)))),
        };
        let mut items = Vec::new();
        loop {
            let i = self.new_int(items.len() as i64);
            match self.call_object(&getitem, &[o.clone(), i]) {
                Ok(v) => items.push(v),
                Err(e)
                    if self.isinstance(&e.0, &self.types.exceptions.index_error)
                        || self.isinstance(&e.0, &self.types.exceptions.stop_iteration) =>
                {
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        let list = self.new_list(items);
        self.get_iter(&list)
    }

    /// The value of an instance of a subclass of int, float or str, as
    /// the base type prints it.
    pub(crate) fn builtin_value_repr(&mut self, o: &Obj) -> PyResult<String> {
        let plain = match o.kind() {
            Kind::Int => match o.downcast::<IntValue>().expect("int") {
                IntValue::Small(i) => self.new_int(*i),
                IntValue::Big(b) => self.new_bigint((**b).clone()),
            },
            Kind::Float => self.new_float(o.downcast::<FloatValue>().expect("float").0),
            _ => self.new_str_wtf8(o.downcast::<StrValue>().expect("str").text.clone()),
        };
        self.repr(&plain)
    }

    pub(crate) fn type_module_name(&mut self, t: &Obj) -> String {
        let key = self.intern("__module__");
        match t.downcast::<TypeValue>().and_then(|tv| self.table_get_str(&tv.dict, &key)) {
            Some(m) if m.kind() == Kind::Str => self.str_lossy(&m),
            _ => "builtins".to_string(),
        }
    }

    pub(crate) fn type_qualname(&self, t: &Obj) -> String {
        t.downcast::<TypeValue>()
            .map(|tv| tv.qualname.borrow().clone().unwrap_or_else(|| tv.name.borrow().clone()))
            .unwrap_or_default()
    }

    /// A builtin `__new__`'s result as an instance of the subclass `cls` (same layout; immutable values copied).
    pub(crate) fn rebox(&mut self, obj: Obj, cls: &Obj) -> Obj {
        let Some(tv) = cls.downcast::<TypeValue>() else { return obj };
        if tv.instance_kind != obj.kind() || obj.has_type(cls) {
            return obj;
        }
        match obj.kind() {
            Kind::Int => match obj.downcast::<IntValue>().expect("int") {
                IntValue::Small(i) => Obj::new(IntValue::Small(*i), cls),
                IntValue::Big(b) => Obj::new(IntValue::Big(b.clone()), cls),
            },
            Kind::Float => Obj::new(FloatValue(obj.downcast::<FloatValue>().expect("float").0), cls),
            Kind::Complex => obj.downcast::<ComplexValue>().map_or(obj.clone(), |c| Obj::new(ComplexValue { re: c.re, im: c.im }, cls)),
            Kind::Str => {
                let s = obj.downcast::<StrValue>().expect("str");
                Obj::new(StrValue { text: s.text.clone(), chars: s.chars, hash: Cell::new(-1) }, cls)
            }
            Kind::Tuple => Obj::new(TupleValue(obj.downcast::<TupleValue>().expect("tuple").0.clone()), cls),
            Kind::List | Kind::Dict if obj.refcount() == 1 => {
                obj.set_type(cls);
                obj
            }
            Kind::List => Obj::new(ListValue(RefCell::new(obj.downcast::<ListValue>().expect("list").0.borrow().clone()), RefCell::new(None)), cls),
            _ => obj,
        }
    }
}

/// `__build_class__(func, name, *bases, metaclass=..., **kw)`.
fn build_class(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (body, name) = (&args[0], &args[1]);
    let orig_bases = &args[2..];
    let bases = super::generic_alias::update_bases(vm, orig_bases)?;
    let mut meta = None;
    let mut kwnames = Vec::new();
    let mut kwvalues = Vec::new();
    for (k, v) in a.kwnames.iter().zip(&a.args[args.len()..]) {
        if vm.str_lossy(k) == "metaclass" {
            meta = Some(v.clone());
        } else {
            kwnames.push(k.clone());
            kwvalues.push(v.clone());
        }
    }
    let explicit = meta.is_some();
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.type_obj(),
            None => vm.types.type_.clone(),
        },
    };
    let meta = if meta.kind() == Kind::Type { vm.calculate_meta(meta, &bases)? } else { meta };
    let _ = explicit;
    let bases_tuple = vm.new_tuple(bases.clone());
    let ns = {
        let key = vm.intern("__prepare__");
        let prepare = if meta.kind() == Kind::Type { vm.lookup_type_attr(&meta, &key) } else { None };
        match prepare {
            Some(p) => {
                let p = vm.descr_get(p, None, &meta)?;
                let mut all = vec![name.clone(), bases_tuple.clone()];
                all.extend(kwvalues.iter().cloned());
                vm.call(&p, &all, &kwnames)?
            }
            None => vm.new_dict(),
        }
    };
    let mut frame = vm.make_frame(body, &[], &[])?;
    frame.names = Some(ns.clone());
    vm.run_frame(frame)?;
    if bases.len() != orig_bases.len() || bases.iter().zip(orig_bases).any(|(b, o)| !b.is(o)) {
        let key = vm.intern("__orig_bases__");
        let orig = vm.new_tuple(orig_bases.to_vec());
        vm.set_item(&ns, key, orig)?;
    }
    let mut all = vec![name.clone(), bases_tuple, ns];
    all.extend(kwvalues);
    if meta.is(&vm.types.type_) {
        let n = vm.str_lossy(name);
        let kwv: Vec<Obj> = all[3..].to_vec();
        return vm.new_class_with_meta(&meta, &n, bases, &all[2], &kwv, &kwnames);
    }
    vm.call(&meta, &all, &kwnames)
}

/// `type.__new__`, reached through `type(...)` and `super().__new__(...)` in metaclasses.
pub(crate) fn type_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    let kwvalues = &a.args[args.len()..];
    match args.len() {
        2 if args[0].is(&vm.types.type_) => {
            if !a.kwnames.is_empty() {
                return Err(vm.type_error("type() takes no keyword arguments"));
            }
            Ok(args[1].type_obj())
        }
        4 => {
            let meta = args[0].clone();
            if meta.kind() != Kind::Type || !vm.is_subtype(&meta, &vm.types.type_) {
                return Err(vm.type_error("type.__new__(X): X is not a type object"));
            }
            if args[1].kind() != Kind::Str {
                return Err(vm.type_error(format!(
                    "type.__new__() argument 1 must be str, not {}",
                    vm.type_name(&args[1])
                )));
            }
            if args[2].kind() != Kind::Tuple {
                return Err(vm.type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    vm.type_name(&args[2])
                )));
            }
            let name = vm.str_lossy(&args[1]);
            let bases = vm.iterate_to_vec(&args[2])?;
            let meta = vm.calculate_meta(meta, &bases)?;
            let ns = args[3].clone();
            let cls = vm.new_class_with_meta(&meta, &name, bases, &ns, kwvalues, a.kwnames)?;
            set_module_from_caller(vm, &cls)?;
            Ok(cls)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// A class made by `type(name, bases, ns)` without `__module__` in `ns`
/// gets the caller's module name, as CPython's `type_new_set_module`
/// does (a class statement's body sets it itself).
fn set_module_from_caller(vm: &mut Vm, cls: &Obj) -> PyResult<()> {
    let key = vm.intern("__module__");
    let Some(tv) = cls.downcast::<TypeValue>() else { return Ok(()) };
    if vm.table_get_str(&tv.dict, &key).is_some() {
        return Ok(());
    }
    let Some(globals) = vm.frames.last().map(|f| f.globals.clone()) else { return Ok(()) };
    let name_key = vm.intern("__name__");
    if let Some(module) = vm.dict_get(&globals, &name_key)? {
        vm.table_set_str(&tv.dict, key, module);
    }
    Ok(())
}

fn object_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let Some(cls) = a.args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    if cls.kind() != Kind::Type {
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    if a.args.len() > 1 {
        if !is_object_method(vm, cls, "__new__") {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if is_object_method(vm, cls, "__init__") {
            return Err(vm.type_error(format!("{}() takes no arguments", type_name_of(cls))));
        }
    }
    let cls = cls.clone();
    vm.new_instance(&cls, &a.args[1..])
}

fn object_init(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if a.args.len() > 1 {
        let t = a.args[0].type_obj();
        if !is_object_method(vm, &t, "__init__") {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if is_object_method(vm, &t, "__new__") {
            return Err(vm.type_error(format!("{}() takes no arguments", type_name_of(&t))));
        }
    }
    Ok(vm.none())
}

fn object_getattribute(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__getattribute__", &a, 2, 2)?;
    check_attr_name(vm, &args[1])?;
    vm.generic_get_attr(&args[0], &args[1])
}

fn object_setattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__setattr__", &a, 3, 3)?;
    check_attr_name(vm, &args[1])?;
    vm.generic_set_attr(&args[0], args[1].clone(), Some(args[2].clone()))?;
    Ok(vm.none())
}

fn object_delattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__delattr__", &a, 2, 2)?;
    check_attr_name(vm, &args[1])?;
    vm.generic_set_attr(&args[0], args[1].clone(), None)?;
    Ok(vm.none())
}

fn object_init_subclass(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        let name = a.args.first().map(type_name_of).unwrap_or_default();
        return Err(vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(vm.none())
}

/// `object.__subclasshook__(cls, subclass)`: NotImplemented, leaving the
/// answer to the normal check.
fn object_subclasshook(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    vm.positional("__subclasshook__", &a, 1, 2)?;
    Ok(vm.singletons.not_implemented.clone())
}

fn object_eq(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__eq__", &a, 2, 2)?;
    Ok(if args[0].is(&args[1]) { vm.bool_obj(true) } else { vm.singletons.not_implemented.clone() })
}

/// `object.__ne__`: the inverse of `__eq__` unless that is NotImplemented.
fn object_ne(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__ne__", &a, 2, 2)?;
    let Some(eq) = vm.lookup_special(&args[0], "__eq__") else { return Ok(vm.singletons.not_implemented.clone()) };
    let r = vm.call_object(&eq, &[args[0].clone(), args[1].clone()])?;
    if r.is(&vm.singletons.not_implemented) {
        return Ok(r);
    }
    let t = vm.truthy(&r)?;
    Ok(vm.bool_obj(!t))
}

fn object_hash(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__hash__", &a, 1, 1)?;
    // CPython's pointer hash: the address rotated by 4 bits.
    let h = args[0].addr().rotate_right(4) as i64;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn check_attr_name(vm: &Vm, name: &Obj) -> PyResult<()> {
    if name.kind() != Kind::Str {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(name))));
    }
    Ok(())
}

fn type_call_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let Some(cls) = a.args.first().filter(|c| c.kind() == Kind::Type) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    let cls = cls.clone();
    vm.type_call(&cls, &a.args[1..], a.kwnames)
}

fn type_mro(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "mro", &a, 1, 1)?;
    let mro = args[0].downcast::<TypeValue>().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    Ok(vm.new_list(mro))
}

fn type_subclasscheck(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__subclasscheck__", &a, 2, 2)?;
    let r = vm.subclass_check(&args[1], &args[0])?;
    Ok(vm.bool_obj(r))
}

fn type_instancecheck(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__instancecheck__", &a, 2, 2)?;
    let r = vm.isinstance(&args[1], &args[0]);
    Ok(vm.bool_obj(r))
}

fn exception_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    let Some(cls) = args.first() else { return Err(vm.type_error("BaseException.__new__(): not enough arguments")) };
    if !vm.is_subtype(cls, &vm.types.exceptions.base_exception) {
        return Err(vm.type_error(format!(
            "BaseException.__new__({}): {} is not a subtype of BaseException",
            type_name_of(cls),
            type_name_of(cls)
        )));
    }
    let cls = cls.clone();
    let e = vm.new_instance(&cls, &args[1..])?;
    Ok(e)
}

fn exception_init(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    if !a.kwnames.is_empty() {
        let name = args.first().map(|e| vm.type_name(e)).unwrap_or_default();
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if let Some(e) = args.first().and_then(|e| e.downcast::<ExceptionValue>()) {
        *e.args.borrow_mut() = vm.new_tuple(args[1..].to_vec());
    }
    Ok(vm.none())
}

fn builtin_issubclass(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "issubclass", &a, 2, 2)?;
    let sups = match args[1].downcast::<TupleValue>() {
        Some(t) => t.0.to_vec(),
        None => vec![args[1].clone()],
    };
    for s in &sups {
        if s.kind() != Kind::Type {
            // As in `isinstance_check`: a union or an alias decides.
            let key = vm.intern("__subclasscheck__");
            if let Some(m) = vm.lookup_type_attr(&s.type_obj(), &key).filter(|m| m.kind() == Kind::Function) {
                let r = vm.call_object(&m, &[s.clone(), args[0].clone()])?;
                if vm.truthy(&r)? {
                    return Ok(vm.bool_obj(true));
                }
                continue;
            }
        }
        if s.kind() == Kind::Type && !s.type_obj().is(&vm.types.type_) {
            let key = vm.intern("__subclasscheck__");
            if let Some(m) = vm.lookup_type_attr(&s.type_obj(), &key) {
                if m.kind() != Kind::BuiltinFunction {
                    let r = vm.call_object(&m, &[s.clone(), args[0].clone()])?;
                    if vm.truthy(&r)? {
                        return Ok(vm.bool_obj(true));
                    }
                    continue;
                }
            }
        }
        if vm.subclass_check(&args[0], s)? {
            return Ok(vm.bool_obj(true));
        }
    }
    Ok(vm.bool_obj(false))
}

fn builtin_isinstance(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "isinstance", &a, 2, 2)?;
    let r = vm.isinstance_check(&args[0], &args[1], 0)?;
    Ok(vm.bool_obj(r))
}

impl Vm {
    /// `isinstance(o, t)` with tuples (nested) and `__instancecheck__`.
    fn isinstance_check(&mut self, o: &Obj, t: &Obj, depth: usize) -> PyResult<bool> {
        if let Some(items) = t.downcast::<TupleValue>() {
            if depth > 900 {
                let e = self.types.exceptions.recursion_error.clone();
                return Err(self.err(&e, "maximum recursion depth exceeded in __instancecheck__"));
            }
            for x in items.0.to_vec() {
                if self.isinstance_check(o, &x, depth + 1)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if t.kind() != Kind::Type {
            // Not a class: its type's `__instancecheck__` decides (a
            // `types.UnionType` or `list[int]`), as in CPython.
            let key = self.intern("__instancecheck__");
            if let Some(m) = self.lookup_type_attr(&t.type_obj(), &key).filter(|m| m.kind() == Kind::Function) {
                let r = self.call_object(&m, &[t.clone(), o.clone()])?;
                return self.truthy(&r);
            }
            return Err(self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
        }
        if self.isinstance(o, t) {
            return Ok(true);
        }
        let meta = t.type_obj();
        if !meta.is(&self.types.type_) {
            let key = self.intern("__instancecheck__");
            if let Some(m) = self.lookup_type_attr(&meta, &key).filter(|m| m.kind() != Kind::BuiltinFunction) {
                let r = self.call_object(&m, &[t.clone(), o.clone()])?;
                return self.truthy(&r);
            }
        }
        Ok(false)
    }

    /// `o.__index__()` for an instance that has it.
    pub(crate) fn index_of(&mut self, o: &Obj) -> PyResult<Option<Obj>> {
        let Some(m) = self.lookup_special(o, "__index__") else { return Ok(None) };
        let r = self.call_object(&m, &[o.clone()])?;
        if r.kind() != Kind::Int {
            return Err(self.type_error(format!("__index__ returned non-int (type {})", self.type_name(&r))));
        }
        Ok(Some(r))
    }

    /// `C[key]` for a class: its `__class_getitem__`.
    pub(crate) fn class_getitem(&mut self, cls: &Obj, key: &Obj) -> PyResult<Obj> {
        let name = self.intern("__class_getitem__");
        match self.lookup_type_attr(cls, &name) {
            Some(f) => {
                let f = self.descr_get(f, None, cls)?;
                self.call_object(&f, &[key.clone()])
            }
            None => Err(self.type_error(format!("type '{}' is not subscriptable", type_name_of(cls)))),
        }
    }
}

fn builtin_getattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "getattr", &a, 2, 3)?;
    if args[1].kind() != Kind::Str {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(&args[1]))));
    }
    match vm.get_attr(&args[0], &args[1]) {
        Err(e) if args.len() == 3 && vm.isinstance(&e.0, &vm.types.exceptions.attribute_error) => Ok(args[2].clone()),
        r => r,
    }
}

fn builtin_hasattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "hasattr", &a, 2, 2)?;
    if args[1].kind() != Kind::Str {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(&args[1]))));
    }
    match vm.get_attr(&args[0], &args[1]) {
        Ok(_) => Ok(vm.bool_obj(true)),
        Err(e) if vm.isinstance(&e.0, &vm.types.exceptions.attribute_error) => Ok(vm.bool_obj(false)),
        Err(e) => Err(e),
    }
}

fn builtin_setattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "setattr", &a, 3, 3)?;
    check_attr_name(vm, &args[1])?;
    vm.set_attr(&args[0], args[1].clone(), args[2].clone())?;
    Ok(vm.none())
}

fn builtin_delattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "delattr", &a, 2, 2)?;
    check_attr_name(vm, &args[1])?;
    vm.del_attr(&args[0], &args[1])?;
    Ok(vm.none())
}

/// Reads `property(fget=None, fset=None, fdel=None, doc=None)`'s arguments.
fn property_args(vm: &Vm, a: &CallArgs<'_>) -> PyResult<[Option<Obj>; 4]> {
    let pos = a.positional_args();
    if pos.len() > 5 {
        return Err(vm.type_error(format!("property() takes at most 4 arguments ({} given)", pos.len() - 1)));
    }
    let mut out: [Option<Obj>; 4] = [None, None, None, None];
    for (i, v) in pos[1..].iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        let i = match vm.str_lossy(k).as_str() {
            "fget" => 0,
            "fset" => 1,
            "fdel" => 2,
            "doc" => 3,
            other => return Err(vm.type_error(format!("property() got an unexpected keyword argument '{other}'"))),
        };
        out[i] = Some(v.clone());
    }
    for o in out.iter_mut() {
        if o.as_ref().is_some_and(|v| v.kind() == Kind::None) {
            *o = None;
        }
    }
    Ok(out)
}

fn make_property(vm: &Vm, fget: Option<Obj>, fset: Option<Obj>, fdel: Option<Obj>, doc: Option<Obj>, name: Option<Obj>) -> Obj {
    Obj::new(DescrValue::Property { fget, fset, fdel, doc, name: RefCell::new(name) }, &vm.types.property)
}

fn new_property(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let [fget, fset, fdel, doc] = property_args(vm, &a)?;
    Ok(make_property(vm, fget, fset, fdel, doc, None))
}

/// `prop.getter(f)` / `.setter(f)` / `.deleter(f)`: a copy with one accessor replaced.
fn property_copy(vm: &mut Vm, a: CallArgs<'_>, which: usize) -> PyResult<Obj> {
    let args = exact_args(vm, "property", &a, 2, 2)?;
    let Some(DescrValue::Property { fget, fset, fdel, doc, name }) = args[0].downcast::<DescrValue>() else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let mut parts = [fget.clone(), fset.clone(), fdel.clone()];
    parts[which] = if args[1].kind() == Kind::None { None } else { Some(args[1].clone()) };
    let [g, s, d] = parts;
    Ok(make_property(vm, g, s, d, doc.clone(), name.borrow().clone()))
}

fn property_getter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    property_copy(vm, a, 0)
}

fn property_setter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    property_copy(vm, a, 1)
}

fn property_deleter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    property_copy(vm, a, 2)
}

/// `d.__get__(obj, owner=None)` of a builtin descriptor kind (property,
/// function, staticmethod, classmethod): `descr_get`.
fn property_get(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "__get__", &a, 2, 3)?;
    let owner = match args.get(2) {
        Some(o) => o.clone(),
        None => args[1].type_obj(),
    };
    let obj = if args[1].kind() == Kind::None { None } else { Some(&args[1]) };
    vm.descr_get(args[0].clone(), obj, &owner)
}

fn new_staticmethod(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.constructor_args("staticmethod", &a, 1, 1)?;
    Ok(Obj::new(DescrValue::StaticMethod(args[1].clone()), &vm.types.staticmethod))
}

fn new_classmethod(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.constructor_args("classmethod", &a, 1, 1)?;
    Ok(Obj::new(DescrValue::ClassMethod(args[1].clone()), &vm.types.classmethod))
}

fn new_super(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = exact_args(vm, "super", &a, 1, 3)?;
    let (type_, obj) = match args.len() {
        1 => super::super_call::zero_arg_super(vm)?,
        2 => {
            if args[1].kind() != Kind::Type {
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(&args[1]))));
            }
            return Ok(Obj::new(DescrValue::Super { type_: args[1].clone(), obj: None, obj_type: None }, &vm.types.super_));
        }
        _ => (args[1].clone(), args[2].clone()),
    };
    super::super_call::make_super(vm, type_, obj)
}

/// True when `cls.name` is `object.name` itself.
fn is_object_method(vm: &mut Vm, cls: &Obj, name: &str) -> bool {
    let key = vm.intern(name);
    let own = vm.lookup_type_attr(cls, &key);
    let object = vm.types.object.clone();
    let base = vm.lookup_type_attr(&object, &key);
    match (own, base) {
        (Some(a), Some(b)) => a.is(&b),
        (None, _) => true,
        _ => false,
    }
}
