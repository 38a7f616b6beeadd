//! [`Shard`]: which documents of each corpus a run covers (`--shard K/N`),
//! recorded in `run.json` so `merge` can put the shards back together.

use std::fmt;
use std::str::FromStr;

/// A shard that is not `K/N` with 1 ≤ K ≤ N.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad shard `{0}`: expected K/N with 1 <= K <= N, e.g. 1/4")]
pub struct BadShard(pub String);

/// `--shard K/N`: this process runs the documents whose 0-based index within
/// their corpus is `K-1` modulo `N`. Index-based (not id-hash-based) so the
/// shards are balanced to one document, and so `merge` can restore the single
/// run's document order by taking documents from the shards in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shard {
    /// 1-based shard number K.
    pub index: usize,
    /// Number of shards N.
    pub count: usize,
}

impl Shard {
    /// The whole corpus (shard 1/1).
    pub const ALL: Shard = Shard { index: 1, count: 1 };

    /// Whether the document at 0-based `position` in its corpus belongs to this shard.
    pub fn contains(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = BadShard;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadShard(s.to_string());
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_positions() {
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        for position in 0..10 {
            assert_eq!(shards.iter().filter(|s| s.contains(position)).count(), 1);
        }
        assert!(shards[1].contains(4));
        for bad in ["0/2", "3/2", "1", "a/b", "1/0"] {
            assert_eq!(bad.parse::<Shard>(), Err(BadShard(bad.into())), "{bad}");
        }
    }
}
