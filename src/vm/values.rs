//! Making values and reading them back: the small vocabulary every other
//! VM file uses. Ints from -5 to 256 come from the cache, as in CPython.

use super::Vm;
use super::types::{SMALL_INT_MAX, SMALL_INT_MIN};
use crate::heap::Obj;
use crate::object::dict::DictTable;
use crate::object::payloads::*;
use crate::text::Wtf8Buf;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};

pub(crate) fn new_dict_with_type(dict_type: &Obj) -> Obj {
    Obj::new(DictValue(RefCell::new(DictTable::new()), RefCell::new(None)), dict_type)
}

/// The hash of a str: FNV-1a over the WTF-8 bytes, never -1. (CPython's
/// is randomised per process, so no program can depend on its values.)
pub(crate) fn str_hash(text: &Wtf8Buf) -> i64 {
    bytes_hash(text.as_bytes())
}

/// The hash of bytes: the str hash of the same bytes, so ASCII bytes hash
/// like the equal str (as in CPython). Empty ones hash to 0, as CPython's
/// `_Py_HashBytes` fixes them whatever its seed.
pub(crate) fn bytes_hash(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

/// FNV-1a for the interning table's keys: short identifiers, hashed on
/// every `intern` of a Rust string (std's SipHash costs several times
/// more, and the table needs no protection from chosen keys).
#[derive(Default)]
pub(crate) struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvBuild = std::hash::BuildHasherDefault<FnvHasher>;

impl Vm {
    #[inline]
    pub fn none(&self) -> Obj {
        self.singletons.none.clone()
    }

    #[inline]
    pub fn bool_obj(&self, b: bool) -> Obj {
        if b { self.singletons.true_.clone() } else { self.singletons.false_.clone() }
    }

    /// An int; the cached object in the small-int range (as CPython's).
    /// The cached case is inlined at every caller, where arithmetic makes
    /// it the common one (`n % 2`, counters); boxing is one call away.
    #[inline(always)]
    pub fn new_int(&self, i: i64) -> Obj {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            return self.singletons.small_ints[(i - SMALL_INT_MIN) as usize].clone();
        }
        self.new_int_boxed(i)
    }

    #[inline(never)]
    fn new_int_boxed(&self, i: i64) -> Obj {
        Obj::new(IntValue::Small(i), &self.types.int)
    }

    /// An int from a big value, stored small when it fits.
    pub fn new_bigint(&self, b: BigInt) -> Obj {
        match b.to_i64() {
            Some(i) => self.new_int(i),
            None => Obj::new(IntValue::Big(Box::new(b)), &self.types.int),
        }
    }

    pub fn new_float(&self, f: f64) -> Obj {
        Obj::new(FloatValue(f), &self.types.float)
    }

    pub fn new_str(&self, s: &str) -> Obj {
        self.new_str_wtf8(Wtf8Buf::from_str(s))
    }

    /// A str of ASCII bytes: its length is its byte count, so the code
    /// points need no counting.
    pub fn new_ascii_str(&self, bytes: &[u8]) -> Obj {
        debug_assert!(bytes.is_ascii());
        self.new_str_counted(Wtf8Buf::from_ascii(bytes.to_vec()), bytes.len())
    }

    pub fn new_str_wtf8(&self, text: Wtf8Buf) -> Obj {
        let chars = text.code_points().count();
        Obj::new(StrValue { text, chars, hash: Cell::new(-1) }, &self.types.str_)
    }

    /// A str whose code point count the caller knows from its parts (a
    /// concatenation, an ASCII piece): counting, a pass over every byte,
    /// was most of the cost of making a short str.
    pub fn new_str_counted(&self, text: Wtf8Buf, chars: usize) -> Obj {
        debug_assert_eq!(chars, text.code_points().count());
        Obj::new(StrValue { text, chars, hash: Cell::new(-1) }, &self.types.str_)
    }

    /// The one str object for this text (identifier-like constants and
    /// `sys.intern`), so that `is` finds them identical as in CPython.
    pub fn intern(&mut self, s: &str) -> Obj {
        if let Some(o) = self.interned.get(s) {
            return o.clone();
        }
        let o = self.new_str(s);
        self.interned.insert(s.into(), o.clone());
        o
    }

    /// A tuple of `items` (the empty one is the shared singleton):
    /// CPython's `tuple_alloc`, so it may reuse a freed tuple's box (see
    /// `Obj::new_tuple_reusing`).
    pub fn new_tuple_array(&self, items: crate::heap::ObjArray) -> Obj {
        if items.is_empty() {
            return self.singletons.empty_tuple.clone();
        }
        Obj::new_tuple_reusing(TupleValue(items), &self.types.tuple)
    }

    pub fn new_tuple(&self, items: Vec<Obj>) -> Obj {
        if items.is_empty() {
            return self.singletons.empty_tuple.clone();
        }
        Obj::new_tuple_reusing(TupleValue(items.into()), &self.types.tuple)
    }

    /// CPython's `PyList_New` (`[]`, comprehensions, slices, ...): may
    /// reuse a freed list's box (see `Obj::new_list_reusing`).
    pub fn new_list(&self, items: Vec<Obj>) -> Obj {
        Obj::new_list_reusing(ListValue(RefCell::new(items), RefCell::new(None)), &self.types.list)
    }

    pub fn new_dict(&self) -> Obj {
        new_dict_with_type(&self.types.dict)
    }

    /// An empty dict with room for `n` entries.
    pub fn new_dict_with_capacity(&self, n: usize) -> Obj {
        Obj::new(DictValue(RefCell::new(DictTable::with_capacity(n)), RefCell::new(None)), &self.types.dict)
    }

    /// The text of a str object.
    pub fn str_text<'a>(&self, o: &'a Obj) -> Option<&'a Wtf8Buf> {
        o.downcast::<StrValue>().map(|s| &s.text)
    }

    /// The text of a str object as `&str`, surrogates replaced.
    pub fn str_lossy(&self, o: &Obj) -> String {
        o.downcast::<StrValue>().map(|s| s.text.to_string_lossy()).unwrap_or_default()
    }

    /// The value of an int (or bool) as i64, if it is one and fits.
    pub fn small_int(&self, o: &Obj) -> Option<i64> {
        match o.downcast::<IntValue>() {
            Some(IntValue::Small(i)) => Some(*i),
            Some(IntValue::Big(_)) => None,
            None => o.downcast::<BoolValue>().map(|b| b.0 as i64),
        }
    }

    /// The value of an int (or bool) as a BigInt.
    pub fn big_int(&self, o: &Obj) -> Option<BigInt> {
        match o.downcast::<IntValue>() {
            Some(IntValue::Small(i)) => Some(BigInt::from(*i)),
            Some(IntValue::Big(b)) => Some((**b).clone()),
            None => o.downcast::<BoolValue>().map(|b| BigInt::from(b.0 as i64)),
        }
    }

    /// The hash of a str object, computed once.
    pub fn str_obj_hash(&self, s: &StrValue) -> i64 {
        let h = s.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(&s.text);
        s.hash.set(h);
        h
    }

    pub fn type_name(&self, o: &Obj) -> String {
        let t = o.type_obj();
        t.downcast::<TypeValue>().map(|tv| tv.name.borrow().clone()).unwrap_or_default()
    }
}
