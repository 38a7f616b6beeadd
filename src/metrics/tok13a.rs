//! sacreBLEU's `13a` tokenizer: the rules of WMT's `mteval-v13a.pl`, as
//! sacreBLEU 2.6.0 implements them (`Tokenizer13a` then `TokenizerRegexp`).

use std::sync::LazyLock;

use regex::Regex;

use super::pystr;

/// `TokenizerRegexp`'s four substitutions, applied in order, each over the
/// whole line (non-overlapping, left to right, as Python's `re.sub`).
static RULES: LazyLock<[(Regex, &'static str); 4]> = LazyLock::new(|| {
    let rule = |pattern: &str, replacement| (Regex::new(pattern).expect("a valid pattern"), replacement);
    [
        // Most ASCII punctuation and symbols become tokens: {|}~ [\]^_` space!"#$%& ()*+ :;<=>?@ /
        rule(r"([{-~\[-` -&(-+:-@/])", " ${1} "),
        // Period and comma, unless preceded by a digit.
        rule(r"([^0-9])([.,])", "${1} ${2} "),
        // Period and comma, unless followed by a digit.
        rule(r"([.,])([^0-9])", " ${1} ${2}"),
        // Dash, when preceded by a digit.
        rule(r"([0-9])(-)", "${1} ${2} "),
    ]
});

/// The tokens sacreBLEU's `13a` tokenizer makes of `line`:
/// `Tokenizer13a()(line).split()`. `<skipped>` is removed, a `-` before a
/// newline joins the lines, newlines become spaces, `&quot;`, `&amp;`,
/// `&lt;` and `&gt;` are unescaped (in that order), then the four
/// `TokenizerRegexp` rules split punctuation off. Case is kept.
///
/// sacreBLEU's BLEU strips trailing whitespace before calling the tokenizer
/// (so a final `-\n` is not joined); [`crate::metrics::bleu::bleu_stats`] does too.
pub fn tokenize_13a(line: &str) -> Vec<String> {
    let mut line = line.replace("<skipped>", "").replace("-\n", "").replace('\n', " ");
    if line.contains('&') {
        line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    tokenize_regexp(&format!(" {line} "))
}

/// sacreBLEU's `TokenizerRegexp` (the part `13a` and `zh` share): the four
/// substitutions over `text` as given (no padding), then Python's `split()`.
pub fn tokenize_regexp(text: &str) -> Vec<String> {
    let mut text = text.to_string();
    for (pattern, replacement) in RULES.iter() {
        if let std::borrow::Cow::Owned(replaced) = pattern.replace_all(&text, *replacement) {
            text = replaced;
        }
    }
    pystr::split(&text).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::tokenize_13a;

    fn tokens(line: &str) -> String {
        tokenize_13a(line).join(" ")
    }

    #[test]
    fn splits_ascii_punctuation_and_symbols() {
        assert_eq!(tokens("Hello, world!"), "Hello , world !");
        assert_eq!(tokens("(a)[b]{c}<d>"), "( a ) [ b ] { c } < d >");
        assert_eq!(tokens("a/b\\c|d~e^f_g`h"), "a / b \\ c | d ~ e ^ f _ g ` h");
        assert_eq!(
            tokens("\"q\" #1 $2 %3 &4 *5 +6 :7 ;8 =9 ?0 @x"),
            "\" q \" # 1 $ 2 % 3 & 4 * 5 + 6 : 7 ; 8 = 9 ? 0 @ x"
        );
    }

    #[test]
    fn keeps_apostrophes_and_hyphens_between_letters() {
        assert_eq!(tokens("don't e-mail state-of-the-art"), "don't e-mail state-of-the-art");
        assert_eq!(tokens("'quoted'"), "'quoted'");
    }

    #[test]
    fn periods_and_commas_stay_inside_numbers() {
        assert_eq!(tokens("1,000.50 and 3.5bn"), "1,000.50 and 3.5bn");
        assert_eq!(tokens("in 2004. Then"), "in 2004 . Then");
        // Only digits on both sides keep them: a letter before or a space after splits.
        assert_eq!(tokens("x.5 ,5 5, 5."), "x . 5 , 5 5 , 5 .");
        assert_eq!(tokens("e.g. U.S.A."), "e . g . U . S . A .");
    }

    #[test]
    fn consecutive_periods_follow_non_overlapping_substitution() {
        // Rule 2 consumes "a." so the second "." is split off only by rule 3.
        assert_eq!(tokens("a..b"), "a . . b");
        assert_eq!(tokens("wait..."), "wait . . .");
        assert_eq!(tokens("1..2"), "1 . . 2");
    }

    #[test]
    fn dash_after_a_digit_is_split_off() {
        assert_eq!(tokens("1-2 a-1 10-year"), "1 - 2 a-1 10 - year");
        assert_eq!(tokens("-5 x-"), "-5 x-");
    }

    #[test]
    fn unescapes_entities_and_joins_hyphenated_lines() {
        assert_eq!(tokens("&quot;a&quot; &amp; &lt;b&gt;"), "\" a \" & < b >");
        assert_eq!(tokens("&amp;quot;"), "& quot ;");
        assert_eq!(tokens("co-\noperate\nnow<skipped>"), "cooperate now");
    }

    #[test]
    fn non_ascii_is_left_alone_and_whitespace_is_pythons() {
        assert_eq!(tokens("naïve café «x» — y"), "naïve café «x» — y");
        assert_eq!(tokens("a\u{a0}b\u{1e}c"), "a b c");
        assert!(tokenize_13a("   ").is_empty());
    }
}
