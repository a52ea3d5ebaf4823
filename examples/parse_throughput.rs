//! Parse throughput of `ouro::parse_module`.
//!
//! ```text
//! cargo run --release --example parse_throughput -- LIST [--repeat N]
//! ```
//!
//! LIST is a file holding one source path per line. Every file is read
//! into memory first (unreadable or non-UTF-8 files are skipped and
//! counted); then one timed pass parses all of them. A parse error is
//! counted and the pass goes on. With `--repeat N` the pass runs N times
//! and the fastest is reported. Output is `key: value` lines, read by
//! scripts/parse_throughput.py.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

/// Newline characters, plus one for a last line without a newline (the
/// same count as scripts/stdlib_files.py's `count_lines`).
fn count_lines(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + usize::from(!text.is_empty() && !text.ends_with('\n'))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (list_path, repeat) = match args.as_slice() {
        [list] => (list, 1),
        [list, flag, n] if flag == "--repeat" => match n.parse::<u32>() {
            Ok(n) if n > 0 => (list, n),
            _ => return usage(),
        },
        _ => return usage(),
    };
    let list = match std::fs::read_to_string(list_path) {
        Ok(list) => list,
        Err(e) => {
            eprintln!("parse_throughput: can't read {list_path}: {e}");
            return ExitCode::from(2);
        }
    };

    let mut sources = Vec::new();
    let mut skipped = 0;
    for path in list.lines().filter(|l| !l.is_empty()) {
        match std::fs::read_to_string(path) {
            Ok(source) => sources.push(source),
            Err(_) => skipped += 1,
        }
    }
    let lines: usize = sources.iter().map(|s| count_lines(s)).sum();

    let mut best = f64::INFINITY;
    let mut errors = 0;
    for _ in 0..repeat {
        errors = 0;
        let start = Instant::now();
        for source in &sources {
            match ouro::parse_module(black_box(source)) {
                Ok(module) => drop(black_box(module)),
                Err(_) => errors += 1,
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }

    println!("files: {}", sources.len());
    println!("skipped: {skipped}");
    println!("lines: {lines}");
    println!("errors: {errors}");
    println!("seconds: {best:.6}");
    println!("lines_per_second: {:.0}", lines as f64 / best);
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: parse_throughput LIST [--repeat N]");
    ExitCode::from(2)
}
