//! Soft keywords: `match` / `case` as keywords only where they start a
//! match statement or a case block.
//!
//! Model: an LR(1) grammar cannot treat `match` as both a name and a
//! keyword, so this layer decides per logical line. When a statement
//! starts (first token, or the token after NEWLINE / INDENT / DEDENT) with
//! `Name("match")` or `Name("case")`, the whole logical line (up to and
//! including its NEWLINE) is buffered and classified:
//! - `match`: the line's last token before NEWLINE is `:` (necessarily at
//!   bracket depth 0) and the token after `match` cannot continue an
//!   expression statement that uses `match` as a name;
//! - `case`: some `:` at bracket depth 0 (the block may follow on the same
//!   line, `case 1: pass`) and the same condition on the next token.
//!
//! The excluded next tokens are those after which `match`/`case` can only
//! be a name: `:` (annotation), `=` and augmented assignments, `.`, `,`,
//! `)` and NEWLINE. So `match(x)` or `match[x] = 1` stay names (their lines
//! do not end with `:`), while `match (x):` and `match [a, b]:` are
//! statements.
//!
//! Invariants: lines that do not start with those names pass through
//! untouched and unbuffered; the buffer holds one logical line; errors pass
//! through in order and end the stream.

use super::Spanned;
use super::token::Tok;
use crate::error::SyntaxError;
use std::collections::VecDeque;

type Item<'src> = Result<Spanned<'src>, SyntaxError>;

pub struct SoftKeywords<'src, I> {
    inner: I,
    buf: VecDeque<Item<'src>>,
    at_stmt_start: bool,
    done: bool,
}

impl<'src, I: Iterator<Item = Item<'src>>> SoftKeywords<'src, I> {
    pub fn new(inner: I) -> Self {
        SoftKeywords { inner, buf: VecDeque::new(), at_stmt_start: true, done: false }
    }

    /// Buffers the rest of the logical line after `first` and returns
    /// `first` with its kind decided.
    #[cold]
    fn classify(&mut self, first: Spanned<'src>, is_match: bool) -> Spanned<'src> {
        let mut depth = 0usize;
        let mut colon_at_depth0 = false;
        let mut last: Option<Tok<'src>> = None;
        let mut ended_with_newline = false;
        for item in self.inner.by_ref() {
            let is_err = item.is_err();
            if let Ok((_, tok, _)) = &item {
                match tok {
                    Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                    Tok::RPar | Tok::RSqb | Tok::RBrace => depth = depth.saturating_sub(1),
                    Tok::Colon if depth == 0 => colon_at_depth0 = true,
                    _ => {}
                }
                if *tok == Tok::Newline {
                    ended_with_newline = true;
                } else {
                    last = Some(tok.clone());
                }
            }
            let newline = ended_with_newline;
            self.buf.push_back(item);
            if is_err || newline {
                break;
            }
        }
        let next_ok = match self.buf.front() {
            Some(Ok((_, t, _))) => !matches!(
                t,
                Tok::Colon
                    | Tok::Equal
                    | Tok::Dot
                    | Tok::Comma
                    | Tok::RPar
                    | Tok::Newline
                    | Tok::PlusEqual
                    | Tok::MinEqual
                    | Tok::StarEqual
                    | Tok::SlashEqual
                    | Tok::PercentEqual
                    | Tok::AmperEqual
                    | Tok::VBarEqual
                    | Tok::CircumflexEqual
                    | Tok::LeftShiftEqual
                    | Tok::RightShiftEqual
                    | Tok::DoubleStarEqual
                    | Tok::DoubleSlashEqual
                    | Tok::AtEqual
            ),
            _ => false,
        };
        let keyword = next_ok
            && ended_with_newline
            && if is_match { last == Some(Tok::Colon) } else { colon_at_depth0 };
        let (s, tok, e) = first;
        let tok = match keyword {
            true if is_match => Tok::Match,
            true => Tok::Case,
            false => tok,
        };
        (s, tok, e)
    }

    fn track(&mut self, item: Item<'src>) -> Option<Item<'src>> {
        match &item {
            Ok((_, tok, _)) => {
                self.at_stmt_start = matches!(tok, Tok::Newline | Tok::Indent | Tok::Dedent);
            }
            Err(_) => {
                self.done = true;
                self.buf.clear();
            }
        }
        Some(item)
    }
}

impl<'src, I: Iterator<Item = Item<'src>>> Iterator for SoftKeywords<'src, I> {
    type Item = Item<'src>;

    fn next(&mut self) -> Option<Item<'src>> {
        if let Some(item) = self.buf.pop_front() {
            return self.track(item);
        }
        if self.done {
            return None;
        }
        match self.inner.next()? {
            Ok((s, Tok::Name(name), e)) if self.at_stmt_start && (name == "match" || name == "case") => {
                let first = self.classify((s, Tok::Name(name), e), name == "match");
                self.at_stmt_start = false;
                Some(Ok(first))
            }
            item => self.track(item),
        }
    }
}
