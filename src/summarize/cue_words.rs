//! Edmundson's cue words beyond English: bonus and stigma words in his
//! classes (value, conclusion and causality terms; hedging, belittling and
//! illustrative-detail terms), written for sumbench as careful translations
//! of the English defaults in `edmundson.rs`. Kept conservative for the same
//! reason: Edmundson drew his lists from his own corpus, and a general list
//! must only mark words that flag a claim as important or as an aside.
//! Single words only (the summarizers see words, not phrases).

use crate::lang::Language;

/// Bonus and stigma words of `language`, if sumbench has them (English's are
/// `edmundson::DEFAULT_BONUS_WORDS` and `DEFAULT_STIGMA_WORDS`).
pub fn cue_words(language: Language) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match language {
        Language::German => (GERMAN_BONUS, GERMAN_STIGMA),
        Language::French => (FRENCH_BONUS, FRENCH_STIGMA),
        Language::Spanish => (SPANISH_BONUS, SPANISH_STIGMA),
        Language::Italian => (ITALIAN_BONUS, ITALIAN_STIGMA),
        Language::Portuguese => (PORTUGUESE_BONUS, PORTUGUESE_STIGMA),
        Language::Dutch => (DUTCH_BONUS, DUTCH_STIGMA),
        _ => return None,
    })
}

/// Whether Edmundson has cue words for documents in `language`.
pub fn has_cue_words(language: Language) -> bool {
    language == Language::English || cue_words(language).is_some()
}

/// The languages [`cue_words`] has lists for, besides English.
pub const LANGUAGES: [Language; 6] = [
    Language::German,
    Language::French,
    Language::Spanish,
    Language::Italian,
    Language::Portuguese,
    Language::Dutch,
];

const GERMAN_BONUS: &[&str] = &[
    "wichtig",
    "wichtigste",
    "bedeutend",
    "entscheidend",
    "wesentlich",
    "grundlegend",
    "bemerkenswert",
    "schließlich",
    "folglich",
    "daher",
    "deshalb",
    "somit",
    "insgesamt",
    "zusammenfassend",
    "fazit",
    "ergebnis",
    "folge",
];
const GERMAN_STIGMA: &[&str] = &[
    "vielleicht",
    "möglicherweise",
    "eventuell",
    "angeblich",
    "scheinbar",
    "anscheinend",
    "unklar",
    "kaum",
    "lediglich",
    "bloß",
    "ziemlich",
    "geringfügig",
    "beispiel",
    "beispielsweise",
    "übrigens",
];
const FRENCH_BONUS: &[&str] = &[
    "important",
    "importante",
    "essentiel",
    "essentielle",
    "crucial",
    "fondamental",
    "significatif",
    "notamment",
    "remarquable",
    "finalement",
    "donc",
    "ainsi",
    "conséquence",
    "conclusion",
    "résumé",
    "résultat",
];
const FRENCH_STIGMA: &[&str] = &[
    "possiblement",
    "apparemment",
    "prétendument",
    "semble",
    "sembler",
    "légèrement",
    "guère",
    "simplement",
    "plutôt",
    "mineur",
    "exemple",
    "incidemment",
];
const SPANISH_BONUS: &[&str] = &[
    "importante",
    "esencial",
    "crucial",
    "fundamental",
    "significativo",
    "notable",
    "finalmente",
    "consecuentemente",
    "conclusión",
    "resumen",
    "resultado",
    "consecuencia",
];
const SPANISH_STIGMA: &[&str] = &[
    "quizás",
    "quizá",
    "posiblemente",
    "aparentemente",
    "supuestamente",
    "parece",
    "ligeramente",
    "apenas",
    "meramente",
    "menor",
    "ejemplo",
    "incidentalmente",
];
const ITALIAN_BONUS: &[&str] = &[
    "importante",
    "essenziale",
    "cruciale",
    "fondamentale",
    "significativo",
    "notevole",
    "infine",
    "quindi",
    "pertanto",
    "conclusione",
    "riassunto",
    "risultato",
    "conseguenza",
];
const ITALIAN_STIGMA: &[&str] = &[
    "forse",
    "apparentemente",
    "presumibilmente",
    "sembra",
    "leggermente",
    "appena",
    "semplicemente",
    "piuttosto",
    "minore",
    "esempio",
    "incidentalmente",
];
const PORTUGUESE_BONUS: &[&str] = &[
    "importante",
    "essencial",
    "crucial",
    "fundamental",
    "significativo",
    "notável",
    "finalmente",
    "portanto",
    "consequentemente",
    "conclusão",
    "resumo",
    "resultado",
    "consequência",
];
const PORTUGUESE_STIGMA: &[&str] = &[
    "talvez",
    "possivelmente",
    "aparentemente",
    "supostamente",
    "parece",
    "ligeiramente",
    "meramente",
    "menor",
    "exemplo",
    "incidentalmente",
];
const DUTCH_BONUS: &[&str] = &[
    "belangrijk",
    "belangrijkste",
    "essentieel",
    "cruciaal",
    "fundamenteel",
    "opmerkelijk",
    "uiteindelijk",
    "daarom",
    "concluderend",
    "conclusie",
    "samenvatting",
    "resultaat",
    "gevolg",
];
const DUTCH_STIGMA: &[&str] = &[
    "misschien",
    "mogelijk",
    "blijkbaar",
    "vermoedelijk",
    "lijkt",
    "enigszins",
    "nauwelijks",
    "slechts",
    "tamelijk",
    "voorbeeld",
    "bijvoorbeeld",
    "overigens",
];
