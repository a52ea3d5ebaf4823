//! The command line as CPython 3.11's: what a script sees of how it was
//! started (`sys.argv`, `sys.path[0]`, `__file__`) for `ouro FILE ARGS`
//! and `ouro -c CODE ARGS`. The expected values are what `python3` prints
//! for the same commands.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh folder under the target directory holding `name` with `source`.
fn script(folder: &str, name: &str, source: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    path
}

fn ouro(cwd: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ouro")).args(args).current_dir(cwd).output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_script_gets_its_arguments_and_an_absolute_file_name() {
    let path = script("cli_args", "show.py", "import sys\nprint(sys.argv)\nprint(sys.path[0])\nprint(__file__)\n");
    let dir = path.parent().unwrap().canonicalize().unwrap();
    let (out, err) = ouro(&dir, &["show.py", "a", "b c"]);
    assert_eq!(err, "");
    let want = format!("['show.py', 'a', 'b c']\n{d}\n{d}/show.py\n", d = dir.display());
    assert_eq!(out, want);
}

#[test]
fn a_relative_path_is_joined_to_the_current_folder_as_given() {
    // CPython makes `__file__` absolute without normalising `..`.
    let path = script("cli_rel/inner", "where.py", "print(__file__)\n1/0\n");
    let outer = path.parent().unwrap().parent().unwrap().canonicalize().unwrap();
    let (out, err) = ouro(&outer, &["inner/../inner/where.py"]);
    let absolute = format!("{}/inner/../inner/where.py", outer.display());
    assert_eq!(out, format!("{absolute}\n"));
    assert!(err.contains(&format!("File \"{absolute}\", line 2, in <module>")), "{err}");
}

#[test]
fn dash_c_gets_its_arguments_and_no_file() {
    let dir = std::env::temp_dir();
    let code = "import sys\nprint(sys.argv, repr(sys.path[0]))\nprint('__file__' in globals())";
    let (out, err) = ouro(&dir, &["-c", code, "x", "-y"]);
    assert_eq!(err, "");
    assert_eq!(out, "['-c', 'x', '-y'] ''\nFalse\n");
}
