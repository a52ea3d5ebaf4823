//! AST → code objects: the symbol table pass, then code generation, then
//! the fusion of common instruction pairs.

pub mod codegen;
mod superinstructions;
pub mod symtable;

pub use codegen::{CompileError, compile_module};
