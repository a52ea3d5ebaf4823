//! Differential tests: every script under `tests/py/<topic>/NAME.py` is run by
//! `ouro` and its stdout, exit status and stderr are compared with what CPython
//! 3.11 printed (`NAME.out`, `NAME.rc`, `NAME.err`, made by
//! `scripts/gen_expected.py`). See `tests/py/README.md`.
//!
//! The interpreter is young, so only the scripts listed in `tests/py/PASSING`
//! must pass; the others are counted. `OURO_PY_FILTER=substring` restricts the
//! run to the scripts whose relative path contains the substring.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);
/// How many failures of listed scripts are shown in full.
const SHOWN_FAILURES: usize = 8;

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("py")
}

/// Test scripts, as paths relative to the corpus root with `/` separators:
/// `<topic>/NAME.py`, skipping support modules (`_name.py`, deeper folders).
fn scripts(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut topics: Vec<_> = std::fs::read_dir(root)
        .expect("tests/py exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    topics.sort_by_key(|e| e.file_name());
    for topic in topics {
        let mut names: Vec<String> = std::fs::read_dir(topic.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".py") && !n.starts_with('_'))
            .collect();
        names.sort();
        for name in names {
            out.push(format!("{}/{}", topic.file_name().to_string_lossy(), name));
        }
    }
    out
}

/// The scripts listed in `PASSING`: one path a line, `#` starts a comment.
fn passing_list(root: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root.join("PASSING")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The heap strategies `ouro --heaps` lists, or `[None]` when the flag fails.
fn heaps(bin: &Path) -> Vec<Option<String>> {
    let listed = Command::new(bin)
        .arg("--heaps")
        .stdin(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Some(l.to_owned()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if listed.is_empty() {
        vec![None]
    } else {
        listed
    }
}

struct Run {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `None` when killed by a signal or by the timeout.
    code: Option<i32>,
    timed_out: bool,
}

fn run_script(bin: &Path, root: &Path, rel: &str, heap: Option<&str>) -> Run {
    let path = root.join(rel);
    let dir = path.parent().unwrap();
    let name = path.file_name().unwrap();
    let mut cmd = Command::new(bin);
    if let Some(h) = heap {
        cmd.arg(format!("--heap={h}"));
    }
    cmd.arg(name)
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("PYTHONHASHSEED", "0")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Run {
                stdout: Vec::new(),
                stderr: format!("could not start {}: {e}", bin.display()).into_bytes(),
                code: None,
                timed_out: false,
            };
        }
    };
    // Drain the pipes on threads so a chatty script cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let stdout = out_thread.join().unwrap_or_default();
    let mut stderr = err_thread.join().unwrap_or_default();
    // Tracebacks may name the script by its absolute path; CPython's expected
    // files have that folder prefix removed, so remove it here too.
    // The folder as given, and with symbolic links resolved (as getcwd() sees it).
    let mut dirs = vec![dir.to_path_buf()];
    if let Ok(real) = dir.canonicalize() {
        dirs.push(real);
    }
    for d in dirs {
        let prefix = format!("{}/", d.display());
        stderr = replace_bytes(&stderr, prefix.as_bytes(), b"");
    }
    Run {
        stdout,
        stderr,
        code: status.and_then(|s| s.code()),
        timed_out,
    }
}

fn replace_bytes(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    if from.is_empty() {
        return hay.to_vec();
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// Why a run does not match the expected files, or `None` when it does.
fn compare(root: &Path, rel: &str, heap: Option<&str>, run: &Run) -> Option<String> {
    let base = root.join(&rel[..rel.len() - 3]);
    let read =
        |suffix: &str| std::fs::read(base.with_extension(suffix.trim_start_matches('.'))).ok();
    let expected_out = heap
        .and_then(|h| read(&format!("out.{h}")))
        .or_else(|| read("out"));
    let Some(expected_out) = expected_out else {
        return Some(format!(
            "no expected output {rel}: run scripts/gen_expected.py"
        ));
    };
    let expected_rc: i32 = read("rc")
        .map(|b| String::from_utf8_lossy(&b).trim().parse().unwrap_or(-1))
        .unwrap_or(0);
    let expected_err = read("err").unwrap_or_default();
    let mut why = String::new();
    if run.timed_out {
        why.push_str(&format!("timed out after {} s\n", TIMEOUT.as_secs()));
    }
    if run.code != Some(expected_rc) {
        let got = run
            .code
            .map_or("none (killed)".to_owned(), |c| c.to_string());
        why.push_str(&format!("exit status {got}, expected {expected_rc}\n"));
    }
    if run.stdout != expected_out {
        why.push_str(&format!(
            "stdout differs:\n{}",
            diff(
                &String::from_utf8_lossy(&expected_out),
                &String::from_utf8_lossy(&run.stdout)
            )
        ));
    }
    let (want, got) = (String::from_utf8_lossy(&expected_err), String::from_utf8_lossy(&run.stderr));
    if want != got {
        why.push_str(&format!("stderr differs:\n{}", diff(&want, &got)));
    }
    if why.is_empty() { None } else { Some(why) }
}

/// A short line diff: the first differing line with a little context.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(e.len().min(a.len()));
    let from = first.saturating_sub(2);
    let mut out = String::new();
    for i in from..first {
        out.push_str(&format!("    {}\n", e[i]));
    }
    for i in first..(first + 6).min(e.len()) {
        out.push_str(&format!("  - {}\n", e[i]));
    }
    if e.len() > first + 6 {
        out.push_str(&format!(
            "  - ... ({} more expected lines)\n",
            e.len() - first - 6
        ));
    }
    for i in first..(first + 6).min(a.len()) {
        out.push_str(&format!("  + {}\n", a[i]));
    }
    if a.len() > first + 6 {
        out.push_str(&format!(
            "  + ... ({} more actual lines)\n",
            a.len() - first - 6
        ));
    }
    if e.len() == a.len() && first == e.len() {
        out.push_str("  (differs only in trailing newline or bytes)\n");
    }
    out
}

#[test]
fn differential() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_ouro"));
    let root = corpus_root();
    let filter = std::env::var("OURO_PY_FILTER").unwrap_or_default();
    let all = scripts(&root);
    let listed = passing_list(&root);
    let mut problems: Vec<String> = listed
        .iter()
        .filter(|p| !all.contains(p))
        .map(|p| format!("tests/py/PASSING lists {p}, which is not a test script"))
        .collect();
    let selected: Vec<String> = all.into_iter().filter(|s| s.contains(&filter)).collect();
    let heaps = heaps(&bin);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);

    // failures[i] = (heap, why) for selected[i]
    let failures: Vec<Mutex<Vec<(String, String)>>> =
        selected.iter().map(|_| Mutex::new(Vec::new())).collect();
    // One job per script; its heaps run one after the other, since a script
    // may use files in its folder.
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= selected.len() {
                        break;
                    }
                    for heap in &heaps {
                        let heap = heap.as_deref();
                        let run = run_script(&bin, &root, &selected[i], heap);
                        if let Some(why) = compare(&root, &selected[i], heap, &run) {
                            let name = heap.unwrap_or("(default)").to_owned();
                            failures[i].lock().unwrap().push((name, why));
                        }
                    }
                }
            });
        }
    });

    let listed_selected = selected.iter().filter(|s| listed.contains(*s)).count();
    for heap in &heaps {
        let name = heap.as_deref().unwrap_or("(default)");
        let pass = failures
            .iter()
            .filter(|f| !f.lock().unwrap().iter().any(|(h, _)| h == name))
            .count();
        let shown = match heap {
            Some(h) => format!("under {h}"),
            None => "(no --heap: `ouro --heaps` failed)".to_owned(),
        };
        println!(
            "differential: {pass}/{} scripts pass {shown} ({listed_selected} listed in tests/py/PASSING){}",
            selected.len(),
            if filter.is_empty() {
                String::new()
            } else {
                format!(" [OURO_PY_FILTER={filter}]")
            }
        );
    }
    for (i, rel) in selected.iter().enumerate() {
        if !listed.contains(rel) {
            continue;
        }
        for (heap, why) in failures[i].lock().unwrap().iter() {
            problems.push(format!("{rel} under {heap}:\n{why}"));
        }
    }
    if !problems.is_empty() {
        let mut report = format!(
            "{} failure(s) among scripts listed in tests/py/PASSING:\n",
            problems.len()
        );
        for p in problems.iter().take(SHOWN_FAILURES) {
            report.push_str(&format!("\n=== {p}"));
        }
        if problems.len() > SHOWN_FAILURES {
            report.push_str(&format!(
                "\n... and {} more\n",
                problems.len() - SHOWN_FAILURES
            ));
        }
        panic!("{report}");
    }
}
