//! Reading a dataset natively: parsing and validating it, the work a dataset's first frame waits for in
//! the browser, measured without the browser's noise.
//!
//! `cargo run --release --example load -- FILE [ROUNDS]` loads FILE ROUNDS times (default 21) and prints
//! the median, fastest and slowest. A machine whose speed drifts moves these figures by more than most
//! changes do; the count of instructions does not: `valgrind --tool=callgrind
//! target/release/examples/load FILE 1` counts those of one load (with the program's start and the file's
//! reading, the same for every build), so that two builds are compared by running it on each.

use std::process::ExitCode;
use std::time::Instant;

use union_state::model::Dataset;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: cargo run --release --example load -- FILE [ROUNDS]");
        return ExitCode::FAILURE;
    };
    let rounds = match args.next().map(|r| r.parse::<usize>()) {
        None => 21,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("load: ROUNDS must be a whole number above 0");
            return ExitCode::FAILURE;
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("load: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut times = Vec::with_capacity(rounds);
    let mut events = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let data = match Dataset::from_json(&text) {
            Ok(data) => data,
            Err(e) => {
                eprintln!("load: {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        events = data.events.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{path}: {events} events, {} KiB; parsed and validated in {:.1} ms (median of {rounds}; fastest {:.1}, slowest {:.1})",
        text.len() / 1024,
        times[rounds / 2],
        times[0],
        times[rounds - 1],
    );
    ExitCode::SUCCESS
}
