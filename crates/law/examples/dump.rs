//! Prints the parsed structure of the shipped corpus (or of one act): a tool for checking the
//! parser against the source by eye.

fn main() {
    let only = std::env::args().nth(1);
    for act in qorgau_law::shipped().acts() {
        if only.as_deref().is_some_and(|id| id != act.id) {
            continue;
        }
        println!("== {} {:?}", act.id, act.counts());
        for note in &act.interpretations {
            println!("   * {}", note.render(&qorgau_i18n::Lang::english()));
        }
        for node in &act.nodes[1..] {
            let depth = act
                .breadcrumbs(
                    act.nodes
                        .iter()
                        .position(|n| std::ptr::eq(n, node))
                        .unwrap_or(0),
                )
                .len();
            let text: String = node.text.chars().take(70).collect();
            println!(
                "{}{} | {} | {}",
                "  ".repeat(depth.saturating_sub(1)),
                node.id.as_ref().map(|i| i.to_string()).unwrap_or_default(),
                node.heading.clone().unwrap_or_default(),
                text
            );
        }
    }
}
