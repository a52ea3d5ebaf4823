//! AST → code objects: the symbol table pass, then code generation.

pub mod codegen;
pub mod symtable;

pub use codegen::{CompileError, compile_module};
