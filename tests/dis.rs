//! Snapshot tests of `ouro --dis`: the disassembly of each program under
//! `tests/cases/dis/`, as `Interpreter::disassemble` prints it (the CLI
//! prints the same text). A change to the compiler shows up here as a
//! reviewable diff. Regenerate with `INSTA_UPDATE=always cargo test
//! --test dis`.

#[test]
fn disassembly() {
    insta::glob!("cases/dis/*.py", |path| {
        let source = std::fs::read_to_string(path).expect("a UTF-8 test file");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut interp = ouro::Interpreter::new();
        let text = interp.disassemble(&source, &name).expect("the test programs compile");
        insta::assert_snapshot!(text);
    });
}
