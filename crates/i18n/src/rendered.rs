//! Messages already rendered, kept: rendering is a pure function of the language, the message
//! and its arguments, and Fluent's formatting (its argument map, its bundle lookup, its
//! plural rules) costs far more than finding the same sentence again. Explanations repeat: a
//! rule says the same few sentences for most of its decisions.
//!
//! Each thread keeps its own table, so the threads of a server never wait on one another or
//! share a lock's cache line; bounded: past [`CAPACITY`] sentences a table starts again empty.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};

use crate::{Arg, Lang};

/// Sentences kept at most.
const CAPACITY: usize = 4096;
/// Sentences with a longer text argument are not kept: what repeats is short (dates, numbers,
/// names), and a long argument (a path someone asked for) would make the table large.
const LONGEST_KEPT_ARGUMENT: usize = 256;

/// One kept sentence and what it was rendered from.
struct Kept {
    lang: Lang,
    id: String,
    args: Vec<(String, Arg)>,
    text: String,
}

impl Kept {
    fn is(&self, lang: &Lang, id: &str, args: &[(&str, Arg)]) -> bool {
        self.lang == *lang
            && self.id == id
            && self.args.len() == args.len()
            && self
                .args
                .iter()
                .zip(args)
                .all(|((name, value), (other_name, other))| {
                    name == other_name && same(value, other)
                })
    }
}

/// Arguments alike: numbers by their bits, so that the table never confuses 0.0 with -0.0.
fn same(a: &Arg, b: &Arg) -> bool {
    match (a, b) {
        (Arg::Number(x), Arg::Number(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

fn hash_arg(arg: &Arg, state: &mut impl Hasher) {
    match arg {
        Arg::Text(text) => (0u8, text).hash(state),
        Arg::Number(number) => (1u8, number.to_bits()).hash(state),
        Arg::Label(id) => (2u8, id).hash(state),
        Arg::Labels(ids) => (3u8, ids).hash(state),
    }
}

type Table = HashMap<u64, Vec<Kept>>;

thread_local! {
    static TABLE: RefCell<(RandomState, Table)> = RefCell::new(Default::default());
}

/// The sentence of `id` with `args` in `lang`: kept, or made by `render` and kept. `render`
/// runs with the table released: it may render the labels among the arguments.
pub(crate) fn get_or_render(
    lang: &Lang,
    id: &str,
    args: &[(&str, Arg)],
    render: impl FnOnce() -> String,
) -> String {
    let (key, kept) = TABLE.with_borrow(|(hasher, table)| {
        let mut state = hasher.build_hasher();
        lang.0.hash(&mut state);
        id.hash(&mut state);
        for (name, value) in args {
            name.hash(&mut state);
            hash_arg(value, &mut state);
        }
        let key = state.finish();
        let kept = table
            .get(&key)
            .and_then(|kept| kept.iter().find(|k| k.is(lang, id, args)))
            .map(|k| k.text.clone());
        (key, kept)
    });
    if let Some(text) = kept {
        return text;
    }
    let text = render();
    let long = args.iter().any(|(_, value)| match value {
        Arg::Text(text) => text.len() > LONGEST_KEPT_ARGUMENT,
        _ => false,
    });
    if long {
        return text;
    }
    TABLE.with_borrow_mut(|(_, table)| {
        if table.values().map(Vec::len).sum::<usize>() >= CAPACITY {
            table.clear();
        }
        let kept = table.entry(key).or_default();
        if !kept.iter().any(|k| k.is(lang, id, args)) {
            kept.push(Kept {
                lang: lang.clone(),
                id: id.to_owned(),
                args: args
                    .iter()
                    .map(|(name, value)| ((*name).to_owned(), value.clone()))
                    .collect(),
                text: text.clone(),
            });
        }
    });
    text
}

#[cfg(test)]
mod tests {
    use crate::{Arg, Lang, Language, render};

    #[test]
    fn a_kept_sentence_is_the_sentence_of_its_own_arguments() {
        let english = Lang::english();
        let args = |count: f64| [("count", Arg::Number(count))];
        let one = render(&english, "cli-migrated", &args(1.0));
        let two = render(&english, "cli-migrated", &args(2.0));
        assert_ne!(one, two);
        assert_eq!(render(&english, "cli-migrated", &args(1.0)), one);
        let russian = render(&Language::Russian.lang(), "cli-migrated", &args(1.0));
        assert_ne!(russian, one);
        assert_eq!(
            render(&Language::Russian.lang(), "cli-migrated", &args(1.0)),
            russian
        );
    }
}
