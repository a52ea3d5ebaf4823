//! Arbitrary bytes → token stream, to the end or the first error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ouro::Mode;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    for token in ouro::lexer::lex(&source, Mode::Module) {
        if token.is_err() {
            break;
        }
    }
});
