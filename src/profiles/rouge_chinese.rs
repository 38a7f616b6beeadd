//! `rouge-chinese` 1.0.3 (Isaac-JL-Chen/rouge_chinese), a fork of pltrdy's
//! `rouge` that differs in two places, the rest being [`pltrdy`]'s
//! [`Rouge`](super::pltrdy::Rouge): sentences come from `cut_sent` (after
//! `。！？?`, six dots or two `…`, then on newlines; `.` does not split), and
//! ROUGE-L is one plain LCS over all words of each side, with repeats.

use super::pltrdy::{self, Counts, Dialect, Rouge};
use super::{Package, PackageOptions, Raised};
use crate::metrics::pystr::is_space;

/// rouge-chinese's dialect of the pltrdy family.
const CHINESE: Dialect = Dialect { name: "rouge-chinese", pieces: cut_sent, rouge_l };

/// Builds `rouge-chinese` under `options` (pltrdy's keyword arguments).
pub(super) fn package(options: &PackageOptions) -> Result<Box<dyn Package>, Raised> {
    Ok(Box::new(Rouge::new(&CHINESE, options)?))
}

/// Closing quotes: no break is put before them.
const CLOSING: [char; 2] = ['”', '’'];

/// Sentence-final marks of the first and last rule.
const FINAL: [char; 4] = ['。', '！', '？', '?'];

/// One `re.sub(PATTERN, r"\1\n\2", text)` whose pattern is a fixed-length
/// `head` (matched by `head`, `width` characters) then one character
/// accepted by `next`: a newline goes between them. Like Python's `re`,
/// matches are found left to right and do not overlap (the following
/// character is consumed with the match).
fn break_after(
    chars: &[char],
    width: usize,
    head: impl Fn(&[char]) -> bool,
    next: impl Fn(char) -> bool,
) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let end = i + width;
        if end < chars.len() && head(&chars[i..end]) && next(chars[end]) {
            out.extend_from_slice(&chars[i..end]);
            out.push('\n');
            out.push(chars[end]);
            i = end + 1;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// `Rouge.cut_sent`: the four substitutions, `rstrip()`, `split("\n")`.
fn cut_sent(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let not_closing = |c: char| !CLOSING.contains(&c);
    // ([。！？\?])([^”’])
    let chars = break_after(&chars, 1, |h| FINAL.contains(&h[0]), not_closing);
    // (\.{6})([^”’])
    let chars = break_after(&chars, 6, |h| h.iter().all(|&c| c == '.'), not_closing);
    // (\…{2})([^”’])
    let chars = break_after(&chars, 2, |h| h.iter().all(|&c| c == '…'), not_closing);
    // ([。！？\?][”’])([^，。！？\?])
    let chars = break_after(
        &chars,
        2,
        |h| FINAL.contains(&h[0]) && CLOSING.contains(&h[1]),
        |c| c != '，' && !FINAL.contains(&c),
    );
    let text: String = chars.into_iter().collect();
    text.trim_end_matches(is_space).split('\n').map(str::to_owned).collect()
}

/// ROUGE-L: the LCS of all reference words and all candidate words (lists,
/// repeats kept, whatever `exclusive` says); R = LCS / reference words,
/// P = LCS / candidate words.
fn rouge_l(hyp: &[String], reference: &[String], _exclusive: bool) -> Result<Counts, Raised> {
    let reference = pltrdy::words(reference);
    let hyp = pltrdy::words(hyp);
    let overlap = pltrdy::lcs_length(&reference, &hyp);
    Ok(Counts { hyp: hyp.len(), reference: reference.len(), overlap })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::Pair;
    use serde_json::json;

    fn package_with(init: serde_json::Value) -> Result<Box<dyn Package>, Raised> {
        let options =
            PackageOptions { init: init.as_object().cloned().unwrap_or_default(), call: Default::default() };
        package(&options)
    }

    #[test]
    fn sentences_are_cut_as_the_package_cuts_them() {
        // Expected lists are rouge_chinese 1.0.3's `Rouge().cut_sent(text)`.
        assert_eq!(cut_sent("我 来 了 。 他 走 了 ？ x"), ["我 来 了 。", " 他 走 了 ？", " x"]);
        assert_eq!(cut_sent("好 ！ ” 是"), ["好 ！", " ” 是"]);
        assert_eq!(cut_sent("好！”是"), ["好！”", "是"]);
        assert_eq!(cut_sent("？？x"), ["？", "？x"]);
        assert_eq!(cut_sent("a.......b"), ["a......", ".b"]);
        assert_eq!(cut_sent("a U.S. b\n\n"), ["a U.S. b"]);
    }

    #[test]
    fn unknown_keywords_raise_as_python_does() {
        // rouge_chinese 1.0.3 under Python 3.11.7: the class is `Rouge`.
        let e = package_with(json!({"foo": 1})).err().unwrap();
        assert_eq!(e.to_string(), "TypeError: Rouge.__init__() got an unexpected keyword argument 'foo'");
    }

    #[test]
    fn corpus_averages_pairs_and_l_counts_repeats() {
        let p = package_with(json!({"metrics": ["rouge-l"]})).unwrap();
        let refs = vec!["a a b".to_owned(), "c".to_owned()];
        let pairs = [Pair { candidate: "a b", references: &refs }];
        // ("a b","a a b"): LCS 2, P = 2/2, R = 2/3; ("a b","c"): 0, 0.
        // Means: P = (1 + 0)/2, R = (2/3 + 0)/2, F = mean of 2PR/(P+R+1e-8).
        let figure = p.corpus(&pairs).unwrap()["rouge-l"];
        assert_eq!(figure.precision, Some((0.0 + 1.0 + 0.0) / 2.0));
        assert_eq!(figure.recall, Some((0.0 + 2.0 / 3.0 + 0.0) / 2.0));
        let f = 2.0 * ((2.0 / 3.0) / (1.0 + 2.0 / 3.0 + 1e-8));
        assert_eq!(figure.fmeasure, (0.0 + f + 0.0) / 2.0);
    }
}
