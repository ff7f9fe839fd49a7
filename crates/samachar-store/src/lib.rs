//! Samachar project file.
