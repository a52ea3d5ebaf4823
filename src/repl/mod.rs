//! The interactive prompt (`ouro` with no script on a terminal).
//!
//! `session.rs` holds the line logic (when an input is complete, running
//! it, what is printed) and knows nothing of terminals, so tests drive it
//! with plain lines; `terminal.rs` reads lines with rustyline;
//! `complete.rs` finds Tab completions. Everything goes through the
//! public `Interpreter`.

pub mod complete;
pub mod session;
mod terminal;

pub use session::{Session, Status};

use crate::Interpreter;

/// The greeting, in CPython's shape: who runs, then how to leave.
pub fn banner(strategy: &str) -> String {
    format!(
        "ouro {} (a Python 3.11 subset, heap: {strategy}) on {}\nType \"exit()\" or Ctrl-D (i.e. EOF) to exit.",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    )
}

/// Runs the prompt on the terminal; returns the exit status.
pub fn run_terminal(interp: Interpreter, strategy: &str) -> i32 {
    terminal::run(Session::new(interp), &banner(strategy))
}
