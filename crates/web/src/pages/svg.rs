//! Small bar charts as inline SVG for the analysis page. Written by hand: the two charts need
//! rectangles and labels only, and a plotting crate would add a rendering stack for that.

use std::fmt::Write;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Grouped monthly bars: (label, this period, last year).
pub fn monthly_bars(title: &str, legend: (&str, &str), points: &[(String, u64, u64)]) -> String {
    let width = 640.0;
    let height = 220.0;
    let (left, bottom, top) = (36.0, 28.0, 24.0);
    let max = points
        .iter()
        .map(|(_, a, b)| (*a).max(*b))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = (width - left) / points.len().max(1) as f64;
    let bar = (slot / 2.0 - 2.0).max(1.0);
    let scale = (height - bottom - top) / max;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" class=\"chart\">",
        escape(title)
    );
    let _ = write!(
        svg,
        "<text x=\"{left}\" y=\"14\" class=\"legend\"><tspan class=\"now\">■</tspan> {} <tspan class=\"before\">■</tspan> {}</text>",
        escape(legend.0),
        escape(legend.1)
    );
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"{}\" class=\"axis\">{max}</text><text x=\"0\" y=\"{}\" class=\"axis\">0</text>",
        top + 10.0,
        height - bottom
    );
    for (i, (label, now, before)) in points.iter().enumerate() {
        let x = left + i as f64 * slot;
        for (offset, value, class) in [(0.0, *now, "now"), (bar + 2.0, *before, "before")] {
            let h = value as f64 * scale;
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" class=\"{class}\"><title>{}: {value}</title></rect>",
                x + offset,
                height - bottom - h,
                escape(label)
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\">{}</text>",
            x,
            height - 10.0,
            escape(label.get(5..).unwrap_or(label))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Horizontal bars, one per unit: (label, value, highlighted).
pub fn ranking_bars(title: &str, rows: &[(String, f64, bool)]) -> String {
    let row_height = 18.0;
    let width = 640.0;
    let label_width = 300.0;
    let height = row_height * rows.len().max(1) as f64 + 8.0;
    let max = rows
        .iter()
        .map(|(_, v, _)| *v)
        .fold(0.0_f64, f64::max)
        .max(0.001);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" class=\"chart\">",
        escape(title)
    );
    for (i, (label, value, highlighted)) in rows.iter().enumerate() {
        let y = 4.0 + i as f64 * row_height;
        let w = (width - label_width - 60.0) * value / max;
        let class = if *highlighted { "bad" } else { "now" };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{:.1}\" class=\"axis\">{}</text><rect x=\"{label_width}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" class=\"{class}\"></rect><text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\">{value:.2}</text>",
            y + 12.0,
            escape(&label.chars().take(45).collect::<String>()),
            row_height - 4.0,
            label_width + w + 4.0,
            y + 12.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Breaks `text` into lines of at most `width` characters (at most `lines` lines, the last one
/// cut with an ellipsis).
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            last.push('…');
        }
    }
    out
}

/// A box of the organisation chart.
pub struct ChartNode {
    pub id: String,
    pub label: String,
    /// A second, smaller line (the areas a body leads).
    pub note: String,
    pub href: String,
    pub class: &'static str,
}

/// An edge of the organisation chart: (from id, to id, class).
pub type ChartEdge = (String, String, &'static str);

/// The organisation chart: rows of boxes from the top, with straight edges between them.
pub fn org_chart(title: &str, rows: &[Vec<ChartNode>], edges: &[ChartEdge]) -> String {
    let width = 1000.0;
    let box_h = 58.0;
    let gap_y = 44.0;
    let mut centres: std::collections::HashMap<&str, (f64, f64, f64)> = Default::default();
    let mut boxes = String::new();
    for (r, row) in rows.iter().enumerate() {
        let y = 10.0 + r as f64 * (box_h + gap_y);
        let slot = width / row.len().max(1) as f64;
        let w = (slot - 8.0).min(180.0);
        let chars = ((w / 5.6) as usize).max(8);
        for (i, node) in row.iter().enumerate() {
            let x = i as f64 * slot + (slot - w) / 2.0;
            centres.insert(node.id.as_str(), (x + w / 2.0, y, y + box_h));
            let _ = write!(
                boxes,
                "<a href=\"{}\"><g class=\"node {}\" id=\"node-{}\"><title>{}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{box_h}\" rx=\"4\"></rect>",
                escape(&node.href),
                node.class,
                escape(&node.id),
                escape(&node.label),
            );
            for (k, line) in wrap(&node.label, chars, 3).iter().enumerate() {
                let _ = write!(
                    boxes,
                    "<text x=\"{:.1}\" y=\"{:.1}\" class=\"label\">{}</text>",
                    x + 4.0,
                    y + 13.0 + k as f64 * 11.0,
                    escape(line)
                );
            }
            if !node.note.is_empty() {
                let _ = write!(
                    boxes,
                    "<text x=\"{:.1}\" y=\"{:.1}\" class=\"note\">{}</text>",
                    x + 4.0,
                    y + box_h - 5.0,
                    escape(&node.note.chars().take(chars + 4).collect::<String>())
                );
            }
            boxes.push_str("</g></a>");
        }
    }
    let height = 20.0 + rows.len() as f64 * (box_h + gap_y) - gap_y;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" class=\"orgchart\">",
        escape(title)
    );
    for (from, to, class) in edges {
        if let (Some(a), Some(b)) = (centres.get(from.as_str()), centres.get(to.as_str())) {
            let _ = write!(
                svg,
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" class=\"edge {class}\"></line>",
                a.0, a.2, b.0, b.1
            );
        }
    }
    svg.push_str(&boxes);
    svg.push_str("</svg>");
    svg
}

/// The score (likelihood × impact, 1-25) of a threat over time: (day, score) oldest first.
pub fn score_trend(title: &str, points: &[(chrono::NaiveDate, i64)]) -> String {
    let (width, height) = (640.0, 200.0);
    let (left, bottom, top, right) = (30.0, 24.0, 10.0, 16.0);
    let first = points.first().map(|p| p.0);
    let last = points.last().map(|p| p.0);
    let span = match (first, last) {
        (Some(a), Some(b)) => (b - a).num_days().max(1) as f64,
        _ => 1.0,
    };
    let x_of = |day: chrono::NaiveDate| {
        let offset = first.map_or(0.0, |f| (day - f).num_days() as f64);
        if points.len() == 1 {
            left + (width - left - right) / 2.0
        } else {
            left + (width - left - right) * offset / span
        }
    };
    let y_of = |score: i64| height - bottom - (height - bottom - top) * score as f64 / 25.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" class=\"chart\">",
        escape(title)
    );
    for level in [5, 10, 15, 20, 25] {
        let y = y_of(level);
        let _ = write!(
            svg,
            "<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" class=\"grid\"></line><text x=\"0\" y=\"{:.1}\" class=\"axis\">{level}</text>",
            width - right,
            y + 4.0
        );
    }
    let path: Vec<String> = points
        .iter()
        .map(|(d, s)| format!("{:.1},{:.1}", x_of(*d), y_of(*s)))
        .collect();
    if points.len() > 1 {
        let _ = write!(
            svg,
            "<polyline points=\"{}\" class=\"trend\"></polyline>",
            path.join(" ")
        );
    }
    for (day, score) in points {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" class=\"point\"><title>{day}: {score}</title></circle>",
            x_of(*day),
            y_of(*score)
        );
    }
    if let (Some(a), Some(b)) = (first, last) {
        let _ = write!(
            svg,
            "<text x=\"{left}\" y=\"{:.1}\" class=\"axis\">{a}</text><text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{b}</text>",
            height - 6.0,
            width - right,
            height - 6.0
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_and_cuts_with_an_ellipsis() {
        assert_eq!(wrap("a bb ccc", 4, 3), vec!["a bb", "ccc"]);
        assert_eq!(wrap("one two three four", 3, 2), vec!["one", "two…"]);
    }

    #[test]
    fn the_chart_draws_an_edge_only_between_known_boxes() {
        let node = |id: &str| ChartNode {
            id: id.into(),
            label: id.into(),
            note: String::new(),
            href: "/".into(),
            class: "body",
        };
        let svg = org_chart(
            "t",
            &[vec![node("a")], vec![node("b")]],
            &[
                ("a".into(), "b".into(), "solid"),
                ("a".into(), "zz".into(), "solid"),
            ],
        );
        assert_eq!(svg.matches("<line").count(), 1);
        assert!(svg.contains("id=\"node-b\""));
    }
}
