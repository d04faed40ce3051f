//! Benchmark of the legal corpus at scale (not a test).
//!
//! A generator writes a synthetic corpus in the plain-text shape of the shipped laws (chapters,
//! articles, paragraphs `N.`, points `N)` with inserted `N-M)`), its words drawn from the
//! shipped corpus with their real frequencies. Then, on this machine:
//!   1. import: the statute parser on every act, then the tantivy index (in a temporary folder);
//!   2. search: one- to three-word queries of content words (five letters or more), top 10
//!      with snippets, latency percentiles;
//!   3. the peer: the same clauses in SQLite FTS5 (porter tokenizer), the same queries ranked by
//!      bm25 with snippets, in the same run; the ratio is printed.
//!
//! Run: `cargo bench -p qorgau --bench law_corpus` (10,000 acts x 100 clauses = 1,000,000 by default;
//! `-- --acts N` for fewer).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use qorgau_law::{ImportMeta, SearchIndex, SearchQuery, parse_plain, shipped};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::{Connection, Executor, Row, SqliteConnection};

const QUERIES: usize = 2_000;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

/// Words of the shipped corpus, as often as they occur there.
fn word_stream() -> Vec<String> {
    shipped()
        .acts()
        .iter()
        .flat_map(|act| act.nodes.iter())
        .flat_map(|node| node.text.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .collect()
}

fn sentence(rng: &mut StdRng, words: &[String], min: usize, max: usize) -> String {
    let n = rng.random_range(min..=max);
    let text: Vec<&str> = (0..n)
        .map(|_| words[rng.random_range(0..words.len())].as_str())
        .collect();
    text.join(" ")
}

/// One act of exactly 100 clauses: 2 chapters, 10 articles, 20 paragraphs of 3 points each, and
/// an inserted point 2-1) in the first paragraph of articles 1 to 8 (2 + 10 + 20 + 60 + 8).
fn act_text(rng: &mut StdRng, words: &[String]) -> (String, usize) {
    let mut text = format!("{}.\n\n", sentence(rng, words, 10, 20));
    let mut clauses = 0;
    let mut article = 0;
    for chapter in 1..=2 {
        text.push_str(&format!(
            "Chapter {chapter}. {}\n\n",
            sentence(rng, words, 2, 5)
        ));
        clauses += 1;
        for _ in 0..5 {
            article += 1;
            text.push_str(&format!(
                "Article {article}. {}\n",
                sentence(rng, words, 2, 6)
            ));
            clauses += 1;
            for paragraph in 1..=2 {
                text.push_str(&format!("{paragraph}. {}:\n", sentence(rng, words, 8, 20)));
                clauses += 1;
                for point in 1..=3 {
                    // Hard line breaks mid-sentence, as in the sources.
                    let body = sentence(rng, words, 8, 24);
                    let (first, rest) = body.split_at(body.len() / 2);
                    text.push_str(&format!("{point}) {first}\n{rest};\n"));
                    clauses += 1;
                    if point == 2 && paragraph == 1 && article <= 8 {
                        text.push_str(&format!("2-1) {};\n", sentence(rng, words, 6, 14)));
                        clauses += 1;
                    }
                }
            }
        }
    }
    (text, clauses)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let acts: usize = args
        .iter()
        .position(|a| a == "--acts")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let mut rng = StdRng::seed_from_u64(738);
    let words = word_stream();
    let content: Vec<String> = words.iter().filter(|w| w.len() >= 5).cloned().collect();

    println!("generating {acts} acts ...");
    let started = Instant::now();
    let texts: Vec<(String, usize)> = (0..acts).map(|_| act_text(&mut rng, &words)).collect();
    let expected: usize = texts.iter().map(|(_, n)| n).sum();
    println!(
        "  {expected} clauses in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // 1. Import: parse, then index.
    let started = Instant::now();
    let mut parsed = Vec::with_capacity(acts);
    for (i, (text, _)) in texts.iter().enumerate() {
        let meta = ImportMeta {
            id: format!("kz-bench-{i}"),
            title: format!("Synthetic act {i}"),
            adopted: None,
            in_force_from: NaiveDate::from_ymd_opt(2020, 1, 1).expect("date"),
            source_file: String::new(),
            language: qorgau_law::TextLanguage::English,
        };
        let (act, _) = parse_plain(meta, text).expect("a synthetic act parses");
        parsed.push(act);
    }
    let parse_time = started.elapsed();
    let clauses: usize = parsed.iter().map(|a| a.nodes.len() - 1).sum();
    assert_eq!(
        clauses, expected,
        "the parser recognised every generated clause"
    );

    let dir = tempfile::tempdir().expect("temporary folder");
    let started = Instant::now();
    let index = SearchIndex::in_dir(dir.path()).expect("index");
    let mut writer = index.writer(400_000_000).expect("writer");
    for act in &parsed {
        index.add_act(&writer, act).expect("add");
    }
    writer.commit().expect("commit");
    index.reload().expect("reload");
    let index_time = started.elapsed();
    let import_time = parse_time + index_time;

    // 2. Search.
    let queries: Vec<String> = (0..QUERIES)
        .map(|_| {
            let n = rng.random_range(1..=3);
            (0..n)
                .map(|_| content[rng.random_range(0..content.len())].clone())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut tantivy_times = Vec::with_capacity(QUERIES);
    let mut tantivy_hits = 0;
    for q in &queries {
        let started = Instant::now();
        let hits = index
            .search(&SearchQuery {
                text: q,
                act: None,
                as_of: None,
                limit: 10,
            })
            .expect("search");
        tantivy_times.push(started.elapsed());
        tantivy_hits += hits.len();
    }
    tantivy_times.sort();

    // 3. The peer: SQLite FTS5 on the same clauses and queries.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (fts_load, mut fts_times, fts_hits) = runtime.block_on(async {
        let path = dir.path().join("fts.db");
        let mut conn = SqliteConnection::connect(&format!("sqlite://{}?mode=rwc", path.display())).await.expect("sqlite");
        conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;").await.expect("pragma");
        conn.execute("CREATE VIRTUAL TABLE clauses USING fts5(id UNINDEXED, heading, text, tokenize = 'porter')")
            .await
            .expect("fts5");
        let started = Instant::now();
        let mut tx = conn.begin().await.expect("begin");
        for act in &parsed {
            for node in &act.nodes[1..] {
                sqlx::query("INSERT INTO clauses (id, heading, text) VALUES (?, ?, ?)")
                    .bind(node.id.as_ref().map(|i| i.to_string()))
                    .bind(node.heading.clone().unwrap_or_default())
                    .bind(&node.text)
                    .execute(&mut *tx)
                    .await
                    .expect("insert");
            }
        }
        tx.commit().await.expect("commit");
        let load = started.elapsed();
        let mut times = Vec::with_capacity(QUERIES);
        let mut hits = 0;
        for q in &queries {
            // The words as quoted FTS5 terms joined by OR: the same any-word semantics as
            // Qorgau's query parser (FTS5 alone would require every word).
            let fts_query = q.split_whitespace().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" OR ");
            let started = Instant::now();
            let rows = sqlx::query(
                "SELECT id, snippet(clauses, 2, '<b>', '</b>', '...', 24) FROM clauses WHERE clauses MATCH ? ORDER BY bm25(clauses) LIMIT 10",
            )
            .bind(&fts_query)
            .fetch_all(&mut conn)
            .await
            .expect("fts query");
            times.push(started.elapsed());
            hits += rows.len();
            let _ = rows.first().map(|r| r.get::<String, _>(0));
        }
        (load, times, hits)
    });
    fts_times.sort();

    let per_second = |n: usize, d: Duration| n as f64 / d.as_secs_f64();
    println!();
    println!("| measure | Qorgau (tantivy) | peer: SQLite FTS5 | ratio (peer / Qorgau) |");
    println!("|---|---|---|---|");
    println!(
        "| import, clauses/s (Qorgau: parse + index; FTS5: insert) | {:.0} (parse {:.0}/s, index {:.0}/s) | {:.0} | {:.2} |",
        per_second(clauses, import_time),
        per_second(clauses, parse_time),
        per_second(clauses, index_time),
        per_second(clauses, fts_load),
        per_second(clauses, fts_load) / per_second(clauses, import_time)
    );
    for (name, p) in [("p50", 0.50), ("p95", 0.95), ("p99", 0.99)] {
        let q = percentile(&tantivy_times, p);
        let f = percentile(&fts_times, p);
        println!(
            "| search {name}, ms (1-3 words, top 10, snippets) | {q:.2} | {f:.2} | {:.2} |",
            f / q
        );
    }
    println!("| results returned for {QUERIES} queries | {tantivy_hits} | {fts_hits} | |");
    println!();
    println!(
        "{acts} acts, {clauses} clauses; targets: import >= 100,000 clauses/s, search p99 <= 20 ms."
    );
}
