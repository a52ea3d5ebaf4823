//! Warnings the compiler gives (`SyntaxWarning`), shown as CPython 3.11
//! shows them.
//!
//! Once the `warnings` module is loaded they go through its
//! `warn_explicit`, so that its filters apply (`"ignore"`, `"error"`,
//! `catch_warnings`); before that, they are printed to stderr as CPython's
//! C-level fallback prints them: `file:line: SyntaxWarning: message`,
//! then the stripped source line when the file is a real one (CPython
//! reads it with `linecache`, which finds nothing for `<stdin>` or
//! `<string>`).

use super::Vm;
use std::io::Write;

impl Vm {
    /// Shows the warning `msg` for line `line` of `filename` (whose text
    /// is `source_line`). False when a filter turned it into an error: the
    /// compiler then reports a `SyntaxError` with the same message, as
    /// CPython's `compiler_warn` does.
    pub(crate) fn syntax_warning(&mut self, filename: &str, line: u32, msg: &str, source_line: &str) -> bool {
        let name = self.intern("SyntaxWarning");
        let builtins = self.builtins.clone();
        let Ok(Some(category)) = self.dict_get(&builtins, &name) else { return true };
        let key = self.intern("warnings");
        let modules = self.modules.clone();
        if let Ok(Some(module)) = self.dict_get(&modules, &key) {
            let attr = self.intern("warn_explicit");
            if let Ok(warn_explicit) = self.get_attr(&module, &attr) {
                let args = [self.new_str(msg), category.clone(), self.new_str(filename), self.new_int(line as i64)];
                return match self.call(&warn_explicit, &args, &[]) {
                    Ok(_) => true,
                    // Only the warning itself, raised by an "error" filter,
                    // becomes the SyntaxError; another failure of the
                    // module's code is dropped with the warning.
                    Err(e) => !self.isinstance(&e.0, &category),
                };
            }
        }
        let _ = self.stdout.flush();
        let mut report = format!("{filename}:{line}: SyntaxWarning: {msg}\n");
        let text = source_line.trim();
        if !filename.starts_with('<') && !text.is_empty() {
            report.push_str(&format!("  {text}\n"));
        }
        eprint!("{report}");
        true
    }
}
