//! Printable documents. Callers write typst markup (with every sentence from the message
//! catalogue and every datum passed through [`text`]); this crate compiles it to PDF in memory
//! with the fonts shipped in the binary, so printing needs no network and no installed fonts.
//!
//! Written against typst directly because no maintained crate renders a laid-out, paginated PDF
//! from markup offline; typst's own `World` is the one piece that has to be supplied.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Why a document could not be rendered (a bug in the markup a caller wrote).
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the document does not compile: {0}")]
    Compile(String),
    #[error("the PDF could not be written: {0}")]
    Export(String),
}

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// One document: its source and nothing else (no files, no packages).
struct Document {
    source: Source,
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    /// Documents print their own dates; `datetime.today()` is not used.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// Compiles typst markup to PDF bytes.
pub fn render(markup: &str) -> Result<Vec<u8>, PdfError> {
    let world = Document {
        source: Source::detached(markup),
    };
    let document = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .map_err(|errors| {
            PdfError::Compile(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        PdfError::Export(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// A datum as a typst string literal (`#"..."` in markup), so no character of it is read as
/// markup.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    out.push_str("#\"");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The number of pages of a PDF this crate wrote (page objects are written uncompressed).
pub fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type/Page").count() - text.matches("/Type/Pages").count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_page_with_data_that_looks_like_markup() {
        let markup = format!(
            "= {}\n\n{}\n",
            text("Summons"),
            text("*not bold* #panic(\"no\") \\ \"quoted\" Қазақстан, Казахстан")
        );
        let pdf = render(&markup).expect("compiles");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 1000);
        assert_eq!(page_count(&pdf), 1);
        let three = render("a\n#pagebreak()\nb\n#pagebreak()\nc").expect("compiles");
        assert_eq!(page_count(&three), 3);
    }

    #[test]
    fn broken_markup_is_an_error_not_a_panic() {
        assert!(matches!(render("#let x = ("), Err(PdfError::Compile(_))));
    }
}
