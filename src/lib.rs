//! ouro: an embeddable mini-Python interpreter whose memory management can
//! be swapped. The pipeline is `lexer` → `parser` → (`compiler` →
//! `bytecode` → `vm`), beside `object/` and `heap/`; see
//! docs/ARCHITECTURE.md.

pub mod ast;
pub mod compiler;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod text;

pub use error::{LocatedSyntaxError, SyntaxError, SyntaxErrorKind};
pub use lexer::Mode;
pub use parser::{parse, parse_module};
