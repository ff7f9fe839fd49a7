#!/usr/bin/env bash
# Formatting, lints (warnings are errors) and every test of the workspace.
# The tests score extraction against ../shared when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
