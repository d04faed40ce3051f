//! What the printable documents of every room share: the page setup, sentences of the
//! catalogue escaped for typst, the rendering to PDF, and stored instants shown in Almaty.

use qorgau_i18n::{Arg, Lang, render};
use qorgau_pdf::text;

use crate::AppError;

/// A stored instant as its Almaty date and time of day ("2026-12-03", "09:00").
pub fn in_almaty(stored: &str) -> (String, String) {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|t| {
            let t = t.with_timezone(&qorgau_rules::almaty());
            (
                t.format("%Y-%m-%d").to_string(),
                t.format("%H:%M").to_string(),
            )
        })
        .unwrap_or_else(|_| (stored.to_owned(), String::new()))
}

pub(crate) fn t(lang: &Lang, id: &str) -> String {
    text(&render(lang, id, &[]))
}

pub(crate) fn t_with(lang: &Lang, id: &str, args: &[(&str, Arg)]) -> String {
    text(&render(lang, id, args))
}

const PAGE: &str =
    "#set page(paper: \"a4\", margin: 2cm)\n#set text(font: \"Libertinus Serif\", size: 11pt)\n";

/// The page setup, with the document's language for typst (quotes, hyphenation, the PDF's
/// `/Lang`).
pub(crate) fn page(lang: &qorgau_i18n::Lang) -> String {
    format!("{PAGE}#set text(lang: \"{}\")\n", lang.language().as_str())
}

pub(crate) fn pdf(markup: &str) -> Result<Vec<u8>, AppError> {
    qorgau_pdf::render(markup).map_err(|e| AppError::Internal(e.to_string()))
}
