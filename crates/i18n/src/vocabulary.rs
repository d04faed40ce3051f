//! Closed vocabularies: a word list spelled once, as an enum.
//!
//! `vocabulary!` is written by hand because the crates that derive string conversions
//! (strum and the like) give no catalogue message id and no list of every word together with
//! the serde spelling; one macro keeps the four (enum, `ALL`, `as_str`/`FromStr`, message id)
//! from drifting apart.

/// A word that is not in a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    /// The vocabulary's catalogue prefix, such as `audit-action-`.
    pub vocabulary: &'static str,
    pub word: String,
}

impl std::fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} is not a known {}", self.word, self.vocabulary)
    }
}

impl std::error::Error for UnknownWord {}

/// What every closed vocabulary declared with [`vocabulary!`](crate::vocabulary) offers, so
/// code at the edges (store decoding, OpenAPI schemas, form choices) can be written once for all.
pub trait Vocabulary: Copy + Eq + std::str::FromStr<Err = UnknownWord> + 'static {
    /// Every word, in the order of the declaration.
    const ALL: &'static [Self];
    /// The vocabulary's catalogue prefix, ending in a dash.
    const PREFIX: &'static str;
    /// The word as stored, sent and parsed.
    fn word(self) -> &'static str;
    /// The catalogue message that names the word for a reader.
    fn label_id(self) -> &'static str;
}

/// Declares a closed vocabulary:
///
/// ```
/// qorgau_i18n::vocabulary! {
///     /// How a thing went.
///     #[derive(Debug)]
///     pub enum Outcome: "outcome-" {
///         /// It worked.
///         Done = "done",
///         Failed = "failed",
///     }
/// }
/// assert_eq!(Outcome::ALL.len(), 2);
/// assert_eq!("done".parse::<Outcome>(), Ok(Outcome::Done));
/// assert_eq!(Outcome::Failed.as_str(), "failed");
/// assert_eq!(Outcome::Failed.message_id(), "outcome-failed");
/// ```
///
/// The enum is `Clone + Copy + PartialEq + Eq + Hash`, serialises as its word, and its message
/// id is the prefix (ending in a dash) and the word with `.` and `_` read as `-` (Fluent ids
/// have no dots, and the catalogue spells every id with dashes).
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $prefix:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant, )+
        }

        impl $name {
            /// Every word, in the order of the declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The vocabulary's catalogue prefix.
            pub const PREFIX: &'static str = $prefix;

            /// The word as stored, sent and parsed.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The catalogue message that names the word for a reader.
            pub fn message_id(self) -> &'static str {
                match self {
                    $($name::$variant => {
                        static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                        ID.get_or_init(|| format!("{}{}", $prefix, $word.replace(['.', '_'], "-")))
                            .as_str()
                    }),+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::UnknownWord;

            fn from_str(word: &str) -> Result<Self, Self::Err> {
                match word {
                    $($word => Ok($name::$variant),)+
                    _ => Err($crate::UnknownWord { vocabulary: $prefix, word: word.to_owned() }),
                }
            }
        }

        impl $crate::Vocabulary for $name {
            const ALL: &'static [Self] = $name::ALL;
            const PREFIX: &'static str = $prefix;

            fn word(self) -> &'static str {
                self.as_str()
            }

            fn label_id(self) -> &'static str {
                self.message_id()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
