//! Token adapter for parenthesised with-items (`with (a as b, c):`).
//!
//! CPython's PEG grammar tries `with ( items ) :` before `with expr :`, so
//! `with (a, b):` means two context managers, not one tuple. An LR(1)
//! grammar cannot make that choice at the `(`; this adapter makes it with
//! unbounded lookahead instead: a `(` right after `with` whose matching
//! `)` is directly followed by `:` becomes `Tok::WithLPar`. Tokens are
//! buffered only while such a parenthesis is open.

use crate::error::SyntaxError;
use crate::lexer::{Spanned, Tok};
use std::collections::VecDeque;

pub struct WithParens<'src, I> {
    inner: I,
    pending: VecDeque<Result<Spanned<'src>, SyntaxError>>,
    after_with: bool,
}

impl<'src, I: Iterator<Item = Result<Spanned<'src>, SyntaxError>>> WithParens<'src, I> {
    pub fn new(inner: I) -> Self {
        WithParens { inner, pending: VecDeque::new(), after_with: false }
    }

    /// Reads ahead from the `(` at the front of `pending` to its matching
    /// `)`, and relabels the `(` if a `:` follows.
    fn look_ahead(&mut self) {
        let mut depth = 0usize;
        loop {
            let Some(item) = self.inner.next() else { return };
            let tok = match &item {
                Ok((_, tok, _)) => tok.clone(),
                Err(_) => {
                    self.pending.push_back(item);
                    return;
                }
            };
            self.pending.push_back(item);
            match tok {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace if depth > 0 => depth -= 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    let next = self.inner.next();
                    let colon = matches!(next, Some(Ok((_, Tok::Colon, _))));
                    if let Some(n) = next {
                        self.pending.push_back(n);
                    }
                    if colon {
                        if let Some(Ok((_, first, _))) = self.pending.front_mut() {
                            *first = Tok::WithLPar;
                        }
                    }
                    return;
                }
                Tok::Newline | Tok::Indent | Tok::Dedent => return,
                _ => {}
            }
        }
    }
}

impl<'src, I: Iterator<Item = Result<Spanned<'src>, SyntaxError>>> Iterator for WithParens<'src, I> {
    type Item = Result<Spanned<'src>, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.pending.pop_front() {
            return Some(item);
        }
        let item = self.inner.next()?;
        let is_with = matches!(item, Ok((_, Tok::With, _)));
        if self.after_with {
            self.after_with = false;
            if matches!(item, Ok((_, Tok::LPar, _))) {
                self.pending.push_back(item);
                self.look_ahead();
                return self.pending.pop_front();
            }
        }
        self.after_with = is_with;
        Some(item)
    }
}
