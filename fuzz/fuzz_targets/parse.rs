//! Arbitrary bytes → parser, as a file and as one REPL input. Trees are
//! dumped and errors located and formatted, so both are fuzzed as well. Any
//! panic, stack overflow or hang is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ouro::{Mode, SyntaxError};

fn report(source: &str, err: &SyntaxError) {
    let _ = err.locate(source, "<fuzz>").to_string();
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    match ouro::parse_module(&source) {
        Ok(module) => drop(ouro::ast::dump::dump_mod(&module)),
        Err(err) => report(&source, &err),
    }
    if let Err(err) = ouro::parse(&source, Mode::Interactive) {
        report(&source, &err);
    }
});
