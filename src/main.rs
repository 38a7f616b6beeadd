//! The `sumbench` command: parses arguments (see `cli/`), calls the library,
//! and maps errors to exit codes (1: error, 2: usage, 3: regression found).

mod cli;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::exit(1);
        }
    }
}
