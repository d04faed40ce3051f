//! Joining the source's hard line breaks back into running text.

/// Appends a source line to running text: one space between, runs of spaces collapsed, and the
/// stray spaces that line breaks leave before punctuation (`injuries\n, contusions`) removed.
pub fn append(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if !text.is_empty() && !text.ends_with('(') {
        text.push(' ');
    }
    text.push_str(line);
}

/// Tidies joined text: single spaces, no space before `, . ; : )` or after `(`.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let glue = word.starts_with([',', '.', ';', ':', ')']) || out.ends_with('(');
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a line ends where a sentence or a list item can end.
pub fn ends_a_unit(line: &str) -> bool {
    line.trim_end().ends_with(['.', ';', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hard_breaks() {
        let mut text = String::new();
        append(&mut text, "their injuries (wounds, injuries");
        append(&mut text, ", contusions).  ");
        assert_eq!(
            tidy(&text),
            "their injuries (wounds, injuries, contusions)."
        );
        let mut text = String::from("military units (");
        append(&mut text, "institutions) - once");
        assert_eq!(tidy(&text), "military units (institutions) - once");
    }
}
