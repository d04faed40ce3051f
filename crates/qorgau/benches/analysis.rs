//! The analysis of a top body over 10,000 units and 1,000,000 incidents (not a test).
//!
//! A generated structure of 10,111 units (a top body, 10 regional commands, 100
//! operational-tactical bodies, 1,000 tactical bodies, each with 8 military units and a
//! service), five years of monthly strength for every unit, and 1,000,000 incidents over the
//! same five years, written through the product's own imports (so the roll-ups are kept as in
//! production). Then the analysis of the top body for 2026 against 2025, with the ranking of
//! its subordinate units, is timed: one cold run and the median of seven. The same rows are
//! written as CSV for the DuckDB peer (`bench/analysis_peer.py`); `bench/analysis.sh` runs
//! both and prints the ratio.
//!
//! Backends: SQLite always; PostgreSQL when `QORGAU_BENCH_POSTGRES_URL` names a server (a
//! fresh database is created on it).
//! Run: `bench/analysis.sh` (or `cargo bench -p qorgau --bench analysis -- --incidents N`).

use std::fmt::Write as _;
use std::time::Instant;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use qorgau_app::{Acting, App, Clock, Settings};
use qorgau_rules::safety::{Cause, IncidentActivity, PeriodKind};
use qorgau_store::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

struct Data {
    /// key,parent,name,kind
    structure: String,
    /// For each unit in file order: its key, whether it is a leaf.
    keys: Vec<(String, bool)>,
}

fn structure() -> Data {
    let mut csv = String::from("key,parent,name,kind\n");
    let mut keys = Vec::new();
    csv.push_str("t,id:1,General Staff (bench),operational_strategic\n");
    keys.push(("t".to_owned(), false));
    for r in 0..10 {
        let rk = format!("r{r}");
        let _ = writeln!(csv, "{rk},t,Regional command {r},operational_territorial");
        keys.push((rk.clone(), false));
        for o in 0..10 {
            let ok = format!("{rk}o{o}");
            let _ = writeln!(
                csv,
                "{ok},{rk},Operational command {r}-{o},operational_tactical"
            );
            keys.push((ok.clone(), false));
            for b in 0..10 {
                let bk = format!("{ok}b{b}");
                let _ = writeln!(csv, "{bk},{ok},Brigade {r}-{o}-{b},tactical");
                keys.push((bk.clone(), false));
                for u in 0..8 {
                    let uk = format!("{bk}u{u}");
                    let _ = writeln!(csv, "{uk},{bk},Military unit {r}{o}{b}{u},military_unit");
                    keys.push((uk, true));
                }
                let sk = format!("{bk}s");
                let _ = writeln!(csv, "{sk},{bk},Logistics service {r}-{o}-{b},service");
                keys.push((sk, true));
            }
        }
    }
    Data {
        structure: csv,
        keys,
    }
}

fn months(first_year: i32, last_year: i32) -> Vec<String> {
    let mut out = Vec::new();
    for y in first_year..=last_year {
        for m in 1..=12 {
            out.push(format!("{y}-{m:02}"));
        }
    }
    out
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn run(
    url: &str,
    label: &str,
    incidents_total: usize,
    out_dir: &std::path::Path,
) -> serde_json::Value {
    let store = Store::connect(url).await.expect("connect");
    store.migrate().await.expect("migrate");
    // Early January 2027: the year 2026 is complete.
    let clock = Clock::settable(Utc.with_ymd_and_hms(2027, 1, 5, 5, 0, 0).unwrap());
    let app = App::new(store.clone(), clock, Settings::default());
    app.bootstrap().await.expect("bootstrap");
    let data = structure();
    let started = Instant::now();
    let report = app
        .import_structure(Acting::Operator, &data.structure)
        .await
        .expect("structure");
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    let structure_s = started.elapsed().as_secs_f64();
    // Ids by key, from the tree.
    let nodes = app
        .safety_structure(Acting::Operator, None)
        .await
        .expect("tree");
    let top = nodes
        .iter()
        .find(|n| n.name == "General Staff (bench)")
        .expect("top")
        .id;
    let ids: Vec<i64> = {
        // Imported in file order, so ids follow the file.
        let mut below: Vec<i64> = nodes.iter().filter(|n| n.id >= top).map(|n| n.id).collect();
        below.sort_unstable();
        below
    };
    assert_eq!(ids.len(), data.keys.len());
    let leaves: Vec<i64> = ids
        .iter()
        .zip(&data.keys)
        .filter(|(_, (_, leaf))| *leaf)
        .map(|(id, _)| *id)
        .collect();
    println!(
        "{label}: structure of {} units imported in {structure_s:.1} s",
        ids.len()
    );

    // Five years of monthly strength for every unit, a year per import.
    let mut rng = StdRng::seed_from_u64(2026);
    let started = Instant::now();
    let mut strength_csv_all = String::from("unit_id,month,personnel\n");
    for year in 2022..=2026 {
        let mut csv = String::from("unit_id,month,personnel\n");
        for (id, (_, leaf)) in ids.iter().zip(&data.keys) {
            let base = if *leaf { 600 } else { 40 };
            for month in months(year, year) {
                let line = format!("{id},{month},{}\n", base + rng.random_range(0..100));
                csv.push_str(&line);
                strength_csv_all.push_str(&line);
            }
        }
        let report = app
            .import_strength(Acting::Operator, &csv)
            .await
            .expect("strength");
        assert!(report.rejected.is_empty());
    }
    let strength_s = started.elapsed().as_secs_f64();
    println!(
        "{label}: {} strength figures imported in {strength_s:.1} s",
        ids.len() * 60
    );

    // Incidents over 2022-2026, in imports of 100,000.
    let started = Instant::now();
    let first = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    let days = (NaiveDate::from_ymd_opt(2026, 12, 31).unwrap() - first).num_days() + 1;
    let mut incidents_csv_all = String::from("unit_id,occurred_on,kind,in_duty,cause\n");
    let mut written = 0;
    while written < incidents_total {
        let count = (incidents_total - written).min(100_000);
        let mut csv = String::from("unit_id,occurred_on,kind,in_duty,cause,activity,description\n");
        for _ in 0..count {
            let unit = leaves[rng.random_range(0..leaves.len())];
            let day = first + Duration::days(rng.random_range(0..days));
            let kind = if rng.random_bool(0.03) {
                "death"
            } else {
                ["wound", "injury", "contusion"][rng.random_range(0..3)]
            };
            let in_duty = rng.random_bool(0.7);
            let cause = Cause::ALL[rng.random_range(0..Cause::ALL.len())];
            let activity = IncidentActivity::ALL[rng.random_range(0..IncidentActivity::ALL.len())];
            let _ = writeln!(
                csv,
                "{unit},{day},{kind},{},{cause},{activity},",
                if in_duty { "yes" } else { "no" }
            );
            let _ = writeln!(incidents_csv_all, "{unit},{day},{kind},{in_duty},{cause}");
        }
        let report = app
            .import_incidents(Acting::Operator, &csv)
            .await
            .expect("incidents");
        assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
        written += count;
    }
    let incidents_s = started.elapsed().as_secs_f64();
    println!("{label}: {written} incidents imported in {incidents_s:.1} s");

    // The peer's copy of the same rows.
    if label == "sqlite" {
        let mut units_csv = String::from("id,parent_id\n");
        for n in app
            .safety_structure(Acting::Operator, Some(top))
            .await
            .expect("tree")
        {
            let _ = writeln!(units_csv, "{},{}", n.id, n.parent_id.unwrap_or_default());
        }
        std::fs::write(out_dir.join("units.csv"), units_csv).expect("write units");
        std::fs::write(out_dir.join("strength.csv"), &strength_csv_all).expect("write strength");
        std::fs::write(out_dir.join("incidents.csv"), &incidents_csv_all).expect("write incidents");
    }

    // The analysis: a cold run, then seven.
    let mut times = Vec::new();
    let mut report = None;
    for _ in 0..8 {
        let started = Instant::now();
        let r = app
            .safety_analysis(Acting::Operator, top, PeriodKind::Year, 2026, 1)
            .await
            .expect("analysis");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        report = Some(r);
    }
    let report = report.expect("a report");
    let cold = times[0];
    let mut warm = times[1..].to_vec();
    warm.sort_by(f64::total_cmp);
    let median = warm[warm.len() / 2];
    println!(
        "{label}: analysis of the top body, 2026 against 2025 with {} units ranked: cold {cold:.1} ms, median {median:.1} ms (floor 500 ms)",
        report.ranking.len()
    );
    println!(
        "{label}: 2026 in duty: {} deaths, {} injuries, average strength {:.0}; 2025: {} deaths, {} injuries",
        report.current.deaths,
        report.current.injuries,
        report.current.strength,
        report.previous.deaths,
        report.previous.injuries
    );
    store.close().await;
    serde_json::json!({
        "backend": label,
        "cold_ms": cold,
        "median_ms": median,
        "ranked": report.ranking.len(),
        "deaths_2026": report.current.deaths,
        "injuries_2026": report.current.injuries,
        "strength_2026": report.current.strength,
        "top_rate": report.ranking.first().and_then(|r| r.current.rate),
        "setup_s": { "structure": structure_s, "strength": strength_s, "incidents": incidents_s },
    })
}

fn main() {
    let incidents = arg("--incidents", 1_000_000);
    let out_dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/analysis-bench");
    std::fs::create_dir_all(&out_dir).expect("output folder");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut results = Vec::new();
    runtime.block_on(async {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        results.push(run(&url, "sqlite", incidents, &out_dir).await);
        if let Some(admin) = std::env::var("QORGAU_BENCH_POSTGRES_URL")
            .ok()
            .filter(|u| !u.is_empty())
        {
            use sqlx::Executor;
            sqlx::any::install_default_drivers();
            let name = format!("qorgau_bench_{}", std::process::id());
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&admin)
                .await
                .expect("connect to PostgreSQL");
            conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .await
                .expect("create the bench database");
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
            results.push(run(&format!("{base}/{name}"), "postgres", incidents, &out_dir).await);
        } else {
            println!("QORGAU_BENCH_POSTGRES_URL is not set: PostgreSQL is not measured");
        }
    });
    std::fs::write(
        out_dir.join("qorgau.json"),
        serde_json::to_string_pretty(&results).expect("json"),
    )
    .expect("write results");
}
