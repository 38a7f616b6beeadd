//! Sentence similarity measures shared by the graph and redundancy-aware summarizers.
