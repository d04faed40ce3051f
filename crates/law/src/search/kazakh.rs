//! A light stemmer for Kazakh: cuts the inflectional endings off a lower-cased word written in
//! Kazakh Cyrillic, so that `баптың`, `бабы` and `баптары` are all searched as `бап`.
//!
//! It is written here because nothing reachable does it: Snowball has no Kazakh algorithm, so
//! neither tantivy's `Stemmer` (frostem) nor `rust-stemmers` can be asked for one, and the Kazakh
//! morphological analyser found in the package registries is a Python program (`kazstem`).
//!
//! A Kazakh noun is built `stem + plural + possessive + case` (`тармақ-тар-ы-нда`, "in its
//! subclauses"), so the endings are cut from the end in that order. The stemmer is deliberately
//! light: derivational endings are kept, since they change the meaning (`қауіп` "danger",
//! `қауіпсіз` "safe", `қауіпсіздік` "safety"), and a stem is never left shorter than three
//! letters. A word it over-cuts still finds its other forms, because every form of it is cut the
//! same way; the index also holds the text unstemmed, so an exact word ranks first.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The fewest letters a stem keeps: shorter Kazakh stems (`іс`, `ол`) are too easily a piece of
/// another word, and a word of at most this length is left as it is.
const MIN_STEM: usize = 3;

/// What must stand just before an ending for it to be one. Kazakh endings agree with the sound
/// before them (`баптың` but `әскерилердің`, `жүйені` but `күшті`), so a match after the wrong
/// sound is most likely part of the stem (`орта` "middle" is not `ор` + locative `-та`).
#[derive(Clone, Copy)]
enum After {
    Any,
    Vowel,
    Consonant,
    /// к қ п с т ф х һ ц ч ш щ: the ending's т-, қ-, к- or п- form.
    Voiceless,
    /// A vowel or a voiced consonant: the д-, ғ- or г- form.
    Voiced,
    VoicedConsonant,
    VowelOrNasal,
    /// The third person possessive `-ы`/`-і`, which takes the н-forms of the cases
    /// (`тармағы-нда`).
    Possessive,
    PossessiveOrNasal,
    /// The л-form of the plural: after a vowel, р, у or й.
    VowelOrSonorant,
    /// A vowel other than ы and і, or the ы/і of the agent ending `-шы`/`-ші`. Before `-сы` an ы
    /// or і is more often the end of a stem in `-ыс`/`-іс` (`қорғаныс-ы`) than a stem ending
    /// in a vowel, except in agent nouns (`басшы-сы`).
    OpenVowelOrAgent,
    /// A vowel other than ы and і (for the stem-final `с`, see [`STEM_FINAL`]).
    OpenVowel,
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'ә' | 'е' | 'ё' | 'и' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я'
    )
}

fn is_voiceless(c: char) -> bool {
    matches!(
        c,
        'к' | 'қ' | 'п' | 'с' | 'т' | 'ф' | 'х' | 'һ' | 'ц' | 'ч' | 'ш' | 'щ'
    )
}

/// Voiced consonants, у and й among them: after them Kazakh endings take their voiced form
/// (`қорғауды`, `жағдайда`).
fn is_voiced(c: char) -> bool {
    matches!(
        c,
        'б' | 'в' | 'г' | 'ғ' | 'д' | 'ж' | 'з' | 'й' | 'л' | 'м' | 'н' | 'ң' | 'р' | 'у'
    )
}

fn is_nasal(c: char) -> bool {
    matches!(c, 'м' | 'н' | 'ң')
}

fn is_close(c: char) -> bool {
    matches!(c, 'ы' | 'і')
}

/// The lower-case letters of the Kazakh Cyrillic alphabet; a word with any other character
/// (Latin, digits, upper case) is not stemmed.
fn is_kazakh_letter(c: char) -> bool {
    is_vowel(c) || is_voiceless(c) || is_voiced(c) || matches!(c, 'ь' | 'ъ')
}

impl After {
    /// Whether the ending may follow `prev`, the letter before it (`prev2` before that).
    fn allows(self, prev: char, prev2: Option<char>) -> bool {
        match self {
            After::Any => true,
            After::Vowel => is_vowel(prev),
            After::Consonant => is_voiceless(prev) || is_voiced(prev),
            After::Voiceless => is_voiceless(prev),
            After::Voiced => is_vowel(prev) || is_voiced(prev),
            After::VoicedConsonant => is_voiced(prev),
            After::VowelOrNasal => is_vowel(prev) || is_nasal(prev),
            After::Possessive => is_close(prev),
            After::PossessiveOrNasal => is_close(prev) || is_nasal(prev),
            After::VowelOrSonorant => is_vowel(prev) || matches!(prev, 'р' | 'у' | 'й'),
            After::OpenVowelOrAgent => {
                (is_vowel(prev) && !is_close(prev)) || (is_close(prev) && prev2 == Some('ш'))
            }
            After::OpenVowel => is_vowel(prev) && !is_close(prev),
        }
    }
}

/// Case endings, the outermost layer. Each group is tried longest first.
const CASE: &[(&str, After)] = &[
    // Locative + the attributive `-ғы`/`-гі` ("which is in"): `осы баптағы`.
    ("ндағы", After::Possessive),
    ("ндегі", After::Possessive),
    ("дағы", After::Voiced),
    ("дегі", After::Voiced),
    ("тағы", After::Voiceless),
    ("тегі", After::Voiceless),
    // Ablative.
    ("ндан", After::Possessive),
    ("нден", After::Possessive),
    ("нан", After::PossessiveOrNasal),
    ("нен", After::PossessiveOrNasal),
    ("дан", After::Voiced),
    ("ден", After::Voiced),
    ("тан", After::Voiceless),
    ("тен", After::Voiceless),
    // Genitive.
    ("ның", After::VowelOrNasal),
    ("нің", After::VowelOrNasal),
    ("дың", After::VoicedConsonant),
    ("дің", After::VoicedConsonant),
    ("тың", After::Voiceless),
    ("тің", After::Voiceless),
    // Instrumental.
    ("мен", After::Any),
    ("бен", After::Any),
    ("пен", After::Voiceless),
    // Dative `-а`/`-е` follows only the first and second person possessive: cut together with
    // it, since a bare `-а` is far more often the end of a stem (`бағдарлама`).
    ("ыма", After::Consonant),
    ("іме", After::Consonant),
    ("ыңа", After::Consonant),
    ("іңе", After::Consonant),
    // Locative.
    ("нда", After::Possessive),
    ("нде", After::Possessive),
    ("да", After::Voiced),
    ("де", After::Voiced),
    ("та", After::Voiceless),
    ("те", After::Voiceless),
    // Dative.
    ("на", After::Possessive),
    ("не", After::Possessive),
    ("ға", After::Voiced),
    ("ге", After::Voiced),
    ("қа", After::Voiceless),
    ("ке", After::Voiceless),
    // Accusative.
    ("ны", After::Vowel),
    ("ні", After::Vowel),
    ("ды", After::VoicedConsonant),
    ("ді", After::VoicedConsonant),
    ("ты", After::Voiceless),
    ("ті", After::Voiceless),
    ("н", After::Possessive),
];

/// Possessive endings, inside the case.
const POSSESSIVE: &[(&str, After)] = &[
    ("мыз", After::Vowel),
    ("міз", After::Vowel),
    ("сы", After::OpenVowelOrAgent),
    ("сі", After::OpenVowelOrAgent),
    ("ым", After::Consonant),
    ("ім", After::Consonant),
    ("ың", After::Consonant),
    ("ің", After::Consonant),
    ("ы", After::Consonant),
    ("і", After::Consonant),
];

/// Plural endings, next to the stem.
const PLURAL: &[(&str, After)] = &[
    ("лар", After::VowelOrSonorant),
    ("лер", After::VowelOrSonorant),
    ("дар", After::VoicedConsonant),
    ("дер", After::VoicedConsonant),
    ("тар", After::Voiceless),
    ("тер", After::Voiceless),
];

/// A final `с` after a vowel other than ы/і. `кеңесі` may be `кеңес` + `-і` or `кеңе` + `-сі`;
/// the possessive rule reads it as the second, so the bare `кеңес` loses its `с` too, and every
/// form of "council" ends as `кеңе`.
const STEM_FINAL: &[(&str, After)] = &[("с", After::OpenVowel)];

/// The groups in the order they are tried.
const GROUPS: [&[(&str, After)]; 4] = [CASE, POSSESSIVE, PLURAL, STEM_FINAL];

/// Words left whole: indeclinable words and stems whose end looks like an ending, where the cut
/// would meet a frequent unrelated word (`бірге` "together" would become `бір` "one").
const KEEP: &[&str] = &[
    "арқылы",
    "басқа",
    "бірге",
    "дейін",
    "кейін",
    "сияқты",
    "туралы",
    "тұлға",
    "үшін",
];

/// The ending to cut off `word` (of `len` letters), if any.
fn ending(word: &str, len: usize) -> Option<&'static str> {
    for group in GROUPS {
        for &(suffix, after) in group {
            let Some(rest) = word.strip_suffix(suffix) else {
                continue;
            };
            if len < MIN_STEM + suffix.chars().count() {
                continue;
            }
            let mut before = rest.chars().rev();
            let Some(prev) = before.next() else {
                continue;
            };
            if after.allows(prev, before.next()) {
                return Some(suffix);
            }
        }
    }
    None
}

/// Cuts the endings off `word` in place.
fn stem_in_place(word: &mut String) {
    if !word.chars().all(is_kazakh_letter) {
        return;
    }
    let mut len = word.chars().count();
    if len <= MIN_STEM {
        return;
    }
    // All groups are tried again after every cut, not just the inner ones: once an inflected
    // form is back at its bare word, it goes on exactly as the bare word does, so a stem that
    // happens to end like an ending (`қызметші`, `-і`) is cut alike in every form.
    while !KEEP.contains(&word.as_str()) {
        let Some(cut) = ending(word, len) else {
            break;
        };
        // `ending` matched `cut` at the end of `word`, so this is a character boundary.
        word.truncate(word.len() - cut.len());
        len -= cut.chars().count();
    }
    // A stem-final stop is voiced before a vowel (`тармақ`, `тармағы`; `бап`, `бабы`;
    // `қауіпсіздік`, `қауіпсіздігі`): the stem is kept in its voiceless, word-final form.
    // Loanwords written with a final б/г (`штаб`) are keyed the same way as their forms.
    let voiceless = match word.chars().next_back() {
        Some('б') => 'п',
        Some('ғ') => 'қ',
        Some('г') => 'к',
        _ => return,
    };
    word.pop();
    word.push(voiceless);
}

/// The stem of a lower-cased Kazakh word; any other word is returned as it is.
#[allow(
    dead_code,
    reason = "the filter cuts tokens in place; this is the word-level entry for tests and callers"
)]
pub fn stem(word: &str) -> String {
    let mut stem = word.to_owned();
    stem_in_place(&mut stem);
    stem
}

/// A [`TokenFilter`] that replaces each token by its Kazakh [`stem`]; tokens are expected to be
/// lower-cased beforehand (tantivy's `LowerCaser`).
#[derive(Clone, Copy, Debug, Default)]
pub struct KazakhStemmer;

impl TokenFilter for KazakhStemmer {
    type Tokenizer<T: Tokenizer> = KazakhStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> KazakhStemmerFilter<T> {
        KazakhStemmerFilter { inner: tokenizer }
    }
}

/// The tokenizer [`KazakhStemmer`] wraps around another.
#[derive(Clone)]
pub struct KazakhStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for KazakhStemmerFilter<T> {
    type TokenStream<'a> = KazakhStemmerTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        KazakhStemmerTokenStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The tokens of the wrapped stream, stemmed.
pub struct KazakhStemmerTokenStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for KazakhStemmerTokenStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        // Cut in place: a stem is a prefix of its word, so no new string is needed.
        stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

    use super::*;

    /// Every word of `forms` has the same stem, `expected`.
    fn conflate(expected: &str, forms: &[&str]) {
        for form in forms {
            assert_eq!(stem(form), expected, "the stem of {form}");
        }
    }

    #[test]
    fn article_forms_conflate() {
        conflate(
            "бап",
            &[
                "бап",
                "бабы",
                "баптың",
                "баптары",
                "бапта",
                "баптағы",
                "бабында",
            ],
        );
    }

    #[test]
    fn softened_stop_is_restored() {
        conflate(
            "тармақ",
            &[
                "тармақ",
                "тармағы",
                "тармақтың",
                "тармағында",
                "тармақтарының",
                "тармаққа",
            ],
        );
    }

    #[test]
    fn safety_forms_conflate() {
        conflate(
            "қауіпсіздік",
            &[
                "қауіпсіздік",
                "қауіпсіздігі",
                "қауіпсіздікті",
                "қауіпсіздіктің",
                "қауіпсіздігін",
                "қауіпсіздігінің",
                "қауіпсіздікке",
            ],
        );
    }

    #[test]
    fn military_and_defence_forms_conflate() {
        conflate(
            "әскери",
            &["әскери", "әскерилер", "әскерилердің", "әскерилермен"],
        );
        conflate(
            "қорғаныс",
            &["қорғаныс", "қорғанысы", "қорғаныстың", "қорғаныста"],
        );
        conflate(
            "қызмет",
            &[
                "қызмет",
                "қызметі",
                "қызметтің",
                "қызметін",
                "қызметке",
                "қызметінде",
            ],
        );
        conflate("күш", &["күштер", "күштері", "күштерінің"]);
        conflate(
            "республика",
            &["республика", "республикасы", "республикасының"],
        );
    }

    #[test]
    fn stems_that_end_like_endings_are_cut_alike_in_every_form() {
        let council = stem("кеңес");
        for form in ["кеңесі", "кеңестің", "кеңесінің"] {
            assert_eq!(stem(form), council, "{form}");
        }
        let head = stem("басшы");
        for form in ["басшысы", "басшылары", "басшысының"] {
            assert_eq!(stem(form), head, "{form}");
        }
    }

    #[test]
    fn endings_after_the_wrong_sound_are_part_of_the_stem() {
        // `-та` follows only voiceless consonants; `-лар` not л.
        assert_eq!(stem("орта"), "орта");
        assert_eq!(stem("доллар"), "доллар");
        // A bare `-а` is not cut.
        assert_eq!(stem("бағдарлама"), "бағдарлама");
        assert_eq!(stem("бағдарламасы"), "бағдарлама");
    }

    #[test]
    fn kept_words_are_whole() {
        assert_eq!(stem("бірге"), "бірге");
        assert_eq!(stem("тұлға"), "тұлға");
        assert_eq!(stem("тұлғаның"), "тұлға");
    }

    #[test]
    fn short_words_pass_unchanged() {
        for word in [
            "",
            "ол",
            "іс",
            "осы",
            "бап",
            "мен",
            "жеке",
            "және",
            "немесе",
        ] {
            assert_eq!(stem(word), word);
        }
    }

    #[test]
    fn other_words_pass_unchanged() {
        for word in ["security", "article", "2-1", "42", "бап2", "Баптың"] {
            assert_eq!(stem(word), word);
        }
    }

    #[test]
    fn endings_are_tried_longest_first() {
        for group in GROUPS {
            let lengths: Vec<usize> = group.iter().map(|(e, _)| e.chars().count()).collect();
            assert!(lengths.windows(2).all(|w| w[0] >= w[1]), "{lengths:?}");
        }
    }

    #[test]
    fn the_filter_stems_each_token() {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(KazakhStemmer)
            .build();
        let mut stems = Vec::new();
        analyzer
            .token_stream("Осы баптың 1-тармағында әскери қызметтің Қауіпсіздігі")
            .process(&mut |token| stems.push(token.text.clone()));
        assert_eq!(
            stems,
            [
                "осы",
                "бап",
                "1",
                "тармақ",
                "әскери",
                "қызмет",
                "қауіпсіздік"
            ]
        );
    }
}
