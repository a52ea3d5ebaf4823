//! The REPL's line logic (`ouro::repl::Session`) driven by transcripts,
//! Tab completion, and the `ouro` binary reading a script from a pipe.
//!
//! A transcript shows each prompt and line as a terminal would, then
//! whatever the input printed (stdout and error reports interleaved, in
//! order), and `[exit N]` when the session asked to end.

use ouro::Interpreter;
use ouro::repl::{Session, Status};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// A writer into a buffer shared by the interpreter's stdout and the
/// session's error sink, so the transcript keeps their order.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn transcript(input: &str) -> String {
    let out = Shared::default();
    let mut interp = Interpreter::new();
    interp.set_stdout(Box::new(out.clone()));
    let mut session = Session::new(interp);
    let mut sink = out.clone();
    for line in input.lines() {
        let _ = writeln!(sink, "{}{line}", session.prompt());
        if let Status::Exit(code) = session.push_line(line, &mut sink) {
            let _ = writeln!(sink, "[exit {code}]");
            break;
        }
    }
    String::from_utf8(out.0.borrow().clone()).expect("utf-8 output")
}

fn completions(setup: &str, text: &str) -> Vec<String> {
    let mut interp = Interpreter::new();
    interp.set_stdout(Box::new(Shared::default()));
    interp.run_interactive(setup, "<stdin>").expect("setup runs");
    ouro::repl::complete::complete(&mut interp, text).1
}

#[test]
fn completion_of_names() {
    assert_eq!(completions("abc = 1\ndef abd(): pass\n", "ab"), ["abc", "abd(", "abs("]);
}

#[test]
fn completion_of_attributes_and_keywords() {
    assert_eq!(completions("import math\n", "x = math.fl"), ["math.floor("]);
    assert_eq!(completions("class C:\n    a = 1\n    _b = 2\n", "C._"), ["C._b"]);
    assert_eq!(completions("", "fin"), ["finally:"]);
    assert_eq!(completions("", "whi"), ["while "]);
    assert_eq!(completions("", "    "), ["    "]);
    // A dotted path is looked up, never evaluated.
    assert!(completions("", "f().x").is_empty());
}

#[test]
fn expressions_echo_and_set_underscore() {
    insta::assert_snapshot!(transcript("1 + 1\n_ * 10\nNone\n_\n1; 2\n'a' 'b'\nx = 5\nx\nprint('hi')\n# a comment\n\n"));
}

#[test]
fn multi_line_blocks() {
    insta::assert_snapshot!(transcript(
        "def f(n):\n    return n * 2\n\nf(21)\nfor i in range(3):\n    i\n\nif f(1) > 5:\n    'big'\nelse:\n    'small'\n\nfor i in range(2): i\n\nclass C:\n    pass\n\nC.__name__\n"
    ));
}

#[test]
fn open_brackets_and_strings() {
    insta::assert_snapshot!(transcript("(1,\n\n 2)\nd = {\n  'a': 1,\n}\nd\ns = '''one\ntwo'''\ns\n[x\n for x in 'ab']\n"));
}

#[test]
fn syntax_errors_are_reported_at_once() {
    insta::assert_snapshot!(transcript("1 +\nif 1:\n\nif 1:\n    pass\ny = 1\nx = (1,]\n    z\n'still here'\n"));
}

#[test]
fn runtime_error_then_recovery() {
    insta::assert_snapshot!(transcript(
        "x = 10\n1 / 0\ndef g():\n    return undefined\n\ng()\nx\nfor i in range(3):\n    i\n    if i == 1: raise ValueError('stop')\n\nx + 1\n"
    ));
}

#[test]
fn system_exit_ends_the_session() {
    insta::assert_snapshot!(transcript("exit\n1\nraise SystemExit(3)\n2\n"));
    insta::assert_snapshot!("exit_call", transcript("exit()\n"));
    insta::assert_snapshot!("sys_exit_message", transcript("import sys\nsys.exit(7)\n"));
}

#[test]
fn piped_stdin_runs_as_a_script() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_ouro"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ouro runs");
    let script = b"import sys\nprint(sys.argv, __file__)\n1 + 1\nfor i in range(2):\n    print(i)\nprint(1 / 0)\n";
    child.stdin.take().expect("stdin").write_all(script).expect("write");
    let out = child.wait_with_output().expect("ouro ends");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[''] <stdin>\n0\n1\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Traceback (most recent call last):\n  File \"<stdin>\", line 6, in <module>\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(out.status.code(), Some(1));
}
