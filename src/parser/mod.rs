//! Token stream → AST, through the LALRPOP grammar in `grammar/`.
//!
//! The grammar has one `pub` entry (`Top`); the lexer's first token picks
//! module, interactive or expression mode. Grammar actions are one-liners
//! that call the helpers in this module's files.

use crate::ast::Mod;
use crate::error::SyntaxError;
use crate::lexer::{self, Mode, Tok};

#[allow(clippy::all, unused_parens, dead_code, unused_imports)]
mod python {
    include!(concat!(env!("OUT_DIR"), "/python.rs"));
}

type LalrError<'src> = lalrpop_util::ParseError<usize, Tok<'src>, SyntaxError>;

/// Parses `source` in the given mode.
pub fn parse(source: &str, mode: Mode) -> Result<Mod, SyntaxError> {
    python::TopParser::new().parse(source, lexer::lex(source, mode)).map_err(convert_error)
}

/// Parses a whole file.
pub fn parse_module(source: &str) -> Result<Mod, SyntaxError> {
    parse(source, Mode::Module)
}

#[cold]
fn convert_error(e: LalrError<'_>) -> SyntaxError {
    use lalrpop_util::ParseError::*;
    match e {
        User { error } => error,
        InvalidToken { location } => SyntaxError::new("invalid token", location, location),
        UnrecognizedEof { location, .. } => SyntaxError::new("unexpected EOF while parsing", location, location).incomplete(),
        UnrecognizedToken { token: (start, _, end), .. } => SyntaxError::new("invalid syntax", start, end),
        ExtraToken { token: (start, _, end) } => SyntaxError::new("invalid syntax", start, end),
    }
}
