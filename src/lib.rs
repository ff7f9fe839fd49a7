//! Samachar, the application: the desktop app ([`app`]) and the command line
//! ([`cli`]) on top of `samachar-core`.

pub mod app;
pub mod cli;
