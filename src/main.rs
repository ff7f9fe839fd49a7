//! Samachar: with no arguments, the desktop app; with a subcommand, the
//! command line.

use clap::Parser;
use samachar::cli::Cli;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: analysis makes many small,
/// short-lived strings and vectors, and glibc's malloc spends a tenth of
/// the extraction time on them (see NOTES.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => samachar::cli::run(command),
        None => match samachar::app::run(cli.project_flag.or(cli.project)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("samachar: {e:#}");
                ExitCode::from(1)
            }
        },
    }
}
