//! News-style sentences written for this test (expected splits by reading):
//! abbreviations, initials, acronyms, numbers, quotations and attributions,
//! headlines and datelines, as they occur in wire copy.

use sumbench::text::sentence_spans;

fn split(text: &str) -> Vec<&str> {
    sentence_spans(text).into_iter().map(|s| &text[s]).collect()
}

/// (text, expected sentences)
const CASES: &[(&str, &[&str])] = &[
    (
        "The company, based in St. Louis, said profits rose 5.2 percent.",
        &["The company, based in St. Louis, said profits rose 5.2 percent."],
    ),
    (
        "He was born on Feb. 12, 1809, in Hodgenville, Ky. He later moved to Indiana.",
        &["He was born on Feb. 12, 1809, in Hodgenville, Ky.", "He later moved to Indiana."],
    ),
    ("Sen. John McCain, R-Ariz., spoke on Tuesday.", &["Sen. John McCain, R-Ariz., spoke on Tuesday."]),
    (
        "The U.N. Security Council met on Monday. It adopted a resolution.",
        &["The U.N. Security Council met on Monday.", "It adopted a resolution."],
    ),
    (
        "Inflation was 3.5 percent in the U.K. The Bank of England held rates.",
        &["Inflation was 3.5 percent in the U.K.", "The Bank of England held rates."],
    ),
    (
        "She earned a Ph.D. from Harvard University in 2001.",
        &["She earned a Ph.D. from Harvard University in 2001."],
    ),
    (
        "Gen. David Petraeus, the top U.S. commander in Iraq, testified.",
        &["Gen. David Petraeus, the top U.S. commander in Iraq, testified."],
    ),
    ("'I'm not going,' he said. 'It's too late.'", &["'I'm not going,' he said.", "'It's too late.'"]),
    ("\"Are you coming?\" she asked. He nodded.", &["\"Are you coming?\" she asked.", "He nodded."]),
    ("\"Why?\" Smith asked. Nobody answered.", &["\"Why?\" Smith asked.", "Nobody answered."]),
    (
        "\"We won!\" Coach Ann Lee shouted after the game.",
        &["\"We won!\" Coach Ann Lee shouted after the game."],
    ),
    ("He asked, \"Why?\" Then he left.", &["He asked, \"Why?\"", "Then he left."]),
    ("The meeting is at 10:30 a.m. on Friday.", &["The meeting is at 10:30 a.m. on Friday."]),
    (
        "The suspect was arrested at 3 a.m. Police said he was armed.",
        &["The suspect was arrested at 3 a.m.", "Police said he was armed."],
    ),
    ("The rally starts at 7 p.m. Eastern on Saturday.", &["The rally starts at 7 p.m. Eastern on Saturday."]),
    ("Shares of Apple Inc. rose 2% on Monday.", &["Shares of Apple Inc. rose 2% on Monday."]),
    ("Apple Inc. Chief Executive Tim Cook spoke.", &["Apple Inc. Chief Executive Tim Cook spoke."]),
    (
        "He works for Acme Corp. The company makes widgets.",
        &["He works for Acme Corp.", "The company makes widgets."],
    ),
    ("Mr. and Mrs. Smith arrived late.", &["Mr. and Mrs. Smith arrived late."]),
    ("The suspect, John Doe Jr., was charged.", &["The suspect, John Doe Jr., was charged."]),
    ("Lt. Col. John Smith led the unit.", &["Lt. Col. John Smith led the unit."]),
    (
        "In 2015, the firm earned $1.2 billion. In 2016, it lost money.",
        &["In 2015, the firm earned $1.2 billion.", "In 2016, it lost money."],
    ),
    (
        "The vote was 5-4. Justice Kennedy wrote the opinion.",
        &["The vote was 5-4.", "Justice Kennedy wrote the opinion."],
    ),
    ("He said: \"We will win.\" The crowd cheered.", &["He said: \"We will win.\"", "The crowd cheered."]),
    ("Gov. Andrew M. Cuomo signed the bill.", &["Gov. Andrew M. Cuomo signed the bill."]),
    (
        "President George H.W. Bush and J.K. Rowling never met.",
        &["President George H.W. Bush and J.K. Rowling never met."],
    ),
    (
        "He lives in the U.S. His wife lives in Canada.",
        &["He lives in the U.S.", "His wife lives in Canada."],
    ),
    (
        "Washington, D.C., is the capital. She moved to Washington, D.C. She loves it.",
        &["Washington, D.C., is the capital.", "She moved to Washington, D.C.", "She loves it."],
    ),
    ("No. 1 seed Duke beat No. 16 seed Norfolk State.", &["No. 1 seed Duke beat No. 16 seed Norfolk State."]),
    ("He got an A. His parents were proud.", &["He got an A.", "His parents were proud."]),
    (
        "The Rev. Martin Luther King Jr. was killed in 1968. Martin Luther King Jr. Day is a holiday.",
        &["The Rev. Martin Luther King Jr. was killed in 1968.", "Martin Luther King Jr. Day is a holiday."],
    ),
    ("\"I don't know...\" he said. \"Maybe.\"", &["\"I don't know...\" he said.", "\"Maybe.\""]),
    (
        "The Sept. 11 attacks killed nearly 3,000 people.",
        &["The Sept. 11 attacks killed nearly 3,000 people."],
    ),
    ("He works at Yahoo! Inc. in Sunnyvale.", &["He works at Yahoo! Inc. in Sunnyvale."]),
    ("The U.S. 10-year yield rose. Stocks fell.", &["The U.S. 10-year yield rose.", "Stocks fell."]),
    (
        "They sell apples, pears, etc. Fruit sales rose.",
        &["They sell apples, pears, etc.", "Fruit sales rose."],
    ),
    ("Prices rose 0.5%. Analysts had expected 0.3%.", &["Prices rose 0.5%.", "Analysts had expected 0.3%."]),
    ("Fighting resumed (see map). Residents fled.", &["Fighting resumed (see map).", "Residents fled."]),
    (
        "Residents fled. (Officials later denied it.) The army advanced.",
        &["Residents fled.", "(Officials later denied it.)", "The army advanced."],
    ),
    (
        "Dr. Smith's office is on Elm St. The clinic opens at 9.",
        &["Dr. Smith's office is on Elm St.", "The clinic opens at 9."],
    ),
    (
        "Earthquake strikes Japan\n\nA magnitude 7.1 earthquake struck on Friday. No tsunami warning was issued.",
        &[
            "Earthquake strikes Japan",
            "A magnitude 7.1 earthquake struck on Friday.",
            "No tsunami warning was issued.",
        ],
    ),
    (
        "By JOHN SMITH, Associated Press\nWASHINGTON (AP) — The Senate voted 52-48 on Thursday.\nPhoto: A senator \
      speaks\nThe bill now goes to the House.",
        &[
            "By JOHN SMITH, Associated Press",
            "WASHINGTON (AP) — The Senate voted 52-48 on Thursday.",
            "Photo: A senator speaks",
            "The bill now goes to the House.",
        ],
    ),
    (
        "Key points:\n- Taxes will rise\n- Spending will fall\n1. First vote on Monday\n2. Second vote on Friday",
        &[
            "Key points:",
            "- Taxes will rise",
            "- Spending will fall",
            "1. First vote on Monday",
            "2. Second vote on Friday",
        ],
    ),
];

#[test]
fn news_style_cases() {
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let got = split(text);
        if got != *expected {
            failures.push(format!("{text:?}\n    expected {expected:?}\n    got      {got:?}"));
        }
    }
    println!("news cases: {}/{}", CASES.len() - failures.len(), CASES.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn attribution_after_full_stop_in_quotes_starts_a_sentence() {
    assert_eq!(
        split("\"We will appeal.\" Lawyers said the ruling was flawed."),
        ["\"We will appeal.\"", "Lawyers said the ruling was flawed."]
    );
}

#[test]
fn exclamation_between_dashes_continues() {
    assert_eq!(
        split("Mix it, bake it, and — voilà! — you have cake. Enjoy."),
        ["Mix it, bake it, and — voilà! — you have cake.", "Enjoy."]
    );
    assert_eq!(
        split("Mix it, bake it, and -- voila! -- you have cake."),
        ["Mix it, bake it, and -- voila! -- you have cake."]
    );
}
