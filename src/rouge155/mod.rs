//! ROUGE-1.5.5 (the Perl script) compatibility mode: summary-level ROUGE-L,
//! ROUGE-W, ROUGE-S/SU, `-f A`/`-f B`, `-s`, `-l`/`-b` and `-m`.
//!
//! Owns: everything ROUGE-1.5.5 computes differently from rouge-score.
