//! Thai words as pythainlp 5.4's `word_tokenize(engine="newmm")` finds them
//! (XL-Sum's Thai word splitter): maximal matching over pythainlp's word
//! list (`data/pythainlp_words_th.txt`, CC0-1.0), cut only at Thai
//! Character Cluster boundaries (pythainlp's `tcc_p` rules), ported from
//! `pythainlp/tokenize/newmm.py` and `tcc_p.py` (Apache-2.0; PyThaiNLP
//! project, after Korakot Chaovavanich's notebooks). Spaces come back as
//! words of their own, as pythainlp keeps them.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

/// pythainlp's default word list, one word a line.
const WORDS: &str = include_str!("../../data/pythainlp_words_th.txt");

struct Dictionary {
    words: FxHashSet<&'static str>,
    /// The longest word, in characters.
    longest: usize,
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    let words: FxHashSet<&str> = WORDS.lines().map(str::trim).filter(|w| !w.is_empty()).collect();
    let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    Dictionary { words, longest }
});

/// The TCC rules, in pythainlp's order, split where a rule has a lookahead
/// (`(?=[เ-ไก-ฮ]|$)`, which `regex` lacks): `(rules before, lookahead rule)`.
/// `k` is `([ก-ฮ][ก-ฮ]?[ูุิ]?์)?`, `c` a consonant, `t` an optional tone mark.
static TCC: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let expand = |rule: &str| {
        rule.replace('k', "(cc?[dิ]?[์])?").replace('c', "[ก-ฮ]").replace('t', "[่-๋]?").replace('d', "ูุ")
    };
    let group = |rules: &[&str]| {
        let alternation: Vec<String> = rules.iter().map(|r| expand(r)).collect();
        Rule::Plain(Regex::new(&format!("^(?:{})", alternation.join("|"))).expect("valid TCC rules"))
    };
    let ahead = |before: &str| {
        Rule::Lookahead(
            Regex::new(&format!("^(?:{})", expand(before))).expect("valid TCC rule"),
            Regex::new(&format!("^(?:{})", expand("k"))).expect("valid TCC rule"),
        )
    };
    vec![
        group(&["เc็ck", "เcctาะk", "เccีtยะk"]),
        ahead("เccีtย"),
        group(&["เcc็ck", "เcิc์ck", "เcิtck", "เcีtยะ?k", "เcืtอะ?k"]),
        ahead("เc[ิีุู]tย"),
        group(&[
            "เctา?ะ?k",
            "cัtวะk",
            "c[ัื]tc[ุิะ]?k",
            "c[ิุู]์",
            "c[ะ-ู]tk",
            "cรรc์",
            "c็",
            "ct[ะาำ]?k",
            "ck",
            "แc็c",
            "แcc์",
            "แctะ",
            "แcc็c",
            "แccc์",
            "โctะ",
            "[เ-ไ]ct",
            "ก็",
            "อึ",
            "หึ",
        ]),
    ]
});

enum Rule {
    Plain(Regex),
    /// The part before the lookahead, and the part after it.
    Lookahead(Regex, Regex),
}

impl Rule {
    /// The byte length of this rule's match at the start of `text`.
    fn matches(&self, text: &str) -> Option<usize> {
        match self {
            Rule::Plain(regex) => regex.find(text).map(|m| m.end()),
            Rule::Lookahead(before, after) => {
                let end = before.find(text)?.end();
                let next = text[end..].chars().next();
                let ok = next.is_none_or(|c| ('เ'..='ไ').contains(&c) || ('ก'..='ฮ').contains(&c));
                ok.then(|| end + after.find(&text[end..]).map_or(0, |m| m.end()))
            }
        }
    }
}

/// Which character positions (0..=n) end a Thai Character Cluster.
fn tcc_boundaries(text: &str, offsets: &[usize]) -> Vec<bool> {
    let n = offsets.len() - 1;
    let mut valid = vec![false; n + 1];
    let mut p = 0;
    while p < n {
        let rest = &text[offsets[p]..];
        let bytes = TCC.iter().find_map(|rule| rule.matches(rest));
        p = match bytes {
            Some(bytes) if bytes > 0 => offsets.partition_point(|&o| o < offsets[p] + bytes),
            _ => p + 1,
        };
        valid[p] = true;
    }
    valid
}

/// newmm's words of `text`, in order.
pub(super) fn split(text: &str) -> Vec<&str> {
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut words = Vec::new();
    if text.is_empty() {
        return words;
    }
    let n = offsets.len() - 1;
    let valid = tcc_boundaries(text, &offsets);
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| &text[offsets[a]..offsets[b]];
    let prefixes = |start: usize| -> Vec<usize> {
        let dictionary = &*DICTIONARY;
        (start + 1..=n.min(start + dictionary.longest))
            .filter(|&end| dictionary.words.contains(slice(start, end)))
            .collect()
    };
    let mut graph: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut graph_size = 0;
    let mut heap: BinaryHeap<Reverse<usize>> = BinaryHeap::from([Reverse(0)]);
    let mut end_pos = 0;
    while let Some(&Reverse(top)) = heap.peek()
        && top < n
    {
        let Reverse(begin) = heap.pop().expect("peeked");
        for end in prefixes(begin) {
            if valid[end] {
                graph.entry(begin).or_default().push(end);
                graph_size += 1;
                if !heap.iter().any(|&Reverse(p)| p == end) {
                    heap.push(Reverse(end));
                }
                if graph_size > 50 {
                    break;
                }
            }
        }
        match heap.len() {
            1 => {
                let goal = heap.peek().expect("one").0;
                let path = bfs(&graph, end_pos, goal).unwrap_or_else(|| vec![end_pos, goal]);
                graph_size = 0;
                graph.clear();
                for &pos in &path[1..] {
                    words.push(slice(end_pos, pos));
                    end_pos = pos;
                }
            }
            0 => {
                end_pos = skip_end(&chars, begin, &valid, &prefixes);
                graph_size = 0;
                graph.clear();
                words.push(slice(begin, end_pos));
                heap.push(Reverse(end_pos));
            }
            _ => {}
        }
    }
    words
}

/// The first path from `start` to `goal` in breadth-first order.
fn bfs(graph: &FxHashMap<usize, Vec<usize>>, start: usize, goal: usize) -> Option<Vec<usize>> {
    let mut visited = FxHashSet::from_iter([start]);
    let mut queue = VecDeque::from([(start, vec![start])]);
    while let Some((vertex, path)) = queue.pop_front() {
        for &pos in graph.get(&vertex).map_or(&[][..], Vec::as_slice) {
            if pos == goal {
                let mut found = path.clone();
                found.push(pos);
                return Some(found);
            }
            if visited.insert(pos) {
                let mut next = path.clone();
                next.push(pos);
                queue.push_back((pos, next));
            }
        }
    }
    None
}

/// `\d` of newmm's pattern, for the digits Thai text uses (ASCII and Thai).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{e50}'..='\u{e59}').contains(&c)
}

/// The end of newmm's `_PAT_NONTHAI` match at `pos`, if it matches: Latin
/// letters and `-`, a number (`1,000.5`), spaces and tabs, a line end, or a
/// run of other non-Thai characters.
fn non_thai_end(chars: &[char], pos: usize) -> Option<usize> {
    let run =
        |from: usize, f: &dyn Fn(char) -> bool| from + chars[from..].iter().take_while(|&&c| f(c)).count();
    let c = *chars.get(pos)?;
    if c == '-' || c.is_ascii_alphabetic() {
        return Some(run(pos, &|c| c == '-' || c.is_ascii_alphabetic()));
    }
    if is_digit(c) {
        let mut end = run(pos, &is_digit);
        while matches!(chars.get(end), Some(',' | '.')) && chars.get(end + 1).is_some_and(|&c| is_digit(c)) {
            end = run(end + 1, &is_digit);
        }
        return Some(end);
    }
    if c == ' ' || c == '\t' {
        return Some(run(pos, &|c| c == ' ' || c == '\t'));
    }
    if c == '\n' {
        return Some(pos + 1);
    }
    if c == '\r' {
        return (chars.get(pos + 1) == Some(&'\n')).then_some(pos + 2);
    }
    let other = |c: char| !(('\u{e00}'..='\u{e7f}').contains(&c) || matches!(c, ' ' | '\t' | '\r' | '\n'));
    other(c).then(|| run(pos, &other))
}

/// newmm's `_find_skip_end`: where an out-of-dictionary stretch starting at
/// `begin` ends.
fn skip_end(chars: &[char], begin: usize, valid: &[bool], prefixes: &dyn Fn(usize) -> Vec<usize>) -> usize {
    if let Some(end) = non_thai_end(chars, begin) {
        return end;
    }
    let consonants_only =
        |from: usize, to: usize| to - from <= 2 && chars[from..to].iter().all(|c| ('ก'..='ฮ').contains(c));
    for pos in begin + 1..chars.len() {
        if valid[pos] {
            if prefixes(pos).into_iter().any(|end| valid[end] && !consonants_only(pos, end)) {
                return pos;
            }
            if non_thai_end(chars, pos).is_some() {
                return pos;
            }
        }
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_newmm() {
        // pythainlp 5.4: word_tokenize(text, engine="newmm").
        assert_eq!(split("ฉันรักภาษาไทย"), ["ฉัน", "รัก", "ภาษาไทย"]);
        assert_eq!(split("สวัสดี ครับ 100 คน"), ["สวัสดี", " ", "ครับ", " ", "100", " ", "คน"]);
        assert!(split("").is_empty());
    }
}
