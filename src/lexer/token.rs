//! The token stream the grammar consumes.
//!
//! Contract with the parser (`grammar/python.lalrpop` declares this enum as
//! its external token type):
//! - Spans are byte offsets into the source: `(start, Tok, end)`.
//! - Newlines inside brackets never appear (implicit line joining); blank
//!   and comment-only lines produce nothing.
//! - Every logical line ends with `Newline`; `Indent`/`Dedent` come right
//!   after the `Newline` that precedes the line whose indentation changed.
//!   At end of input the stream ends with `Newline` (if the last line had
//!   content) and one `Dedent` per open block.
//! - `match` and `case` arrive as `Match`/`Case` only where they begin a
//!   match statement or a case block; everywhere else they are `Name`.
//! - The first token is one of the `Start*` markers, which selects the
//!   grammar's mode (one `pub` entry point, one parse table).

use crate::ast::Constant;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok<'src> {
    // Mode selectors, injected before the first real token.
    StartModule,
    StartInteractive,
    StartExpression,

    /// An identifier as written (not yet NFKC-normalised).
    Name(&'src str),
    /// A numeric literal, already converted.
    Number(Constant),
    /// One string literal as written, prefix and quotes included. Adjacent
    /// literals are separate tokens; the parser concatenates them.
    String(&'src str),

    Newline,
    Indent,
    Dedent,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Soft keywords, after the pre-pass.
    Match,
    Case,

    // Operators and delimiters.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    CircumFlex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    /// `!` alone is not a Python token, but the f-string parser and error
    /// messages want to see it.
    Exclamation,
    /// A `(` right after `with` whose matching `)` is followed by `:`:
    /// CPython reads it as a parenthesised list of with-items. Made by the
    /// parser's token adapter, never by the lexer.
    WithLPar,
}

impl Tok<'_> {
    /// The token as CPython's error messages quote it.
    pub fn text(&self) -> &str {
        use Tok::*;
        match self {
            StartModule | StartInteractive | StartExpression => "",
            Name(s) | String(s) => s,
            Number(_) => "number",
            Newline => "NEWLINE",
            Indent => "INDENT",
            Dedent => "DEDENT",
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
            Match => "match",
            Case => "case",
            LPar => "(",
            RPar => ")",
            LSqb => "[",
            RSqb => "]",
            LBrace => "{",
            RBrace => "}",
            Colon => ":",
            Comma => ",",
            Semi => ";",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            VBar => "|",
            Amper => "&",
            Less => "<",
            Greater => ">",
            Equal => "=",
            Dot => ".",
            Percent => "%",
            EqEqual => "==",
            NotEqual => "!=",
            LessEqual => "<=",
            GreaterEqual => ">=",
            Tilde => "~",
            CircumFlex => "^",
            LeftShift => "<<",
            RightShift => ">>",
            DoubleStar => "**",
            PlusEqual => "+=",
            MinEqual => "-=",
            StarEqual => "*=",
            SlashEqual => "/=",
            PercentEqual => "%=",
            AmperEqual => "&=",
            VBarEqual => "|=",
            CircumflexEqual => "^=",
            LeftShiftEqual => "<<=",
            RightShiftEqual => ">>=",
            DoubleStarEqual => "**=",
            DoubleSlash => "//",
            DoubleSlashEqual => "//=",
            At => "@",
            AtEqual => "@=",
            RArrow => "->",
            Ellipsis => "...",
            ColonEqual => ":=",
            Exclamation => "!",
            WithLPar => "(",
        }
    }
}
