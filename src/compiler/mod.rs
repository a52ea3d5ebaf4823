//! The compiler: AST → code objects (being built). So far only its first
//! pass, the symbol table (`symtable`), which decides for every name in
//! every scope whether it is local, global, free or a cell, as CPython's
//! `Python/symtable.c` does.

pub mod symtable;
