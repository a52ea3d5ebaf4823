//! The builtin types and singletons, made once per interpreter.
//!
//! Bootstrap order matters: `type` is its own type, `object` is the base
//! of everything, and every other type is made with those two in place.
//! A type's namespace is a `DictTable` held inline (not a dict object), so
//! types can exist before `dict` does.

use crate::heap::{Kind, Obj};
use crate::object::dict::DictTable;
use crate::object::payloads::*;
use std::cell::{Cell, RefCell};

/// The builtin type objects.
pub struct Types {
    pub type_: Obj,
    pub object: Obj,
    pub none_type: Obj,
    pub not_implemented_type: Obj,
    pub ellipsis_type: Obj,
    pub bool_: Obj,
    pub int: Obj,
    pub float: Obj,
    pub str_: Obj,
    pub tuple: Obj,
    pub list: Obj,
    pub dict: Obj,
    pub function: Obj,
    pub builtin_function: Obj,
    pub module: Obj,
    pub code: Obj,
    pub cell: Obj,
    pub range: Obj,
    pub iterator: Obj,
    pub bound_method: Obj,
    pub slice: Obj,
    pub set: Obj,
    pub frozenset: Obj,
    pub property: Obj,
    pub staticmethod: Obj,
    pub classmethod: Obj,
    pub super_: Obj,
    pub member_descriptor: Obj,
    pub generator: Obj,
    pub complex: Obj,
    pub bytes: Obj,
    pub bytearray: Obj,
    pub memoryview: Obj,
    /// The classes of `open()`'s file objects (`_io.*`).
    pub text_io_wrapper: Obj,
    pub buffered_reader: Obj,
    pub buffered_writer: Obj,
    pub buffered_random: Obj,
    /// Traceback objects and their frames (`exc.__traceback__`).
    pub traceback: Obj,
    pub frame: Obj,
    pub exceptions: Exceptions,
}

/// The exception hierarchy (the part the VM raises itself).
pub struct Exceptions {
    pub base_exception: Obj,
    pub system_exit: Obj,
    pub keyboard_interrupt: Obj,
    pub generator_exit: Obj,
    pub exception: Obj,
    pub stop_iteration: Obj,
    pub arithmetic_error: Obj,
    pub overflow_error: Obj,
    pub zero_division_error: Obj,
    pub assertion_error: Obj,
    pub attribute_error: Obj,
    pub import_error: Obj,
    pub module_not_found_error: Obj,
    pub lookup_error: Obj,
    pub index_error: Obj,
    pub key_error: Obj,
    pub memory_error: Obj,
    pub name_error: Obj,
    pub unbound_local_error: Obj,
    pub runtime_error: Obj,
    pub not_implemented_error: Obj,
    pub recursion_error: Obj,
    pub reference_error: Obj,
    pub system_error: Obj,
    pub type_error: Obj,
    pub value_error: Obj,
    pub syntax_error: Obj,
    pub indentation_error: Obj,
    pub tab_error: Obj,
    pub os_error: Obj,
    pub file_not_found_error: Obj,
    pub file_exists_error: Obj,
    pub is_a_directory_error: Obj,
    pub not_a_directory_error: Obj,
    pub permission_error: Obj,
    pub interrupted_error: Obj,
    pub blocking_io_error: Obj,
    pub child_process_error: Obj,
    pub process_lookup_error: Obj,
    pub timeout_error: Obj,
    pub connection_error: Obj,
    pub broken_pipe_error: Obj,
    pub connection_aborted_error: Obj,
    pub connection_refused_error: Obj,
    pub connection_reset_error: Obj,
    /// `io.UnsupportedOperation` (an OSError; CPython also makes it a
    /// ValueError, which single-base types cannot express).
    pub unsupported_operation: Obj,
    pub unicode_error: Obj,
    pub unicode_decode_error: Obj,
    pub unicode_encode_error: Obj,
    pub base_exception_group: Obj,
    /// Derives from `BaseExceptionGroup` and `Exception`.
    pub exception_group: Obj,
}

/// Objects every program shares: None, the booleans, small ints...
pub struct Singletons {
    pub none: Obj,
    pub true_: Obj,
    pub false_: Obj,
    pub not_implemented: Obj,
    pub ellipsis: Obj,
    pub empty_tuple: Obj,
    /// Ints from `SMALL_INT_MIN` to `SMALL_INT_MAX`, as CPython caches them.
    pub small_ints: Vec<Obj>,
    /// The str of each code point below 256, as CPython shares them
    /// (`get_latin1_char`; see `str_index.rs`).
    pub latin1: Vec<Obj>,
}

pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

fn type_value(name: &str, instance_kind: Kind) -> TypeValue {
    TypeValue {
        name: RefCell::new(name.to_string()),
        bases: RefCell::new(Vec::new()),
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(DictTable::new()),
        instance_kind,
        qualname: RefCell::new(None),
        nslots: Cell::new(0),
        instance_dict_hint: Cell::new(0),
        call_plan: Cell::new(Default::default()),
        flags: Cell::new(0),
        subclasses: RefCell::new(Vec::new()),
    }
}

/// Makes a type deriving from `bases` (the first base's layout if
/// `instance_kind` is `None`).
/// A builtin (static) type. Like CPython's static types, it is not
/// tracked by the cycle collector: it lives as long as the interpreter.
pub fn new_type(type_type: &Obj, name: &str, bases: &[Obj], instance_kind: Kind) -> Obj {
    let t = Obj::new(type_value(name, instance_kind), type_type);
    t.untrack();
    set_bases(&t, bases);
    t
}

fn set_bases(t: &Obj, bases: &[Obj]) {
    let tv = t.downcast::<TypeValue>().expect("a type");
    *tv.bases.borrow_mut() = bases.to_vec();
    for b in bases {
        b.downcast::<TypeValue>().expect("a type").subclasses.borrow_mut().push(t.clone());
    }
    // Single inheritance chains: the MRO is the type then its base's MRO.
    // (Full C3 for class statements lives in `vm::class`.)
    let mut mro = vec![t.clone()];
    if let Some(b) = bases.first() {
        mro.extend(b.downcast::<TypeValue>().expect("a type").mro.borrow().iter().cloned());
    }
    *tv.mro.borrow_mut() = mro;
}

impl Types {
    pub fn new() -> Types {
        let type_ = Obj::new_self_typed(type_value("type", Kind::Type));
        let object = Obj::new(type_value("object", Kind::Instance), &type_);
        set_bases(&object, &[]);
        set_bases(&type_, &[object.clone()]);
        // `object()` instances have no `__dict__` (subclasses get one).
        object.downcast::<TypeValue>().expect("a type").flags.set(type_flags::NO_DICT);
        type_.untrack();
        object.untrack();
        let ty = |name: &str, kind: Kind| new_type(&type_, name, &[object.clone()], kind);
        let int = ty("int", Kind::Int);
        let bool_ = new_type(&type_, "bool", &[int.clone()], Kind::Bool);
        let exceptions = Exceptions::new(&type_, &object);
        Types {
            none_type: ty("NoneType", Kind::None),
            not_implemented_type: ty("NotImplementedType", Kind::NotImplemented),
            ellipsis_type: ty("ellipsis", Kind::Ellipsis),
            bool_,
            int,
            float: ty("float", Kind::Float),
            str_: ty("str", Kind::Str),
            tuple: ty("tuple", Kind::Tuple),
            list: ty("list", Kind::List),
            dict: ty("dict", Kind::Dict),
            function: ty("function", Kind::Function),
            builtin_function: ty("builtin_function_or_method", Kind::BuiltinFunction),
            module: ty("module", Kind::Module),
            code: ty("code", Kind::Code),
            cell: ty("cell", Kind::Cell),
            range: ty("range", Kind::Range),
            iterator: ty("iterator", Kind::Iterator),
            bound_method: ty("method", Kind::BoundMethod),
            slice: ty("slice", Kind::Slice),
            set: ty("set", Kind::Set),
            frozenset: ty("frozenset", Kind::Set),
            property: ty("property", Kind::Descr),
            staticmethod: ty("staticmethod", Kind::Descr),
            classmethod: ty("classmethod", Kind::Descr),
            super_: ty("super", Kind::Descr),
            member_descriptor: ty("member_descriptor", Kind::Descr),
            generator: ty("generator", Kind::Generator),
            complex: ty("complex", Kind::Complex),
            bytes: ty("bytes", Kind::Bytes),
            bytearray: ty("bytearray", Kind::ByteArray),
            memoryview: ty("memoryview", Kind::MemoryView),
            text_io_wrapper: ty("_io.TextIOWrapper", Kind::File),
            buffered_reader: ty("_io.BufferedReader", Kind::File),
            buffered_writer: ty("_io.BufferedWriter", Kind::File),
            buffered_random: ty("_io.BufferedRandom", Kind::File),
            traceback: ty("traceback", Kind::Instance),
            frame: ty("frame", Kind::Instance),
            exceptions,
            type_,
            object,
        }
    }
}

impl Exceptions {
    fn new(type_: &Obj, object: &Obj) -> Exceptions {
        let sub = |name: &str, base: &Obj| new_type(type_, name, &[base.clone()], Kind::Exception);
        let base_exception = sub("BaseException", object);
        let exception = sub("Exception", &base_exception);
        let arithmetic_error = sub("ArithmeticError", &exception);
        let lookup_error = sub("LookupError", &exception);
        let name_error = sub("NameError", &exception);
        let runtime_error = sub("RuntimeError", &exception);
        let import_error = sub("ImportError", &exception);
        let base_exception_group = sub("BaseExceptionGroup", &base_exception);
        let exception_group = sub("ExceptionGroup", &base_exception_group);
        {
            let tv = exception_group.downcast::<TypeValue>().expect("a type");
            *tv.bases.borrow_mut() = vec![base_exception_group.clone(), exception.clone()];
            *tv.mro.borrow_mut() = vec![
                exception_group.clone(),
                base_exception_group.clone(),
                exception.clone(),
                base_exception.clone(),
                object.clone(),
            ];
        }
        let syntax_error = sub("SyntaxError", &exception);
        let indentation_error = sub("IndentationError", &syntax_error);
        let value_error = sub("ValueError", &exception);
        let os_error = sub("OSError", &exception);
        let connection_error = sub("ConnectionError", &os_error);
        let unicode_error = sub("UnicodeError", &value_error);
        Exceptions {
            base_exception_group,
            exception_group,
            file_not_found_error: sub("FileNotFoundError", &os_error),
            file_exists_error: sub("FileExistsError", &os_error),
            is_a_directory_error: sub("IsADirectoryError", &os_error),
            not_a_directory_error: sub("NotADirectoryError", &os_error),
            permission_error: sub("PermissionError", &os_error),
            interrupted_error: sub("InterruptedError", &os_error),
            blocking_io_error: sub("BlockingIOError", &os_error),
            child_process_error: sub("ChildProcessError", &os_error),
            process_lookup_error: sub("ProcessLookupError", &os_error),
            timeout_error: sub("TimeoutError", &os_error),
            broken_pipe_error: sub("BrokenPipeError", &connection_error),
            connection_aborted_error: sub("ConnectionAbortedError", &connection_error),
            connection_refused_error: sub("ConnectionRefusedError", &connection_error),
            connection_reset_error: sub("ConnectionResetError", &connection_error),
            unsupported_operation: sub("UnsupportedOperation", &os_error),
            unicode_decode_error: sub("UnicodeDecodeError", &unicode_error),
            unicode_encode_error: sub("UnicodeEncodeError", &unicode_error),
            unicode_error,
            connection_error,
            os_error,
            system_exit: sub("SystemExit", &base_exception),
            keyboard_interrupt: sub("KeyboardInterrupt", &base_exception),
            generator_exit: sub("GeneratorExit", &base_exception),
            stop_iteration: sub("StopIteration", &exception),
            overflow_error: sub("OverflowError", &arithmetic_error),
            zero_division_error: sub("ZeroDivisionError", &arithmetic_error),
            assertion_error: sub("AssertionError", &exception),
            attribute_error: sub("AttributeError", &exception),
            module_not_found_error: sub("ModuleNotFoundError", &import_error),
            index_error: sub("IndexError", &lookup_error),
            key_error: sub("KeyError", &lookup_error),
            memory_error: sub("MemoryError", &exception),
            unbound_local_error: sub("UnboundLocalError", &name_error),
            not_implemented_error: sub("NotImplementedError", &runtime_error),
            recursion_error: sub("RecursionError", &runtime_error),
            reference_error: sub("ReferenceError", &exception),
            system_error: sub("SystemError", &exception),
            type_error: sub("TypeError", &exception),
            tab_error: sub("TabError", &indentation_error),
            syntax_error,
            indentation_error,
            value_error,
            base_exception,
            exception,
            arithmetic_error,
            lookup_error,
            name_error,
            runtime_error,
            import_error,
        }
    }

    /// Every exception type, for the builtins namespace.
    pub fn all(&self) -> Vec<&Obj> {
        vec![
            &self.base_exception,
            &self.system_exit,
            &self.keyboard_interrupt,
            &self.generator_exit,
            &self.exception,
            &self.stop_iteration,
            &self.arithmetic_error,
            &self.overflow_error,
            &self.zero_division_error,
            &self.assertion_error,
            &self.attribute_error,
            &self.import_error,
            &self.module_not_found_error,
            &self.lookup_error,
            &self.index_error,
            &self.key_error,
            &self.memory_error,
            &self.name_error,
            &self.unbound_local_error,
            &self.runtime_error,
            &self.not_implemented_error,
            &self.recursion_error,
            &self.reference_error,
            &self.system_error,
            &self.type_error,
            &self.value_error,
            &self.syntax_error,
            &self.indentation_error,
            &self.tab_error,
            &self.os_error,
            &self.file_not_found_error,
            &self.file_exists_error,
            &self.is_a_directory_error,
            &self.not_a_directory_error,
            &self.permission_error,
            &self.interrupted_error,
            &self.blocking_io_error,
            &self.child_process_error,
            &self.process_lookup_error,
            &self.timeout_error,
            &self.connection_error,
            &self.broken_pipe_error,
            &self.connection_aborted_error,
            &self.connection_refused_error,
            &self.connection_reset_error,
            &self.unicode_error,
            &self.unicode_decode_error,
            &self.unicode_encode_error,
            &self.base_exception_group,
            &self.exception_group,
        ]
    }
}

impl Singletons {
    pub fn new(t: &Types) -> Singletons {
        Singletons {
            none: Obj::new(NoneValue, &t.none_type),
            true_: Obj::new(BoolValue(true), &t.bool_),
            false_: Obj::new(BoolValue(false), &t.bool_),
            not_implemented: Obj::new(NotImplementedValue, &t.not_implemented_type),
            ellipsis: Obj::new(EllipsisValue, &t.ellipsis_type),
            empty_tuple: {
                // CPython's empty tuple singleton is never tracked.
                let e = Obj::new(TupleValue(Vec::new().into()), &t.tuple);
                e.untrack();
                e
            },
            small_ints: (SMALL_INT_MIN..=SMALL_INT_MAX).map(|i| Obj::new(IntValue::Small(i), &t.int)).collect(),
            latin1: (0u32..256)
                .map(|cp| {
                    let mut text = crate::text::Wtf8Buf::new();
                    text.push_code_point(cp);
                    Obj::new(StrValue { text, chars: 1, hash: Cell::new(-1) }, &t.str_)
                })
                .collect(),
        }
    }
}
