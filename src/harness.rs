//! The run plan: documents × summarizers on rayon, scored with ROUGE, in a
//! deterministic order whatever the thread count.
