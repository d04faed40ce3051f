//! Acts imported in Kazakh and Russian: the heading words of each language, and the lines that
//! only look like headings.

use chrono::NaiveDate;
use qorgau_law::{Act, ClauseId, ImportMeta, NodeKind, TextLanguage, parse_plain};

fn import(language: TextLanguage, text: &str) -> Act {
    let meta = ImportMeta {
        id: "kz-test".to_owned(),
        title: "Test".to_owned(),
        adopted: None,
        in_force_from: NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date"),
        source_file: String::new(),
        language,
    };
    parse_plain(meta, text).expect("the text parses").0
}

fn node<'a>(act: &'a Act, id: &str) -> Option<&'a qorgau_law::Node> {
    let id = ClauseId::parse(id).expect("a valid id");
    act.find(&id).map(|index| act.node(index))
}

#[test]
fn a_sentence_that_names_an_appendix_is_not_one() {
    let act = import(
        TextLanguage::Kazakh,
        "1-бап. Хабарлама\nХабарлама осы Қағидаларға 1-қосымша бойынша жасалады.\n2-бап. Мерзімдер\n1. Мерзім он күн.\n",
    );
    assert!(node(&act, "kz-test/app_1").is_none());
    let article = node(&act, "kz-test/art_1").expect("article 1");
    assert!(
        article.text.contains("1-қосымша бойынша"),
        "{}",
        article.text
    );
    assert!(node(&act, "kz-test/art_2__para_1").is_some());
    // A line that names the appendix and ends there opens it.
    let act = import(
        TextLanguage::Kazakh,
        "1-бап. Хабарлама\n1. Нысан қоса беріледі.\nҚағидаларға 1-қосымша\nХабарлама нысаны\n",
    );
    let appendix = node(&act, "kz-test/app_1").expect("appendix 1");
    assert_eq!(appendix.kind, NodeKind::Appendix);
    assert_eq!(appendix.text, "Хабарлама нысаны");
}

#[test]
fn an_appendix_without_a_title_on_its_line_takes_the_next() {
    let act = import(
        TextLanguage::Russian,
        "Статья 1. Уведомление\n1. Форма прилагается.\nПриложение 1\nк Правилам воинского учета\nФорма уведомления\n",
    );
    let appendix = node(&act, "kz-test/app_1").expect("appendix 1");
    assert_eq!(
        appendix.heading.as_deref(),
        Some("к Правилам воинского учета")
    );
    assert_eq!(appendix.text, "Форма уведомления");
}

#[test]
fn an_act_of_undetermined_language_keeps_its_appendix_lines_as_text() {
    let act = import(
        TextLanguage::Undetermined,
        "Article 1. Notice\n1. The form is attached.\nAppendix 1\n",
    );
    assert!(node(&act, "kz-test/app_1").is_none());
}
