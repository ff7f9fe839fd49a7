//! The three seed articles, bundled into the binary so that the app works
//! from any folder.

use samachar_model::Document;

/// The bundled seed files: (file name, bytes).
pub const SEEDS: [(&str, &[u8]); 3] = [
    (
        "000_ed32e172fedb3713.txt",
        include_bytes!("../../../seeds/000_ed32e172fedb3713.txt"),
    ),
    (
        "001_fdb2ac4d677a68ab.txt",
        include_bytes!("../../../seeds/001_fdb2ac4d677a68ab.txt"),
    ),
    (
        "002_41c24c9b7009feb6.txt",
        include_bytes!("../../../seeds/002_41c24c9b7009feb6.txt"),
    ),
];

/// The seed articles as decoded documents (path `seeds/<file>`).
pub fn documents() -> Vec<Document> {
    SEEDS
        .iter()
        .filter_map(|(file, bytes)| {
            samachar_ingest::decode_bytes(&format!("seeds/{file}"), bytes).ok()
        })
        .collect()
}
