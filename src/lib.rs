//! ouro: an embeddable mini-Python interpreter whose memory management can
//! be swapped. The pipeline is `lexer` → `parser` → (`compiler` →
//! `bytecode` → `vm`), beside `object/` and `heap/`; see
//! docs/ARCHITECTURE.md.

pub mod ast;
pub mod bytecode;
pub mod compiler;
pub mod error;
pub mod heap;
pub mod interpreter;
pub mod lexer;
pub mod object;
pub mod parser;
pub mod repl;
pub mod text;
pub mod vm;

pub use error::{LocatedSyntaxError, SyntaxError, SyntaxErrorKind};
pub use interpreter::{Error, Interpreter};
pub use lexer::Mode;
pub use parser::{parse, parse_module};
