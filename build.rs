//! Generates the LR(1) parser from `grammar/python.lalrpop` into OUT_DIR.
fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop failed to generate the parser");
    // Release builds read the profile (scripts/rustc-pgo.sh): a new one,
    // or turning it off or on, must rebuild the crate, and rerunning this
    // script does that (cargo does not watch the wrapper's inputs).
    println!("cargo:rerun-if-changed=pgo/ouro.profdata");
    println!("cargo:rerun-if-changed=scripts/rustc-pgo.sh");
    println!("cargo:rerun-if-env-changed=OURO_PGO");
}
