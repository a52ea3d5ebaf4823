//! The REPL on a terminal: rustyline reads the lines (editing, history,
//! Tab completion) and `Session` does the rest.
//!
//! As in CPython, the banner, prompts and error reports go to stderr and
//! echoed values to stdout. Ctrl-C at a prompt drops the input and prints
//! `KeyboardInterrupt`; Ctrl-C while code runs raises `KeyboardInterrupt`
//! in it (through the interpreter's interrupt flag); Ctrl-D on an empty
//! line ends the session with
//! status 0. History lives in `~/.ouro_history`; not being able to read or
//! write it is not an error (a fresh home, a read-only one).
//!
//! The session is shared with the completer through `Rc<RefCell<_>>`: it
//! is borrowed by the completer only while rustyline edits a line, and by
//! the loop only between two lines, never both at once.

use super::complete::complete;
use super::session::{Session, Status};
use rustyline::completion::Completer;
use rustyline::config::{CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::Ordering;

const HISTORY_FILE: &str = ".ouro_history";
const MAX_HISTORY: usize = 1000;

struct ReplHelper {
    session: Rc<RefCell<Session>>,
}

impl Completer for ReplHelper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        let Ok(mut session) = self.session.try_borrow_mut() else { return Ok((pos, Vec::new())) };
        Ok(complete(session.interpreter(), &line[..pos]))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

fn history_path() -> Option<PathBuf> {
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| PathBuf::from(h).join(HISTORY_FILE))
}

/// Runs the prompt until `exit()`, `SystemExit` or end of input; returns
/// the exit status.
pub fn run(session: Session, banner: &str) -> i32 {
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .max_history_size(MAX_HISTORY)
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("ouro: cannot use the terminal: {e}");
            return 1;
        }
    };
    // While rustyline reads, the terminal is raw and Ctrl-C is a key; while
    // code runs, it is SIGINT, which sets the interpreter's interrupt flag.
    let interrupt = session.interrupt_flag();
    #[cfg(unix)]
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupt.clone());
    let session = Rc::new(RefCell::new(session));
    editor.set_helper(Some(ReplHelper { session: session.clone() }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    eprintln!("{banner}");
    let mut stderr = std::io::stderr();
    loop {
        let prompt = session.borrow().prompt();
        match editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() && editor.add_history_entry(line.as_str()).unwrap_or(false) {
                    // Saved at once: the process may not end through this
                    // loop (a Ctrl-C while code runs kills it).
                    if let Some(path) = &history {
                        let _ = editor.save_history(path);
                    }
                }
                // A Ctrl-C that came after the last code stopped running
                // must not interrupt the next input.
                interrupt.store(false, Ordering::Relaxed);
                // A paste may bring several lines at once: they count as
                // typed one by one, as CPython reads them.
                for piece in line.split('\n') {
                    let status = session.borrow_mut().push_line(piece, &mut stderr);
                    if let Status::Exit(code) = status {
                        return code;
                    }
                }
            }
            Err(ReadlineError::Interrupted) => {
                session.borrow_mut().discard_input();
                // rustyline has already moved to a new line.
                let _ = writeln!(stderr, "KeyboardInterrupt");
            }
            // rustyline has already moved to a new line, as CPython does.
            Err(ReadlineError::Eof) => return 0,
            Err(e) => {
                eprintln!("ouro: {e}");
                return 1;
            }
        }
    }
}
