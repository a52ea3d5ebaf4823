//! The parser always returns: `Ok` or `Err`, never a panic, a stack
//! overflow or a hang, whatever the input. Deep nesting is refused the way
//! CPython refuses it (too many nested parentheses at 200 open brackets, a
//! RecursionError for trees deeper than `ast::MAX_DEPTH`), and every error
//! points inside the source and formats without panicking.

use ouro::ast::Mod;
use ouro::{Mode, SyntaxError, SyntaxErrorKind, parse, parse_module};
use std::process::Command;

/// Checks what every error must satisfy: a range of byte offsets inside
/// the source, and a CPython-style report that formats.
fn check_error(source: &str, err: &SyntaxError) {
    let (start, end) = (err.range.start as usize, err.range.end as usize);
    assert!(start <= end && end <= source.len(), "error range {start}..{end} outside a {}-byte source: {err:?}", source.len());
    let report = err.locate(source, "<test>").to_string();
    assert!(report.contains(err.kind.name()), "{report}");
}

/// Parses as a file and as one REPL input; returns the file-mode result.
fn parse_both(source: &str) -> Result<Mod, SyntaxError> {
    match parse(source, Mode::Interactive) {
        Ok(tree) => drop(tree),
        Err(err) => check_error(source, &err),
    }
    let result = parse_module(source);
    if let Err(err) = &result {
        check_error(source, err);
    }
    result
}

/// Whatever the outcome, the parser returned.
fn returns(source: &str) {
    let _ = parse_both(source);
}

// --- 1,000 levels of nesting: CPython's tokenizer stops at 200 ---------

#[test]
fn nested_parentheses() {
    let source = format!("{}{}\n", "(".repeat(1000), ")".repeat(1000));
    match parse_both(&source) {
        Err(err) => assert_eq!(err.msg, "too many nested parentheses", "{err:?}"),
        Ok(_) => panic!("1,000 nested parentheses parsed"),
    }
}

#[test]
fn nested_brackets() {
    returns(&format!("{}{}\n", "[".repeat(1000), "]".repeat(1000)));
}

#[test]
fn nested_braces() {
    returns(&format!("{}{}\n", "{".repeat(1000), "}".repeat(1000)));
}

#[test]
fn nested_calls() {
    returns(&format!("{}x{}\n", "f(".repeat(1000), ")".repeat(1000)));
}

// --- 100,000-deep operator chains: deeper than MAX_DEPTH ----------------

const CHAIN: usize = 100_000;

/// The tree would be 100,000 deep: the parser must refuse to build it.
fn assert_too_deep(source: &str) {
    match parse_both(source) {
        Err(err) => assert_eq!(err.kind, SyntaxErrorKind::RecursionError, "{err:?}"),
        Ok(tree) => {
            // Dropping a 100,000-deep tree could itself overflow the stack.
            std::mem::forget(tree);
            panic!("a {CHAIN}-deep expression was accepted");
        }
    }
}

#[test]
fn deep_addition() {
    assert_too_deep(&format!("1{}\n", "+1".repeat(CHAIN)));
}

#[test]
fn deep_unary_minus() {
    assert_too_deep(&format!("{}1\n", "-".repeat(CHAIN)));
}

#[test]
fn deep_not() {
    assert_too_deep(&format!("{}x\n", "not ".repeat(CHAIN)));
}

#[test]
fn deep_attribute() {
    assert_too_deep(&format!("a{}\n", ".b".repeat(CHAIN)));
}

#[test]
fn deep_call_chain() {
    assert_too_deep(&format!("x{}\n", "()".repeat(CHAIN)));
}

#[test]
fn deep_lambda() {
    assert_too_deep(&format!("{}x\n", "lambda: ".repeat(CHAIN)));
}

#[test]
fn deep_conditional() {
    assert_too_deep(&format!("{}x\n", "x if x else ".repeat(CHAIN)));
}

#[test]
fn deep_power() {
    assert_too_deep(&format!("2{}\n", "**2".repeat(CHAIN)));
}

// --- Big inputs -------------------------------------------------------

/// An error report without the offending line, which may be megabytes long.
fn brief(source: &str, err: &SyntaxError) -> String {
    let located = err.locate(source, "<generated>");
    format!("{}: {} (line {}, column {})", located.kind.name(), located.msg, located.lineno, located.offset)
}

const TEN_MB: usize = 10 << 20;

/// Five top-level statements; `@` becomes a number.
const CHUNK: &str = r#"import os.path as p@
def f@(a, b=1, *args, key=None, **kw):
    x = [a, b, @] + list(args)
    if x and not kw:
        return {'k': x, "s": f"{a!r:>10} and {b}"}
    for i in range(@):
        x.append(i ** 2 if i % 2 else -i)
    return None

class C@(object):
    attr = @ * 2.5
    def method(self):
        with open(self.attr) as fh:
            return fh.read()

try:
    y@ = f@(@, b=@)[0]
except (KeyError, IndexError) as e:
    y@ = None
while False:
    break
"#;

#[test]
fn ten_megabytes_of_valid_code() {
    let mut source = String::with_capacity(TEN_MB + CHUNK.len() * 2);
    let mut chunks = 0;
    while source.len() < TEN_MB {
        source.push_str(&CHUNK.replace('@', &chunks.to_string()));
        chunks += 1;
    }
    match parse_module(&source) {
        Ok(Mod::Module { body, .. }) => assert_eq!(body.len(), 5 * chunks),
        Ok(other) => panic!("not a module: {other:?}"),
        Err(err) => panic!("{}", brief(&source, &err)),
    }
}

#[test]
fn ten_megabyte_line() {
    let items = TEN_MB / "abcdefghijklmnop, ".len();
    let source = format!("x = [{}]\n", "abcdefghijklmnop, ".repeat(items));
    match parse_module(&source) {
        Ok(Mod::Module { body, .. }) => assert_eq!(body.len(), 1),
        Ok(other) => panic!("not a module: {other:?}"),
        Err(err) => panic!("{}", brief(&source, &err)),
    }
}

// --- Random input -----------------------------------------------------

/// xorshift64*: a tiny deterministic generator (no dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..3000 {
        let len = rng.below(64 + i);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        returns(&String::from_utf8_lossy(&bytes));
    }
}

/// Random sequences of Python fragments reach far more parser states than
/// random bytes do.
#[test]
fn random_token_soup() {
    const FRAGMENTS: &[&str] = &[
        "x", "y", "1", "2.5", "0x1f", "3j", "'s'", "\"t\"", "b'b'", "'''", "\"\"\"", "f'{", "f\"{x}\"", "}", "{",
        "(", ")", "[", "]", ",", ":", ";", ".", "...", "=", "==", "+", "-", "*", "**", "/", "//", "%", "@", "<", ">",
        "!=", "->", ":=", "|", "&", "^", "~", "<<", "not", "and", "or", "in", "is", "if", "else", "elif", "for",
        "while", "def", "class", "return", "yield", "lambda", "import", "from", "as", "with", "try", "except",
        "finally", "raise", "del", "pass", "global", "async", "await", "match", "case", "_", "\n", "\n    ", "    ",
        "\t", " ", "#c", "\\\n", "!", "$", "?", "\r\n",
    ];
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for _ in 0..3000 {
        let count = rng.below(120);
        let source: String = (0..count).map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())]).collect();
        returns(&source);
    }
}

// --- Invalid UTF-8 through the command line ---------------------------

#[test]
fn invalid_utf8_file_is_reported_not_crashed() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness_invalid_utf8.py");
    std::fs::write(&path, b"x = 1\ny = '\xff\xfe'\n").unwrap();
    // Running it: CPython's "Non-UTF-8 code starting with '\xff'" SyntaxError.
    let out = Command::new(env!("CARGO_BIN_EXE_ouro")).arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("SyntaxError: Non-UTF-8 code"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Dumping it mirrors `ast.parse(open(f).read())`, where the read fails.
    let out = Command::new(env!("CARGO_BIN_EXE_ouro")).arg("--dump-ast").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("UnicodeDecodeError"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// --- Unterminated constructs ------------------------------------------

#[test]
fn unterminated_constructs_are_errors() {
    let cases = [
        "x = 'abc\n",
        "x = \"abc\n",
        "x = '''abc\n",
        "x = \"\"\"abc\n",
        "x = '''abc\ndef\n",
        "f\"{x",
        "f\"{\"",
        "f\"{x!}\"",
        "f'{'",
        "x = (1, 2\n",
        "x = [1,\n",
        "x = {1: 2,\n",
        "foo(a,\n",
        "((((\n",
    ];
    for source in cases {
        match parse_both(source) {
            Err(_) => {}
            Ok(tree) => panic!("{source:?} parsed: {tree:?}"),
        }
    }
}

/// The REPL asks for another line when the input is merely unfinished
/// (`SyntaxError::incomplete`), and reports the error otherwise.
#[test]
fn incomplete_input_is_flagged() {
    for source in ["x = '''abc\n", "x = \"\"\"abc\n", "x = (1, 2\n", "foo(a,\n", "x = {1: 2,\n"] {
        let err = parse(source, Mode::Interactive).expect_err(source);
        assert!(err.incomplete, "{source:?} should be incomplete: {err:?}");
    }
    for source in ["x = 'abc\n", "x = )\n", "f\"{x!}\"\n"] {
        let err = parse(source, Mode::Interactive).expect_err(source);
        assert!(!err.incomplete, "{source:?} is not incomplete: {err:?}");
    }
}
