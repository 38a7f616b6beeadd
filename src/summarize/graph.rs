//! PageRank-style power iteration shared by LexRank and TextRank.
