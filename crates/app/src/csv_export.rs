//! CSV exports shared by every download: the writer, and cells a spreadsheet would read as a
//! formula written as text instead.
//!
//! An exported file is opened in a spreadsheet by whoever receives it (the referral list goes
//! to the internal affairs body). A name such as `=HYPERLINK(...)` typed into the register would
//! otherwise run there as a formula ("CSV injection", OWASP): every cell that begins like one
//! gets a leading apostrophe, which spreadsheets read as "this cell is text" and do not show.

use std::borrow::Cow;

/// What spreadsheets read as the start of a formula (`=`, `+`, `-`, `@`), and the tab and
/// carriage return some of them strip before reading one.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet shows it and never evaluates it.
///
/// Nothing this product exports as a cell is a number that may be negative (IINs, dates and
/// instants begin with a digit, vocabulary words with a letter), so the apostrophe never
/// turns a number into text.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A CSV file written in memory, every cell through [`neutralised`].
pub struct CsvExport {
    writer: csv::Writer<Vec<u8>>,
}

impl CsvExport {
    /// A file whose first line names the columns.
    pub fn new(header: &[&str]) -> Self {
        let mut export = Self {
            writer: csv::Writer::from_writer(Vec::new()),
        };
        export.row(header);
        export
    }

    /// Adds one line.
    pub fn row(&mut self, cells: &[&str]) {
        let cells = cells.iter().map(|cell| neutralised(cell).into_owned());
        // Writing to memory cannot fail; a failure would only lose a row, so it is logged.
        if let Err(error) = self.writer.write_record(cells) {
            tracing::error!(%error, "CSV export row");
        }
    }

    /// The file as text.
    pub fn finish(self) -> String {
        match self.writer.into_inner() {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(error) => {
                tracing::error!(%error, "CSV export");
                String::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_written_as_text() {
        for cell in ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralised(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "Akhmetov",
            "060315500123",
            "2026-12-03 09:00",
            "",
            "a=b",
            " =1",
        ] {
            assert_eq!(neutralised(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn an_export_quotes_and_neutralises_every_cell() {
        let mut export = CsvExport::new(&["iin", "name"]);
        export.row(&["060315500123", "=HYPERLINK(1,2)"]);
        export.row(&["060315500124", "Sadykov, Daulet"]);
        let text = export.finish();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "iin,name",
                "060315500123,\"'=HYPERLINK(1,2)\"",
                "060315500124,\"Sadykov, Daulet\""
            ]
        );
    }
}
