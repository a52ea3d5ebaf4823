//! Generates the LR(1) parser from `grammar/python.lalrpop` into OUT_DIR.
fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop failed to generate the parser");
}
