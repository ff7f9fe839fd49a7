//! Samachar charts and exports.
