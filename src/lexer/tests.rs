//! Token-stream tests for the whole lexer (`lex`). Expected messages were
//! checked against CPython 3.11.7.

use super::*;
use crate::ast::Constant;
use crate::error::SyntaxErrorKind;

/// Compact rendering: names and strings as written, numbers as `#value`,
/// NEWLINE/INDENT/DEDENT as NL/IN/DE, soft keywords as MATCH/CASE.
fn render(src: &str, mode: Mode) -> String {
    let mut out = Vec::new();
    for item in lex(src, mode).skip(1) {
        match item {
            Ok((_, tok, _)) => out.push(match tok {
                Tok::Number(Constant::Int(n)) => format!("#{n}"),
                Tok::Number(Constant::Float(f)) => format!("#{f:?}"),
                Tok::Number(Constant::Imaginary(f)) => format!("#{f:?}j"),
                Tok::Number(c) => format!("#{c:?}"),
                Tok::Newline => "NL".into(),
                Tok::Indent => "IN".into(),
                Tok::Dedent => "DE".into(),
                Tok::Match => "MATCH".into(),
                Tok::Case => "CASE".into(),
                t => t.text().to_string(),
            }),
            Err(e) => out.push(format!("ERR({})", e.msg)),
        }
    }
    out.join(" ")
}

fn toks(src: &str) -> String {
    render(src, Mode::Module)
}

fn error(src: &str) -> SyntaxError {
    lex(src, Mode::Module)
        .find_map(|r| r.err())
        .unwrap_or_else(|| panic!("no error for {src:?}: {}", toks(src)))
}

fn msg(src: &str) -> String {
    error(src).msg
}

#[test]
fn start_marker_and_empty() {
    let all: Vec<_> = lex("", Mode::Module).collect();
    assert_eq!(all, vec![Ok((0, Tok::StartModule, 0))]);
    assert_eq!(lex("", Mode::Expression).next(), Some(Ok((0, Tok::StartExpression, 0))));
    assert_eq!(lex("", Mode::Interactive).next(), Some(Ok((0, Tok::StartInteractive, 0))));
    assert_eq!(toks("\n\n  \n# c\n"), "");
}

#[test]
fn simple_lines_and_spans() {
    assert_eq!(toks("x = 1\ny"), "x = #1 NL y NL");
    let v: Vec<_> = lex("ab = 1\n", Mode::Module).map(|r| r.unwrap()).collect();
    assert_eq!(v[1], (0, Tok::Name("ab"), 2));
    assert_eq!(v[2], (3, Tok::Equal, 4));
    assert_eq!(v[4], (6, Tok::Newline, 7));
}

#[test]
fn indentation() {
    assert_eq!(toks("if x:\n    y\nz\n"), "if x : NL IN y NL DE z NL");
    assert_eq!(
        toks("if a:\n  if b:\n    c\n\n  # comment\nd"),
        "if a : NL IN if b : NL IN c NL DE DE d NL"
    );
    // EOF closes open blocks; trailing whitespace does not open one.
    assert_eq!(toks("if x:\n  y"), "if x : NL IN y NL DE");
    assert_eq!(toks("if x:\n    pass\n  "), "if x : NL IN pass NL DE");
    // The parser reports the unexpected indent.
    assert_eq!(toks("  x"), "IN x NL DE");
    // Comment lines at any indentation are ignored.
    assert_eq!(toks("if x:\n  y\n      # c\n  z\n"), "if x : NL IN y NL z NL DE");
}

#[test]
fn indentation_errors() {
    let e = error("if x:\n  a\n b\n");
    assert_eq!(e.msg, "unindent does not match any outer indentation level");
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    let e = error("if x:\n\ta\n        b\n");
    assert_eq!(e.msg, "inconsistent use of tabs and spaces in indentation");
    assert_eq!(e.kind, SyntaxErrorKind::TabError);
    assert_eq!(error("if x:\n        a\n\tb\n").kind, SyntaxErrorKind::TabError);
    // Tabs alone are consistent.
    assert_eq!(toks("if x:\n\ta\n\tb\n"), "if x : NL IN a NL b NL DE");
    // Form feed resets the column.
    assert_eq!(msg("if x:\n  a\n\x0c b\n"), "unindent does not match any outer indentation level");
    assert_eq!(toks("if x:\n  a\n  \x0cb\n"), "if x : NL IN a NL DE b NL");

    let mut deep = String::from("if x:\n");
    for i in 1..100 {
        deep += &"  ".repeat(i);
        deep += "if x:\n";
    }
    deep += &"  ".repeat(100);
    deep += "pass\n";
    let e = error(&deep);
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
}

#[test]
fn brackets() {
    assert_eq!(toks("x = (1,\n     2)\n"), "x = ( #1 , #2 ) NL");
    assert_eq!(toks("[\n\n# c\n  1]\n"), "[ #1 ] NL");
    assert_eq!(msg(")"), "unmatched ')'");
    assert_eq!(msg("(1]"), "closing parenthesis ']' does not match opening parenthesis '('");
    assert_eq!(msg("(1,\n2]"), "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    let e = error("x = (1,\n  [2,\n");
    assert_eq!(e.msg, "'[' was never closed");
    assert!(e.incomplete);
    assert_eq!(e.range.start, 10);
    let ok = format!("{}{}", "(".repeat(200), ")".repeat(200));
    assert!(!toks(&ok).contains("ERR"));
    let bad = format!("{}{}", "(".repeat(201), ")".repeat(201));
    assert_eq!(msg(&bad), "too many nested parentheses");
}

#[test]
fn continuation() {
    assert_eq!(toks("x = 1 + \\\n  2\ny"), "x = #1 + #2 NL y NL");
    assert_eq!(toks("x = 1 + \\\r\n  2"), "x = #1 + #2 NL");
    assert_eq!(msg("x = 1 \\ y"), "unexpected character after line continuation character");
    let e = error("x = 1 \\");
    assert_eq!(e.msg, "unexpected EOF while parsing");
    assert!(e.incomplete);
    assert_eq!(msg("x = 1 \\\n"), "unexpected EOF while parsing");
}

#[test]
fn numbers() {
    assert_eq!(toks("1_000 0x_ff 0o17 0b101 0 00 0_0"), "#1000 #255 #15 #5 #0 #0 #0 NL");
    assert_eq!(toks("1. .5 1e10 1_0.0_1e+1_0"), "#1.0 #0.5 #10000000000.0 #100100000000.0 NL");
    assert_eq!(toks("1j 1.5J 1e3j"), "#1.0j #1.5j #1000.0j NL");
    assert_eq!(toks("0777.5 0777e1 0777j"), "#777.5 #7770.0 #777.0j NL");
    assert!(toks("99999999999999999999").starts_with("#BigInt("));
    assert_eq!(toks("1if x else y"), "#1 if x else y NL");
    assert_eq!(toks("0x1for"), "#31 or NL");
    assert_eq!(toks("1or 2"), "#1 or #2 NL");
    assert_eq!(toks("1and 1in 1is 1not in 1else"), "#1 and #1 in #1 is #1 not in #1 else NL");
    assert_eq!(toks("x.real 1..real ..."), "x . real #1.0 . real ... NL");
    for s in ["1_", "1__0", "1a", "1.__class__"] {
        assert_eq!(msg(s), "invalid decimal literal", "{s}");
    }
    assert_eq!(msg("0xz"), "invalid hexadecimal literal");
    assert_eq!(msg("0o"), "invalid octal literal");
    assert_eq!(msg("0b"), "invalid binary literal");
    assert_eq!(msg("0o8"), "invalid digit '8' in octal literal");
    assert_eq!(msg("0b2"), "invalid digit '2' in binary literal");
    assert_eq!(
        msg("0777"),
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    );
}

#[test]
fn strings() {
    assert_eq!(toks("'a' \"b\" '''c''' \"\"\"d\"\"\""), "'a' \"b\" '''c''' \"\"\"d\"\"\" NL");
    for p in ["r", "b", "rb", "br", "u", "f", "rf", "fr", "R", "B", "Rb", "bR", "U", "F", "fR", "Rf"] {
        let s = format!("{p}'x'");
        assert_eq!(toks(&s), format!("{s} NL"));
    }
    assert_eq!(toks("ur'x' bu'x' uf'x'"), "ur 'x' bu 'x' uf 'x' NL");
    assert_eq!(toks(r#"r"\"" 'a\'b'"#), r#"r"\"" 'a\'b' NL"#);
    assert_eq!(toks("f'{x!r}' x"), "f'{x!r}' x NL");
    assert_eq!(toks("'''a\nb''' c"), "'''a\nb''' c NL");
    assert_eq!(toks("'a\\\nb'"), "'a\\\nb' NL");
    assert_eq!(msg("x = 'abc\n"), "unterminated string literal (detected at line 1)");
    assert_eq!(msg("x = 'abc"), "unterminated string literal (detected at line 1)");
    assert_eq!(msg("x = 'a\\\nb\n"), "unterminated string literal (detected at line 2)");
    let e = error("x = '''abc\n\n");
    assert_eq!(e.msg, "unterminated triple-quoted string literal (detected at line 2)");
    assert!(e.incomplete);
    assert_eq!(e.range.start, 4);
    assert_eq!(msg("x = '''abc\n\nd"), "unterminated triple-quoted string literal (detected at line 3)");
    assert!(!error("x = 'abc").incomplete);
}

#[test]
fn operators() {
    assert_eq!(
        toks("-> := ... != ! ** **= // //= << >>= @= ~ ^ %"),
        "-> := ... != ! ** **= // //= << >>= @= ~ ^ % NL"
    );
    assert_eq!(toks("a<=b>=c==d"), "a <= b >= c == d NL");
    for s in ["$", "?", "`"] {
        assert_eq!(msg(s), "invalid syntax");
    }
}

#[test]
fn keywords_and_names() {
    assert_eq!(toks("if iffy None _ match case"), "if iffy None _ match case NL");
    assert_eq!(toks("ümlaut = 1"), "ümlaut = #1 NL");
    assert_eq!(toks("abć"), "abć NL");
    assert_eq!(msg("a € b"), "invalid character '€' (U+20AC)");
    assert_eq!(msg("a€"), "invalid character '€' (U+20AC)");
    assert_eq!(msg("\u{301}abc"), "invalid character '\u{301}' (U+0301)");
    assert_eq!(msg("a\u{a0}b"), "invalid non-printable character U+00A0");
    assert_eq!(msg("\x01"), "invalid non-printable character U+0001");
    assert_eq!(msg("a\0b"), "source code cannot contain null bytes");
}

#[test]
fn soft_keywords() {
    assert_eq!(toks("match x:\n    case 1: pass\n"), "MATCH x : NL IN CASE #1 : pass NL DE");
    assert_eq!(toks("match = 1"), "match = #1 NL");
    assert_eq!(toks("match(x)"), "match ( x ) NL");
    assert_eq!(toks("match[x] = 1"), "match [ x ] = #1 NL");
    assert_eq!(toks("match (x):\n  case [a, b]:\n    pass"), "MATCH ( x ) : NL IN CASE [ a , b ] : NL IN pass NL DE DE");
    assert_eq!(toks("print(match)"), "print ( match ) NL");
    assert_eq!(toks("match.x: int"), "match . x : int NL");
    assert_eq!(toks("match: int"), "match : int NL");
    assert_eq!(toks("case = {1: 2}"), "case = { #1 : #2 } NL");
    assert_eq!(toks("case[1:2]"), "case [ #1 : #2 ] NL");
    assert_eq!(toks("match += 1"), "match += #1 NL");
    assert_eq!(toks("x; match"), "x ; match NL");
    assert_eq!(toks("match -x:\n pass"), "MATCH - x : NL IN pass NL DE");
    assert_eq!(toks("if x:\n  match y:\n    case _:\n      pass\nmatch"), "if x : NL IN MATCH y : NL IN CASE _ : NL IN pass NL DE DE DE match NL");
    // An error inside a buffered line still arrives, after the tokens before it.
    assert_eq!(toks("match x $"), "match x ERR(invalid syntax)");
}

#[test]
fn bom_crlf_cr_tabs() {
    assert!(msg("\u{FEFF}x = 1\n").contains("U+FEFF"));
    assert_eq!(toks("if x:\r\n    y\r\n\r\nz\r\n"), "if x : NL IN y NL DE z NL");
    assert_eq!(toks("if x:\r    y\rz"), "if x : NL IN y NL DE z NL");
    assert_eq!(toks("if x:\n\t  y\n\t  z\n"), "if x : NL IN y NL z NL DE");
    let v: Vec<_> = lex("a\r\nb", Mode::Module).map(|r| r.unwrap()).collect();
    assert_eq!(v[2], (1, Tok::Newline, 3));
}

#[test]
fn expression_mode() {
    assert_eq!(render("  1 +\n 2", Mode::Expression), "#1 + NL #2 NL");
    assert_eq!(render("(1 +\n 2)\n\n", Mode::Expression), "( #1 + #2 ) NL");
    assert_eq!(render("if x:\n  y", Mode::Interactive), "if x : NL IN y NL DE");
}

#[test]
fn fused_after_error() {
    let v: Vec<_> = lex("a $ b c", Mode::Module).collect();
    assert_eq!(v.len(), 3);
    assert!(v[2].is_err());
}

/// Tiny deterministic PRNG for the robustness test (no extra dependency).
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn never_panics() {
    let alphabet: Vec<char> = " \t\x0c\n\r\\#'\"()[]{}:=.,0123456789abefjxoOrRuUmatch_+-*/<>!@$?`€é\u{301}\0\u{FEFF}"
        .chars()
        .collect();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..3000 {
        let len = (xorshift(&mut state) % 40) as usize;
        let s: String =
            (0..len).map(|_| alphabet[(xorshift(&mut state) % alphabet.len() as u64) as usize]).collect();
        for mode in [Mode::Module, Mode::Expression] {
            for item in lex(&s, mode) {
                if let Ok((start, _, end)) = item {
                    assert!(start <= end && end <= s.len(), "{s:?}");
                }
            }
        }
    }
    // Deep brackets and long inputs.
    let deep = "(".repeat(100_000);
    assert_eq!(msg(&deep), "too many nested parentheses");
    let big = "x = [1, 2.5, 'abc', y]\n".repeat(20_000);
    assert_eq!(lex(&big, Mode::Module).count(), 20_000 * 12 + 1);
}

#[test]
fn continuation_edge_cases() {
    // A continuation followed by a blank line ends the statement there
    // (CPython then fails in the parser on `+ NEWLINE`).
    assert_eq!(toks("x = 1 + \\\n\ny = 2\n"), "x = #1 + NL y = #2 NL");
    assert_eq!(toks("\\\nx\n"), "x NL");
    assert_eq!(toks("x = 1 +\\\n  \\\n  2\n"), "x = #1 + #2 NL");
}
