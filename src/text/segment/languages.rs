//! Word lists and script facts for sentence rules beyond English: per
//! language, abbreviations, titles, sentence openers, month names and the
//! words that stand before an ordinal number ("am 1. März").
//!
//! The abbreviation lists of German, French, Spanish, Russian and Arabic are
//! pySBD 0.3.4's (`pysbd/lang/*.py`, MIT licence, itself a port of the
//! pragmatic segmenter's lists), without its Spanish word prefixes; Italian
//! takes pySBD's prepositive and number abbreviations plus the common
//! abbreviations of its long list; Portuguese and Turkish, which pySBD lacks,
//! are short lists of common abbreviations. An entry that is also one of the
//! language's NLTK stop words is ignored (`de`, `la`), so an ordinary word
//! before a full stop is never taken for an abbreviation.
//!
//! Owns: data only (plus trivial lookups). English keeps its own lists in
//! [`lexicon`](super::lexicon); these never change English segmentation.

use crate::lang::Language;

/// What the sentence rules need to know about one language.
pub(super) struct Profile {
    /// The language, whose NLTK stop words are never abbreviations.
    language: Language,
    /// Abbreviations, lower case, compared with the lower-cased word before a
    /// full stop (dotted forms without their final period: "z.b"). Before a
    /// number or a lower-case word they never end a sentence; before a
    /// capitalized word, only when that word is a sentence opener.
    abbreviations: &'static [&'static str],
    /// Abbreviations that never end a sentence ("vgl.", "см.", "p.ej."):
    /// "see", "for example", "that is" (lower case, as [`Profile::abbreviations`]).
    never_final: &'static [&'static str],
    /// Nouns are capitalized (German): a capitalized word after an
    /// abbreviation continues the sentence unless it is a sentence opener.
    /// Elsewhere only a title or a never-final abbreviation goes on before a
    /// capitalized word (pySBD's rule).
    pub capitalized_nouns: bool,
    /// Titles before a name, as written ("Dr", "Mme"): never end a sentence
    /// before a capitalized word.
    titles: &'static [&'static str],
    /// Capitalized words that commonly open a sentence ("Der", "Il").
    openers: &'static [&'static str],
    /// Month names: after "1." they make it an ordinal ("am 1. März").
    months: &'static [&'static str],
    /// Words before a number that make "12." an ordinal ("im 12.
    /// Jahrhundert"); with [`Profile::ordinal_dot`] only.
    before_ordinal: &'static [&'static str],
    /// The language writes ordinals as a number and a full stop ("1.").
    pub ordinal_dot: bool,
    /// Lines of dialogue open with a dash after the previous sentence
    /// ("? -- Ладно"): a boundary before the dash.
    pub dialogue_dashes: bool,
    /// “ and ‘ open a quotation (not in German, where „…“ closes with “).
    pub curly_quotes_open: bool,
    /// Sentences are separated by spaces, without punctuation (Thai).
    pub space_separated: bool,
}

impl Profile {
    /// The rules for `language`; languages without their own lists get the
    /// [`GENERIC`] profile (titles and abbreviations common in Latin script).
    pub fn of(language: Language) -> &'static Profile {
        match language {
            Language::German => &GERMAN,
            Language::French => &FRENCH,
            Language::Spanish => &SPANISH,
            Language::Portuguese => &PORTUGUESE,
            Language::Italian => &ITALIAN,
            Language::Russian | Language::Ukrainian => &RUSSIAN,
            Language::Turkish | Language::Azerbaijani => &TURKISH,
            Language::Arabic | Language::Persian | Language::Urdu | Language::Pashto => &ARABIC,
            Language::Thai => &THAI,
            Language::Danish
            | Language::Norwegian
            | Language::Finnish
            | Language::Czech
            | Language::Polish
            | Language::Hungarian
            | Language::Serbian => &ORDINAL_DOT,
            _ => &GENERIC,
        }
    }

    /// `word` (the text before a full stop) is an abbreviation of this language.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        if word.len() > MAX_ENTRY {
            return false;
        }
        let lower = word.to_lowercase();
        self.abbreviations.contains(&lower.as_str())
            && !self.language.stop_words().is_some_and(|stop| stop.contains(&lower.as_str()))
    }

    /// `word` is one of the language's NLTK stop words (so "я", "a" are
    /// words, not initials).
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.language.stop_words().is_some_and(|stop| stop.contains(&word))
    }

    /// `word` stands before a number and then never ends a sentence: an
    /// abbreviation, or "No", "Nr", "p" (common to every Latin-script language).
    pub fn is_before_number(&self, word: &str) -> bool {
        self.is_abbreviation(word) || BEFORE_NUMBER.contains(&word.to_lowercase().as_str())
    }

    /// `word` never ends a sentence ("vgl", "см").
    pub fn is_never_final(&self, word: &str) -> bool {
        word.len() <= MAX_ENTRY && self.never_final.contains(&word.to_lowercase().as_str())
    }

    /// `word` is a title before a name ("Dr", "Sra").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(&word) || COMMON_TITLES.contains(&word)
    }

    /// `word` commonly opens a sentence.
    pub fn is_opener(&self, word: &str) -> bool {
        self.openers.contains(&word)
    }

    /// `word` is a month name (any case).
    pub fn is_month(&self, word: &str) -> bool {
        !self.months.is_empty() && self.months.iter().any(|m| m.eq_ignore_ascii_case(word) || *m == word)
    }

    /// `word` makes a following "12." an ordinal.
    pub fn is_before_ordinal(&self, word: &str) -> bool {
        self.before_ordinal.contains(&word.to_lowercase().as_str())
    }
}

/// Abbreviations that end a list ("etc.", "usw.", "vb."): before a
/// capitalized word they nearly always end the sentence too, so they are in
/// no list above (before a lower-case word UAX #29 does not break anyway).
#[cfg(test)]
#[rustfmt::skip]
const ENDS_LISTS: &[(Language, &str)] = &[
    (Language::German, "etc"),
    (Language::German, "usw"),
    (Language::German, "usf"),
    (Language::French, "etc"),
    (Language::Spanish, "etc"),
    (Language::Portuguese, "etc"),
    (Language::Italian, "ecc"),
    (Language::Turkish, "vb"),
    (Language::Russian, "т.д"),
    (Language::Russian, "т.п"),
];

/// Longest abbreviation entry, in bytes; longer words are never looked up.
const MAX_ENTRY: usize = 24;

/// Abbreviations before a number in every Latin-script language ("No. 7",
/// "p. 55", "ca. 12"), lower case.
const BEFORE_NUMBER: &[&str] =
    &["no", "nr", "nº", "n°", "№", "p", "pp", "s", "vol", "fig", "art", "ca", "tab", "abb"];

/// Titles common in every Latin-script language.
const COMMON_TITLES: &[&str] = &["Dr", "Prof", "Mr", "Mrs", "Ms", "St"];

const NONE: &[&str] = &[];

/// Languages without lists of their own.
static GENERIC: Profile = Profile {
    never_final: NONE,
    capitalized_nouns: false,
    language: Language::English,
    abbreviations: NONE,
    titles: NONE,
    openers: NONE,
    months: NONE,
    before_ordinal: NONE,
    ordinal_dot: false,
    dialogue_dashes: false,
    curly_quotes_open: true,
    space_separated: false,
};

/// Languages that write ordinals with a full stop, without lists of their own.
static ORDINAL_DOT: Profile = Profile { ordinal_dot: true, ..GENERIC };

static THAI: Profile = Profile { space_separated: true, ..GENERIC };

#[rustfmt::skip]
static GERMAN: Profile = Profile {
    never_final: &["vgl", "bzw", "z.b", "d.h", "bspw", "sog", "inkl", "zzgl"],
    capitalized_nouns: true,
    language: Language::German,
    // pySBD 0.3.4, `Deutsch.Abbreviation.ABBREVIATIONS`.
    abbreviations: &[
        "ä", "adj", "adm", "adv", "art", "asst", "b.a", "b.s", "bart", "bldg", "brig", "bros", "bse", "buchst",
        "bzgl", "bzw", "c.-à-d", "ca", "capt", "chr", "cmdr", "co", "col", "comdr", "con", "corp", "cpl", "d.h",
        "d.j", "dergl", "dgl", "dkr", "dr", "ens", "ev", "evtl", "ff", "g.g.a", "g.u", "gen", "ggf", "gov",
        "hon", "hosp", "i.f", "i.h.v", "ii", "iii", "insp", "iv", "ix", "jun", "k.o", "kath", "lfd", "lt", "ltd",
        "m.e", "maj", "med", "messrs", "mio", "mlle", "mm", "mme", "mr", "mrd", "mrs", "ms", "msgr", "mwst", "no",
        "nos", "nr", "o.ä", "op", "ord", "pfc", "ph", "pp", "prof", "pvt", "rep", "reps", "res", "rev", "rt",
        "s.p.a", "sa", "sen", "sens", "sfc", "sgt", "sog", "sogen", "spp", "sr", "st", "std", "str", "supt", "surg",
        "u.a", "u.e", "u.u", "u.ä", "v", "vgl", "vi", "vii", "viii", "vs", "x", "xi", "xii",
        "xiii", "xiv", "xix", "xv", "xvi", "xvii", "xviii", "xx", "z.b", "z.t", "z.z", "z.zt", "zt", "zzt",
        "univ.-prof", "o.univ.-prof", "ao.univ.prof", "ass.prof", "hon.prof", "univ.-doz", "univ.ass",
        "stud.ass", "projektass", "ass", "di", "dipl.-ing", "mag",
        // Further common German abbreviations (Duden).
        "abs", "abb", "bd", "bspw", "inkl", "exkl", "jh", "jhd", "max", "min", "mind", "tel", "u.ä", "zzgl",
    ],
    titles: &["Dr", "Prof", "Hr", "Hrn", "Fr", "Dipl", "Ing", "Mag", "St"],
    openers: &[
        "Am", "Auch", "Auf", "Aus", "Bei", "Da", "Dabei", "Daher", "Damit", "Danach", "Dann", "Das", "Dass", "Dem",
        "Den", "Denn", "Der", "Des", "Deshalb", "Die", "Dies", "Diese", "Dieser", "Dieses", "Doch", "Du", "Durch",
        "Ein", "Eine", "Einer", "Er", "Es", "Für", "Heute", "Hier", "Ich", "Ihr", "Im", "In", "Ist", "Jetzt",
        "Man", "Mein", "Meine", "Mit", "Nach", "Nun", "Sie", "So", "Trotzdem", "Um", "Und", "Unter", "Von", "Vor",
        "Warum", "Was", "Wenn", "Wer", "Wie", "Wir", "Zu", "Zudem", "Aber", "Als", "Außerdem", "Jedoch", "Nicht",
        "Seit", "Sein", "Seine", "Ob", "Bis",
    ],
    months: &[
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
    ],
    before_ordinal: &[
        "der", "die", "das", "dem", "den", "des", "am", "im", "vom", "zum", "zur", "beim", "ins", "ans", "ein",
        "eine", "einer", "einem", "einen", "eines", "jeder", "jede", "jedem", "jeden", "seinem", "seiner", "ihrem",
        "ihrer", "bis", "ab", "seit", "zum", "diesem", "dieser", "dieses",
    ],
    ordinal_dot: true,
    dialogue_dashes: false,
    curly_quotes_open: false,
    space_separated: false,
};

#[rustfmt::skip]
static FRENCH: Profile = Profile {
    never_final: &["cf", "p.ex", "c.-à-d", "i.e", "e.g", "av", "apr"],
    capitalized_nouns: false,
    language: Language::French,
    // pySBD 0.3.4, `French.Abbreviation.ABBREVIATIONS`.
    abbreviations: &[
        "a.c.n", "a.m", "al", "ann", "apr", "art", "auj", "av", "b.p", "boul", "c.-à-d", "c.n", "c.n.s", "c.p.i",
        "c.q.f.d", "c.s", "ca", "cf", "ch.-l", "chap", "co", "contr", "dir", "e.g", "e.v", "env", "ex",
        "fasc", "fig", "fr", "fém", "hab", "i.e", "ibid", "id", "inf", "l.d", "lib", "ll.aa", "ll.aa.ii",
        "ll.aa.rr", "ll.aa.ss", "ll.ee", "ll.mm", "ll.mm.ii.rr", "loc.cit", "ltd", "masc", "mm", "ms", "n.b",
        "n.d", "n.d.a", "n.d.l.r", "n.d.t", "n.p.a.i", "n.s", "n/réf", "nn.ss", "p.c.c", "p.ex", "p.j", "p.s",
        "pl", "pp", "r.-v", "r.a.s", "r.i.p", "r.p", "s.a", "s.a.i", "s.a.r", "s.a.s", "s.e", "s.m", "s.m.i.r",
        "s.s", "sec", "sect", "sing", "sq", "sqq", "ss", "suiv", "sup", "suppl", "t.s.v.p", "tél", "vb", "vol",
        "vs", "x.o", "z.i", "éd",
        // Further common French abbreviations.
        "env", "éd", "n°", "no", "p", "t", "av. j.-c", "apr. j.-c", "j.-c",
    ],
    titles: &[
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Pr", "Dr", "St", "Ste", "Gén", "Col", "Lt",
    ],
    openers: &[
        "Le", "La", "Les", "L", "Il", "Elle", "Ils", "Elles", "Je", "Nous", "Vous", "On", "Un", "Une", "Des", "Ce",
        "Cette", "Ces", "Cet", "Mais", "Et", "Puis", "Alors", "Ensuite", "En", "Dans", "Pour", "Par", "Sur", "Avec",
        "Selon", "Depuis", "Après", "Avant", "Si", "Quand", "Comme", "Cependant", "Pourtant", "Ainsi", "Aujourd",
        "Au", "Aux", "Du", "De", "C", "Il", "Leur", "Leurs", "Son", "Sa", "Ses", "Mon", "Ma", "Mes", "Tout",
        "Toutes", "Tous", "Mais", "Or", "Donc", "Enfin", "Lorsque", "Pourquoi", "Qui", "Que", "Quel", "Quelle",
    ],
    months: NONE,
    before_ordinal: NONE,
    ordinal_dot: false,
    dialogue_dashes: true,
    curly_quotes_open: true,
    space_separated: false,
};

#[rustfmt::skip]
static SPANISH: Profile = Profile {
    never_final: &["p.ej", "vs", "cf", "vid", "i.e", "e.g"],
    capitalized_nouns: false,
    language: Language::Spanish,
    // pySBD 0.3.4, `Spanish.Abbreviation.ABBREVIATIONS` up to "vto" (the rest are word prefixes).
    abbreviations: &[
        "a.c", "a/c", "abr", "adj", "admón", "afmo", "ago", "almte", "ap", "apdo", "arq", "art", "atte", "av",
        "avda", "bco", "bibl", "bs. as", "c", "c.f", "c.g", "c/c", "c/u", "cap", "cc.aa", "cdad", "cm", "co",
        "cra", "cta", "cv", "d.e.p", "da", "dcha", "dcho", "dep", "dic", "dicc", "dir", "dn", "doc", "dom",
        "dpto", "dr", "dra", "dto", "ee", "ej", "entlo", "esq", "excmo", "ext", "f.c", "fca", "fdo",
        "febr", "ff. aa", "ff.cc", "fig", "fil", "fra", "g.p", "g/p", "gob", "gr", "gral", "grs", "hnos", "hs",
        "igl", "iltre", "imp", "impr", "impto", "incl", "ing", "inst", "izdo", "izq", "izqdo", "j.c", "jue", "jul",
        "jun", "kg", "km", "lcdo", "ldo", "let", "lic", "ltd", "lun", "mar", "may", "mg", "min", "mié", "mm",
        "máx", "mín", "mt", "n. del t", "n.b", "nov", "ntra. sra", "núm", "oct", "p", "p.a", "p.d", "p.ej",
        "p.v.p", "párrf", "ppal", "prev", "prof", "prov", "ptas", "pts", "pza", "pág", "págs", "párr", "q.e.g.e",
        "q.e.p.d", "q.e.s.m", "reg", "rep", "rr. hh", "rte", "s", "s. a", "s.a.r", "s.e", "s.l", "s.r.c", "s.r.l",
        "s.s.s", "s/n", "sdad", "seg", "sept", "sig", "sr", "sra", "sres", "srta", "sta", "sto", "sáb", "t.v.e",
        "tamb", "tel", "tfno", "ud", "uu", "uds", "univ", "v.b", "v.e", "vd", "vds", "vid", "vie", "vol", "vs",
        "vto", "a.c", "d.c", "ee.uu",
    ],
    titles: &[
        "Sr", "Sra", "Srta", "Sres", "Dr", "Dra", "Lic", "Ing", "Prof", "Dn", "Dña", "Ud", "Uds", "Sto",
        "Sta", "Gral", "Excmo",
    ],
    openers: &[
        "El", "La", "Los", "Las", "Lo", "Un", "Una", "Unos", "Unas", "Él", "Ella", "Ellos", "Ellas", "Yo", "Nosotros",
        "Pero", "Y", "Sin", "Con", "En", "Por", "Para", "Después", "Antes", "Cuando", "Si", "Como", "Este", "Esta",
        "Esto", "Estos", "Estas", "Éste", "Ésta", "Éstos", "Éstas", "Ése", "Ésa", "Es", "Fue", "Hay", "Además",
        "También", "Luego", "Aunque", "Se", "Su",
        "Sus", "Al", "Del", "De", "A", "Mientras", "Durante", "Según", "Entonces", "Así", "No", "Ya", "Hoy", "Tras",
    ],
    months: NONE,
    before_ordinal: NONE,
    ordinal_dot: false,
    dialogue_dashes: true,
    curly_quotes_open: true,
    space_separated: false,
};

#[rustfmt::skip]
static PORTUGUESE: Profile = Profile {
    never_final: &["cf", "cfr", "v.g", "i.e", "e.g"],
    capitalized_nouns: false,
    language: Language::Portuguese,
    // Common Portuguese abbreviations (pySBD has no Portuguese).
    abbreviations: &[
        "sr", "sra", "srs", "sras", "srta", "dr", "dra", "drs", "prof", "profa", "eng", "exmo", "exma", "av",
        "pág", "págs", "p", "pp", "n.º", "nº", "núm", "ex", "q.b", "cf", "cfr", "vol", "séc", "tel", "apto",
        "cap", "art", "arts", "fig", "ed", "obs", "pç", "r", "s.a", "ltda", "cia", "a.c", "d.c", "jan", "fev",
        "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez", "min", "máx", "mín", "aprox", "dep",
        "gen", "cel", "ten", "cap", "sto", "sta", "v.g", "i.e", "e.g",
    ],
    titles: &[
        "Sr", "Sra", "Srta", "Srs", "Dr", "Dra", "Prof", "Profa", "Eng", "D", "Exmo", "Exma", "Sto", "Sta",
        "Pe", "Gen", "Cel",
    ],
    openers: &[
        "O", "A", "Os", "As", "Um", "Uma", "Ele", "Ela", "Eles", "Elas", "Eu", "Nós", "Mas", "E", "Em", "No", "Na",
        "Nos", "Nas", "Por", "Para", "Depois", "Antes", "Quando", "Se", "Como", "Este", "Esta", "Isso", "Isto",
        "Esse", "Essa", "É", "Foi", "Há", "Também", "Além", "Ao", "Aos", "Do", "Da", "De", "Com", "Sem", "Não",
        "Já", "Hoje", "Assim", "Então", "Porém", "Contudo", "Segundo", "Durante", "Enquanto",
    ],
    months: NONE,
    before_ordinal: NONE,
    ordinal_dot: false,
    dialogue_dashes: true,
    curly_quotes_open: true,
    space_separated: false,
};

#[rustfmt::skip]
static ITALIAN: Profile = Profile {
    never_final: &["cfr", "cf", "p.es", "vs", "i.e", "e.g"],
    capitalized_nouns: false,
    language: Language::Italian,
    // pySBD 0.3.4's Italian prepositive and number abbreviations, and the
    // common ones of its long list.
    abbreviations: &[
        "a.c", "acc", "adj", "adm", "adv", "all", "amn", "arch", "asst", "avv", "banc", "bart", "bcc", "bldg",
        "brig", "bros", "c.a", "c.a.p", "c.c.p", "c.m", "c.p", "c.s", "c.v", "capt", "cc", "cmdr", "co", "col",
        "comdr", "con", "corp", "corr", "cpl", "dir", "dott", "dr", "drs", "e.p.c", "egr", "ens", "es",
        "fatt", "gen", "geom", "gg", "gov", "hon", "hosp", "hr", "id", "ing", "insp", "int", "l'avv", "l'ing",
        "lett", "lt", "maj", "messrs", "mlle", "mm", "mme", "mo", "mons", "mr", "mrs", "ms", "msgr", "n.b", "ogg",
        "on", "op", "ord", "p.c", "p.c.c", "p.es", "p.f", "p.r", "p.s", "p.t", "p.v", "pfc", "ph", "post", "pp",
        "prof", "psicol", "pvt", "racc", "rag", "rep", "reps", "res", "rev", "ric", "rif", "rp", "rsvp", "rt",
        "s.a", "s.b.f", "s.n.c", "s.p.a", "s.p.m", "s.r.l", "seg", "sen", "sens", "sfc", "sgg", "sgt", "sig",
        "sigg", "soc", "spett", "sr", "ss", "st", "supt", "surg", "tel", "u.s", "v.p", "v.r", "v.s", "art", "no",
        "nos", "nr", "cfr", "cap", "pag", "pagg", "fig", "vol", "sec", "ca", "d.c", "a.c", "n", "nn", "sig.ra",
        "sig.na", "dott.ssa", "p", "es",
    ],
    titles: &[
        "Sig", "Sigg", "Dott", "Prof", "Ing", "Avv", "Arch", "Geom", "Rag", "Mons", "On", "Sen", "Gen",
        "Col", "Cav", "Comm", "Egr", "Spett", "Rev", "S", "SS",
    ],
    openers: &[
        "Il", "Lo", "La", "I", "Gli", "Le", "L", "Un", "Una", "Uno", "Lui", "Lei", "Loro", "Io", "Noi", "Voi", "Ma",
        "E", "In", "Nel", "Nella", "Per", "Con", "Dopo", "Prima", "Quando", "Se", "Come", "Questo", "Questa",
        "Questi", "È", "Fu", "C", "Anche", "Poi", "Inoltre", "Tuttavia", "Però", "Secondo", "Durante", "Non",
        "Da", "Dal", "Della", "Del", "Di", "A", "Al", "Oggi", "Così", "Mentre", "Nei", "Negli",
    ],
    months: NONE,
    before_ordinal: NONE,
    ordinal_dot: false,
    dialogue_dashes: true,
    curly_quotes_open: true,
    space_separated: false,
};

#[rustfmt::skip]
static RUSSIAN: Profile = Profile {
    never_final: &["см", "ср", "т.е", "напр", "т.к"],
    capitalized_nouns: false,
    language: Language::Russian,
    // pySBD 0.3.4, `Russian.Abbreviation.ABBREVIATIONS`.
    abbreviations: &[
        "y", "y.e", "а", "авт", "адм.-терр", "акад", "в", "вв", "вкз", "вост.-европ", "г", "гг", "гос", "гр", "д",
        "деп", "дисс", "дол", "долл", "ежедн", "ж", "жен", "з", "зап", "зап.-европ", "заруб", "и", "ин", "иностр",
        "инст", "к", "канд", "кв", "кг", "куб", "л", "л.h", "л.н", "м", "мин", "моск", "муж", "н", "нед", "о",
        "п", "пгт", "пер", "пп", "пр", "просп", "проф", "р", "руб", "с", "сек", "см", "спб", "стр", "т", "тел",
        "тов", "тт", "тыс", "у", "у.е", "ул", "ф", "ч",
        // Further common Russian abbreviations.
        "т.е", "т.к", "и.о", "млн", "млрд", "им", "св", "рис", "табл", "ок", "прим", "ред",
    ],
    titles: &["г-н", "г-жа", "Проф", "Акад", "Св", "Им", "Г-н"],
    openers: &[
        "Он", "Она", "Оно", "Они", "Я", "Мы", "Вы", "Ты", "Это", "Этот", "Эта", "Эти", "Но", "А", "И", "В", "На",
        "С", "По", "Для", "После", "Перед", "Когда", "Если", "Как", "Так", "Тогда", "Потом", "Однако", "Также",
        "Там", "Здесь", "Сейчас", "Уже", "Все", "Всё", "Что", "Кто", "Где", "Почему", "Не", "Нет", "Да", "Из",
        "К", "О", "От", "При", "У", "За", "Сегодня", "Вот", "Еще", "Ещё", "Поэтому", "Ведь", "Его", "Ее", "Её",
    ],
    months: NONE,
    before_ordinal: NONE,
    ordinal_dot: false,
    dialogue_dashes: true,
    curly_quotes_open: true,
    space_separated: false,
};

#[rustfmt::skip]
static TURKISH: Profile = Profile {
    never_final: &["bkz", "örn"],
    capitalized_nouns: false,
    language: Language::Turkish,
    // Common Turkish abbreviations (pySBD has no Turkish).
    abbreviations: &[
        "dr", "prof", "doç", "av", "sn", "yrd", "op", "uzm", "alb", "gen", "org", "kur", "bşk", "bkz",
        "örn", "yy", "no", "cad", "sok", "mah", "ltd", "şti", "a.ş", "t.c", "s", "sf", "c", "tel", "apt", "km",
        "kg", "çev", "haz", "ed", "m.ö", "m.s", "böl", "hz",
    ],
    titles: &["Dr", "Prof", "Doç", "Av", "Sn", "Yrd", "Op", "Uzm", "Alb", "Gen", "Org", "Kur", "Hz"],
    openers: &[
        "Bu", "Şu", "O", "Ben", "Sen", "Biz", "Siz", "Onlar", "Ama", "Ve", "Fakat", "Ancak", "Bir", "Her", "Daha",
        "Sonra", "Önce", "Şimdi", "Eğer", "Çünkü", "Bunun", "Bunu", "Böyle", "Yani", "Hem", "Ne", "Neden", "Nasıl",
        "Kim", "Ayrıca", "Yine", "İşte", "Artık", "Hiç", "Hatta",
    ],
    months: &[
        "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
        "Aralık",
    ],
    before_ordinal: NONE,
    ordinal_dot: true,
    dialogue_dashes: true,
    curly_quotes_open: true,
    space_separated: false,
};

#[rustfmt::skip]
static ARABIC: Profile = Profile {
    never_final: NONE,
    capitalized_nouns: false,
    language: Language::Arabic,
    // pySBD 0.3.4, `Arabic.Abbreviation.ABBREVIATIONS`.
    abbreviations: &[
        "ا", "ا. د", "ا.د", "ا.ش.ا", "إلخ", "ت.ب", "ج.ب", "جم", "ج.م.ع", "س.ت", "سم", "ص.ب", "كج", "كلم",
        "م", "م.ب", "ه",
    ],
    titles: &["د"],
    openers: NONE,
    months: NONE,
    before_ordinal: NONE,
    ordinal_dot: false,
    dialogue_dashes: false,
    curly_quotes_open: true,
    space_separated: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_never_abbreviations() {
        let spanish = Profile::of(Language::Spanish);
        assert!(spanish.is_abbreviation("Sra"));
        assert!(spanish.is_abbreviation("núm"));
        assert!(!spanish.is_abbreviation("de"));
        assert!(!spanish.is_abbreviation("No") && spanish.is_before_number("No"));
        assert!(!spanish.is_abbreviation("casa"));
    }

    #[test]
    fn entries_are_lower_case_and_fit_the_length_guard() {
        for language in Language::all() {
            let p = Profile::of(language);
            for entry in p.abbreviations.iter().chain(p.before_ordinal) {
                assert_eq!(*entry, entry.to_lowercase(), "{language}: {entry}");
                assert!(entry.len() <= MAX_ENTRY, "{language}: {entry}");
            }
        }
    }

    #[test]
    fn list_endings_are_not_abbreviations() {
        for (language, word) in ENDS_LISTS {
            assert!(!Profile::of(*language).is_abbreviation(word), "{language}: {word}");
        }
    }

    #[test]
    fn never_final_entries_are_lower_case() {
        for language in Language::all() {
            for entry in Profile::of(language).never_final {
                assert_eq!(*entry, entry.to_lowercase(), "{language}: {entry}");
            }
        }
    }

    #[test]
    fn months_and_ordinal_words() {
        let german = Profile::of(Language::German);
        assert!(german.is_month("März") && german.is_month("Dezember"));
        assert!(german.is_before_ordinal("Am") && german.is_before_ordinal("zum"));
        assert!(!german.is_before_ordinal("Euro"));
    }
}
