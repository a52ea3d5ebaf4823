//! The virtual machine: runs code objects on the object model.
//!
//! Model:
//! - One stack of slots (`stack`, see `stack.rs`) shared by all frames:
//!   a frame's fast locals, then its values above its `stack_base`.
//! - Calls from Python to Python push a `Frame` and continue in the same
//!   dispatch loop (`eval.rs`), so Python recursion never grows the Rust
//!   stack. Calls from Rust into Python (a user `__eq__` called by a dict
//!   lookup, say) enter the loop again, and count towards the recursion
//!   limit like any frame.
//! - Errors are `PyErr` values; `eval.rs` unwinds to the innermost
//!   handler of the code's exception table, else out of the frame.
//! - After each instruction that can drop references, objects whose count
//!   reached zero are freed (`heap::Heap::collect_dead`), so `__del__`
//!   runs at the moment CPython would run it, seen from Python.
//!
//! Files: `eval.rs` (the dispatch loop), `ops.rs` (operators, truth,
//! comparison), `attrs.rs` (attribute lookup), `call.rs` (calls and
//! argument binding), `errors.rs` (raising and tracebacks), `builtins.rs`
//! (the builtins module), `values.rs` (making and reading values),
//! `types.rs` (the builtin types), `formatting.rs` (`format()`, f-strings,
//! `%`, `str.format`), `str_methods.rs` (the methods of `str`),
//! `class_support.rs` (class creation, `super`, `property`...),
//! `instantiate.rs` (calling a class: `__new__`, `__init__`), `descriptors.rs` (the descriptor protocol),
//! `generator.rs` (generator objects), `generic_alias.rs` (`list[int]`, `int | None`), `display.rs` (echoing values at
//! the interactive prompt: `sys.displayhook`), `site.rs` (`exit`, `quit`), `interrupt.rs`
//! (Ctrl-C: `KeyboardInterrupt` in running code),
//! `complex.rs` (the complex type),
//! `number_methods.rs` / `number_dunders.rs` (methods and operator methods
//! of int and float), `range_type.rs`, `slice_type.rs`, `dict_views.rs`
//! (dict equality, set-like views), `str_translate.rs`,
//! `function_attrs.rs` (attributes of functions, code objects, cells),
//! `exec_eval.rs` (`exec`, `eval`, `globals`, `locals`, SyntaxError values),
//! `bytes.rs` / `bytes_methods.rs` /
//! `bytearray_methods.rs` / `bytes_format.rs` / `memoryview.rs` (the
//! binary sequence types), `codecs.rs` (encode/decode and the Unicode
//! errors), `os_errors.rs` (OSError and its subclasses), `file_io.rs`
//! (`open()` and file objects), `int_bytes.rs` (`int.to_bytes`/`from_bytes`),
//! `slot_wrappers.rs` (dunder
//! methods of builtin types as attributes), `exceptions.rs` (the rest of
//! the exception tree and type-specific exception fields),
//! `exception_groups.rs` (exception groups and `except*`),
//! `traceback.rs` (traceback objects and the uncaught-exception report).

mod attr_cache;
mod args;
mod attrs;
mod builtins;
mod builtins_extra;
mod bytearray_methods;
mod bytes;
mod bytes_format;
mod bytes_methods;
mod codecs;
mod file_io;
mod memoryview;
mod os_errors;
mod dict_methods;
mod dict_views;
mod list_methods;
mod set;
mod site;
mod slot_wrappers;
mod modules;
mod import;
mod interrupt;
mod int_methods;
mod instantiate;
mod call;
mod class_support;
mod super_call;
mod descriptors;
mod compile_warnings;
mod complex;
mod control;
mod dicts;
mod display;
mod errors;
mod exception_groups;
mod exceptions;
mod eval;
mod eval_steps;
mod exec_eval;
mod fast_arith;
mod formatting;
mod function_attrs;
mod generator;
mod generic_alias;
mod number_dunders;
mod number_methods;
mod int_bytes;
mod ops;
mod range_type;
mod seq;
mod slice_type;
mod stack;
mod str_fast;
mod str_methods;
mod str_translate;
mod subclasses;
mod native_depth;
mod str_index;
mod table_iter;
mod text;
mod type_cache;
mod traceback;
mod types;
mod values;

pub use types::{Singletons, Types};
pub(crate) use set::set_items;
pub(crate) use str_index::SliceRange;

use crate::bytecode::Code;
use crate::heap::{Finalizer, Heap, Obj};
use crate::object::{PyErr, PyResult};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// A running function body, module or class body.
///
/// Kept small: a call builds one, pushes it onto `Vm::frames` and drops
/// it in place on return, so every word here is paid per call. What most
/// frames lack is out of line or shared: cells are a boxed slice (two
/// words, and no call to drop them when there are none), and the exceptions being handled
/// live on the VM-wide `Vm::handled` stack, of which a frame owns the
/// entries from `handled_base` up.
pub(crate) struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    /// What a return truncates `Vm::stack` to: the caller's callable slot
    /// (for calls made on the stack) or `locals_base`.
    pub call_base: usize,
    /// Where this frame's fast locals (`code.varnames`) start in
    /// `Vm::stack`; its values start after them (`stack_base`).
    pub locals_base: usize,
    /// Cell objects: `code.cellvars`, then `code.freevars`.
    pub cells: Cells,
    pub globals: Obj,
    /// The namespace of `LoadName`/`StoreName` (module and class bodies).
    pub names: Option<Obj>,
    /// The length of `Vm::handled` when the frame started: the exceptions
    /// its `except` blocks handle are pushed above it, and its end (return,
    /// unwinding, suspension) takes them off again.
    pub handled_base: usize,
    /// What the frame's end gives its caller.
    pub exit: FrameExit,
}

/// A frame's cells, read as a slice. Most frames have none, and `None`
/// rather than an empty box lets a frame's drop test one word instead of
/// calling the boxed slice's drop.
#[derive(Default)]
pub(crate) struct Cells(pub(crate) Option<Box<[Obj]>>);

impl From<Box<[Obj]>> for Cells {
    fn from(cells: Box<[Obj]>) -> Cells {
        Cells(if cells.is_empty() { None } else { Some(cells) })
    }
}

impl std::ops::Deref for Cells {
    type Target = [Obj];
    #[inline]
    fn deref(&self) -> &[Obj] {
        self.0.as_deref().unwrap_or(&[])
    }
}

/// What a frame's end gives its caller. Frames the dispatch loop enters
/// on its own, without a Rust call, say here what the Rust call did.
pub(crate) enum FrameExit {
    /// The returned value: a function call.
    Value,
    /// The `__init__` frame of a class call: the new instance, once
    /// `__init__` returns None.
    Instance(Obj),
    /// A generator resumed by `ForIter`: a `yield` suspends the frame back
    /// into the generator and gives the loop the value; a return (or an
    /// exception) closes the generator, and the loop ends.
    Generator(Obj),
}

impl Frame {
    /// A frame about to start `code`, whose locals are on the stack from
    /// `locals_base`, pushed when `Vm::handled` is `handled_base` long
    /// (nothing being handled yet), with its cells (cell variables, then
    /// free variables).
    #[inline(always)]
    pub(crate) fn with_cells(
        code: Rc<Code>,
        globals: Obj,
        names: Option<Obj>,
        call_base: usize,
        locals_base: usize,
        handled_base: usize,
        cells: Cells,
    ) -> Frame {
        Frame { code, pc: 0, call_base, locals_base, cells, globals, names, handled_base, exit: FrameExit::Value }
    }

    /// Where this frame's values start in `Vm::stack`: above its locals.
    #[inline]
    pub(crate) fn stack_base(&self) -> usize {
        self.locals_base + self.code.varnames.len()
    }
}

pub struct Vm {
    pub types: Types,
    pub singletons: Singletons,
    pub builtins: Obj,
    pub(crate) frames: Vec<Frame>,
    /// The exceptions being handled by `except` blocks (and `with` exits)
    /// of the running frames, innermost last; each frame owns the entries
    /// from its `handled_base` up. One stack for all frames, as the
    /// innermost handled exception across frames is what `raise`, implicit
    /// chaining and `sys.exc_info()` read, and most frames handle none.
    pub(crate) handled: Vec<Obj>,
    /// Every frame's locals and values, each frame's above its caller's,
    /// so that a call allocates nothing.
    pub(crate) stack: stack::ValueStack,
    pub recursion_limit: usize,
    /// Levels of Rust-only recursion under way (`native_depth.rs`).
    native_depth: usize,
    /// `sys.get_int_max_str_digits()`: the most digits int<->str
    /// conversions accept (0 = no limit).
    pub max_str_digits: usize,
    /// Interned strings (identifier-like constants and `sys.intern`).
    interned: HashMap<Box<str>, Obj, values::FnvBuild>,
    /// Modules by name (`sys.modules`).
    pub modules: Obj,
    /// Where `print` writes when not told otherwise.
    pub stdout: Box<dyn std::io::Write>,
    /// Containers whose repr is being computed (to print `[...]`).
    repr_active: Vec<usize>,
    /// Where MRO searches ended (see `type_cache.rs`).
    type_cache: std::cell::RefCell<type_cache::TypeCache>,
    /// Bumped whenever `type_cache` is emptied (any class changed); the
    /// inline attribute caches record it (see `attr_cache.rs`).
    type_generation: std::cell::Cell<u64>,
    /// Set from outside (Ctrl-C) to raise `KeyboardInterrupt` in the
    /// running code (`interrupt.rs`).
    interrupt: Arc<AtomicBool>,
    /// `gc.garbage`: where `gc.DEBUG_SAVEALL` keeps what it found.
    pub(crate) gc_garbage: Obj,
    /// `_weakref`'s types, once it is imported.
    pub(crate) weakref_types: Option<modules::WeakrefTypes>,
    /// The builtin `list.append`, which a method call runs in place
    /// (`call_builtin_on_stack`), as CPython's specialised
    /// `PRECALL_NO_KW_LIST_APPEND` does. `None` until `builtins::install`.
    pub(crate) list_append: Obj,
}

impl Vm {
    pub fn new() -> Vm {
        let types = Types::new();
        crate::heap::Heap::set_exact_list_type(&types.list);
        crate::heap::Heap::set_exact_tuple_type(&types.tuple);
        let singletons = Singletons::new(&types);
        let builtins = values::new_dict_with_type(&types.dict);
        let modules = values::new_dict_with_type(&types.dict);
        let gc_garbage = Obj::new(
            crate::object::payloads::ListValue(std::cell::RefCell::new(Vec::new()), std::cell::RefCell::new(None)),
            &types.list,
        );
        let none = singletons.none.clone();
        let mut vm = Vm {
            types,
            singletons,
            builtins,
            frames: Vec::new(),
            handled: Vec::new(),
            stack: stack::ValueStack::with_capacity(2048),
            recursion_limit: 1000,
            native_depth: 0,
            max_str_digits: crate::text::int_text::DEFAULT_MAX_STR_DIGITS,
            interned: HashMap::default(),
            modules,
            stdout: Box::new(std::io::stdout()),
            repr_active: Vec::new(),
            type_cache: std::cell::RefCell::new(type_cache::TypeCache::new()),
            type_generation: std::cell::Cell::new(1),
            interrupt: Arc::new(AtomicBool::new(false)),
            gc_garbage,
            weakref_types: None,
            list_append: none,
        };
        builtins::install(&mut vm);
        class_support::install(&mut vm);
        generator::install(&mut vm);
        generic_alias::install(&mut vm);
        vm
    }

    /// Runs a module's code with `globals` as its namespace.
    pub fn run_module_code(&mut self, code: Rc<Code>, globals: &Obj) -> PyResult<Obj> {
        self.run_code_with_names(code, globals, globals)
    }

    /// Runs module-level code (`LoadName`/`StoreName` in `names`).
    pub(crate) fn run_code_with_names(&mut self, code: Rc<Code>, globals: &Obj, names: &Obj) -> PyResult<Obj> {
        let locals_base = self.stack.len();
        self.stack.push_unbound(code.varnames.len());
        let frame = Frame::with_cells(code, globals.clone(), Some(names.clone()), locals_base, locals_base, self.handled.len(), Cells::default());
        self.run_frame(frame)
    }

    /// Frees objects whose count reached zero, running `__del__` methods.
    #[inline]
    pub(crate) fn collect_dead(&mut self) {
        if Heap::has_dead() {
            self.collect_due();
        }
    }

    /// Frees what is dead and runs the automatic collection if one is
    /// due, whether or not anything died since the last safe point.
    #[cold]
    pub(crate) fn collect_due(&mut self) {
        let mut fin = DelCaller { vm: self };
        Heap::collect_dead(&mut fin);
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

/// Runs `__del__` for the heap, reporting (not raising) its exceptions, as
/// CPython does ("Exception ignored in: ...").
pub(crate) struct DelCaller<'a> {
    pub(crate) vm: &'a mut Vm,
}

impl Finalizer for DelCaller<'_> {
    fn finalize(&mut self, obj: &Obj) {
        let vm = &mut *self.vm;
        if obj.kind() == crate::heap::Kind::Generator {
            vm.finalize_generator(obj);
            return;
        }
        let del = match vm.lookup_special(obj, "__del__") {
            Some(d) => d,
            None => return,
        };
        if let Err(PyErr(exc)) = vm.call_object(&del, &[obj.clone()]) {
            // CPython's PyErr_WriteUnraisable: the callable, then the full report.
            let text = vm.format_exception(&exc);
            eprintln!("Exception ignored in: {}\n{}", vm.repr_or_fallback(&del), text.trim_end());
        }
    }

    /// Calls a weak reference's callback; its exception is reported, as
    /// CPython reports it, not raised.
    fn weakref_callback(&mut self, weakref: &Obj, callback: &Obj) {
        let vm = &mut *self.vm;
        if let Err(PyErr(exc)) = vm.call_object(callback, &[weakref.clone()]) {
            let text = vm.format_exception_only(&exc);
            eprintln!("Exception ignored in: {}\n{}", vm.repr_or_fallback(callback), text.trim_end());
        }
    }

    fn keep_garbage(&mut self, obj: &Obj) {
        if let Some(l) = self.vm.gc_garbage.downcast::<crate::object::payloads::ListValue>() {
            l.0.borrow_mut().push(obj.clone());
        }
    }
}
