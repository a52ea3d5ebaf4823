//! Generates the LR(1) parser from `grammar/python.lalrpop` into OUT_DIR.
fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop failed to generate the parser");
    // Release builds read the profile (scripts/rustc-pgo.sh): a new one
    // must rebuild the crate, and rerunning this script does that.
    println!("cargo:rerun-if-changed=pgo/ouro.profdata");
}
