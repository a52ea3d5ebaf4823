//! Source text → token stream (see `token.rs` for the contract).
//!
//! Three layers, each a plain iterator:
//! 1. `raw`: the logos DFA over the text. Produces physical tokens, one
//!    `RawNewline` per run of line breaks (blank and comment lines inside),
//!    and scans string literals by hand in callbacks. `numbers` scans and
//!    converts numeric literals exactly as CPython's tokenizer does.
//! 2. `indent`: Python's logical lines. Tracks bracket depth (newlines
//!    inside brackets are dropped), the indentation stack (INDENT/DEDENT,
//!    IndentationError, TabError) and end of input (incomplete input is
//!    flagged so the REPL can ask for more).
//! 3. `soft_keywords`: turns `match`/`case` at the start of a statement
//!    into keywords where the statement is a match statement or case block.

mod indent;
mod numbers;
mod raw;
mod soft_keywords;
pub mod token;
#[cfg(test)]
mod tests;

pub use token::Tok;

use crate::error::SyntaxError;

/// What the source is: a file, one REPL input, or a lone expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Module,
    Interactive,
    Expression,
}

pub type Spanned<'src> = (usize, Tok<'src>, usize);

/// Tokenises `source`. The first token is the `Start*` marker of `mode`.
/// After the first error the iterator ends.
pub fn lex(source: &str, mode: Mode) -> impl Iterator<Item = Result<Spanned<'_>, SyntaxError>> {
    let start = match mode {
        Mode::Module => Tok::StartModule,
        Mode::Interactive => Tok::StartInteractive,
        Mode::Expression => Tok::StartExpression,
    };
    std::iter::once(Ok((0, start, 0)))
        .chain(soft_keywords::SoftKeywords::new(indent::IndentLexer::new(source, mode)))
}
