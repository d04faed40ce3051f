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
