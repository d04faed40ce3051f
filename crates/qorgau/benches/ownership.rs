//! Ownership screening of every organisation of a generated graph (not a test).
//!
//! `generate DIR [--organisations N]`: a graph of N organisations (1,000,000 by default; 5 %
//! foreign persons, 2 % media owners, 1 % long-distance operators) and about three holdings per
//! organisation (3,000,000), cycles included; written as CSV for PostgreSQL, then the screening
//! of every organisation (`screen_graph`: the foreign shares of all solve one linear system, then
//! each organisation's limits) is timed on one core.
//! `postgres URL DIR`: on a PostgreSQL loaded with those rows, the product's `screen_all` (read
//! and compute), then the peer: a recursive CTE (depth at most 8, simple paths) per subject on a
//! sample of 200 organisations, its mean time and its distance from the exact shares. The ratio
//! compares screening all organisations with the CTE's time per subject times their number.
//! Run: `bench/ownership.sh`.

use std::fmt::Write as _;
use std::time::Instant;

use qorgau_app::security::screen_graph;
use qorgau_rules::Percent;
use qorgau_rules::security::vocabulary::Activity;
use qorgau_store::security::{HoldingRow, Organisation};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn generate(n: usize) -> (Vec<Organisation>, Vec<HoldingRow>) {
    let mut rng = StdRng::seed_from_u64(236);
    let organisations: Vec<Organisation> = (0..n)
        .map(|i| {
            let roll = rng.random_range(0..100);
            let (foreign, activities) = match roll {
                0..5 => (true, vec![]),
                5..7 => (false, vec![Activity::MediaOwner]),
                7..8 => (false, vec![Activity::LongDistanceOperator]),
                _ => (false, vec![]),
            };
            Organisation {
                id: i as i64 + 1,
                code: format!("O{i}"),
                name: format!("Organisation {i}"),
                foreign_person: foreign,
                activities,
                trunk_lines_run_by_foreigners: false,
                control_centre_abroad: false,
            }
        })
        .collect();
    let target = 3 * n;
    let mut holdings = Vec::with_capacity(target);
    for (owned, organisation) in organisations.iter().enumerate() {
        if holdings.len() >= target {
            break;
        }
        if organisation.foreign_person {
            continue;
        }
        // About three owners each (3,000,000 holdings for 1,000,000 organisations), their
        // shares at most 99 % together.
        let owners = rng.random_range(1..=6);
        let mut left = 99.0_f64;
        let mut taken = Vec::new();
        for _ in 0..owners {
            let owner = rng.random_range(0..n);
            if owner == owned || taken.contains(&owner) || holdings.len() >= target {
                continue;
            }
            let share = (rng.random_range(1.0..40.0_f64)).min(left);
            if share < 0.5 {
                break;
            }
            left -= share;
            taken.push(owner);
            // A computed share, not a reader's: at least half a percent, so marked as percent.
            let share = Percent::new((share * 100.0).round() / 100.0, true).expect("a share");
            holdings.push(HoldingRow {
                owner_id: owner as i64 + 1,
                owned_id: owned as i64 + 1,
                share,
            });
        }
    }
    (organisations, holdings)
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("generate") => {
            let dir = std::path::PathBuf::from(args.get(2).expect("DIR"));
            std::fs::create_dir_all(&dir).expect("folder");
            let n = arg(&args, "--organisations", 1_000_000);
            let (organisations, holdings) = generate(n);
            let mut csv = String::new();
            for o in &organisations {
                let activities: Vec<&str> = o.activities.iter().map(|a| a.as_str()).collect();
                let _ = writeln!(
                    csv,
                    "{},{},{},{},{},0,0,2026-11-23T00:00:00Z",
                    o.id,
                    o.code,
                    o.name,
                    i64::from(o.foreign_person),
                    activities.join(" ")
                );
            }
            std::fs::write(dir.join("organisations.csv"), csv).expect("write");
            let mut csv = String::new();
            for h in &holdings {
                let _ = writeln!(csv, "{},{},{}", h.owner_id, h.owned_id, h.share.value());
            }
            std::fs::write(dir.join("holdings.csv"), csv).expect("write");
            // Single thread by construction: the computation runs on this thread alone.
            let mut times = Vec::new();
            let mut summary = None;
            for _ in 0..3 {
                let started = Instant::now();
                summary = Some(screen_graph(&organisations, &holdings).expect("screening"));
                times.push(started.elapsed().as_secs_f64());
            }
            times.sort_by(f64::total_cmp);
            let summary = summary.expect("summary");
            println!(
                "generated {} organisations and {} holdings; screening every organisation in memory: best {:.2} s, median {:.2} s (floor 10 s)",
                organisations.len(),
                holdings.len(),
                times[0],
                times[1]
            );
            println!("breaches: {:?}", summary.breaches);
            std::fs::write(
                dir.join("memory.json"),
                serde_json::json!({"median_s": times[1], "best_s": times[0],
                    "organisations": organisations.len(), "holdings": holdings.len()})
                .to_string(),
            )
            .expect("write");
        }
        Some("postgres") => {
            let url = args.get(2).expect("URL").clone();
            let dir = std::path::PathBuf::from(args.get(3).expect("DIR"));
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(postgres(&url, &dir));
        }
        _ => eprintln!("usage: ownership generate DIR [--organisations N] | postgres URL DIR"),
    }
}

async fn postgres(url: &str, dir: &std::path::Path) {
    use qorgau_app::{Acting, App, Clock, Settings};
    let store = qorgau_store::Store::connect(url).await.expect("connect");
    let app = App::new(store.clone(), Clock::System, Settings::default());
    let summary = app.screen_all(Acting::Operator).await.expect("screen all");
    println!(
        "postgres: screen_all read {} organisations and {} holdings in {:.2} s and computed in {:.2} s",
        summary.organisations,
        summary.holdings,
        summary.read_ms / 1000.0,
        summary.compute_ms / 1000.0
    );
    // The exact shares, for the peer's distance.
    let mut conn = store.pool().acquire().await.expect("connection");
    let organisations = qorgau_store::security::all_organisations(&mut conn)
        .await
        .expect("organisations");
    let holdings = qorgau_store::security::all_holdings(&mut conn)
        .await
        .expect("holdings");
    let index: std::collections::HashMap<i64, usize> = organisations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id, i))
        .collect();
    let mut graph = qorgau_rules::security::OwnershipGraph {
        owners: vec![Vec::new(); organisations.len()],
        foreign: organisations.iter().map(|o| o.foreign_person).collect(),
    };
    for h in &holdings {
        graph.owners[index[&h.owned_id]].push((index[&h.owner_id] as u32, h.share.as_fraction()));
    }
    let exact = graph.foreign_shares().expect("shares");
    let mut rng = StdRng::seed_from_u64(7);
    let mut total = 0.0;
    let mut worst: f64 = 0.0;
    let sample = 200;
    let mut done = 0;
    while done < sample {
        let i = rng.random_range(0..organisations.len());
        if organisations[i].foreign_person {
            continue;
        }
        let started = Instant::now();
        let share: f64 = sqlx::query_scalar(
            "WITH RECURSIVE chain(owner_id, share, depth, path) AS ( \
               SELECT owner_id, share / 100.0, 1, ARRAY[owned_id, owner_id] \
               FROM security_holdings WHERE owned_id = $1 \
               UNION ALL \
               SELECT h.owner_id, c.share * h.share / 100.0, c.depth + 1, c.path || h.owner_id \
               FROM chain c \
               JOIN security_organisations o ON o.id = c.owner_id AND o.foreign_person = 0 \
               JOIN security_holdings h ON h.owned_id = c.owner_id \
               WHERE c.depth < 8 AND NOT (h.owner_id = ANY(c.path))) \
             SELECT CAST(COALESCE(SUM(c.share), 0) AS DOUBLE PRECISION) FROM chain c \
             JOIN security_organisations o ON o.id = c.owner_id WHERE o.foreign_person = 1",
        )
        .bind(organisations[i].id)
        .fetch_one(&mut *conn)
        .await
        .expect("recursive CTE");
        total += started.elapsed().as_secs_f64();
        worst = worst.max((share - exact[i]).abs());
        done += 1;
    }
    let per_subject = total / sample as f64;
    let all_by_cte = per_subject * organisations.len() as f64;
    let ours = (summary.read_ms + summary.compute_ms) / 1000.0;
    println!(
        "peer: PostgreSQL recursive CTE (depth <= 8) per subject on {sample} subjects: mean {:.1} ms, \
         so about {:.1} h for all {}; largest distance from the exact share {:.2e}",
        per_subject * 1000.0,
        all_by_cte / 3600.0,
        organisations.len(),
        worst
    );
    println!(
        "ratio: Qorgau screening all (read and compute) {:.2} s / CTE for all {:.0} s = {:.2e}; \
         Qorgau for all / CTE for one subject = {:.1}",
        ours,
        all_by_cte,
        ours / all_by_cte,
        ours / per_subject
    );
    std::fs::write(
        dir.join("postgres.json"),
        serde_json::json!({"read_s": summary.read_ms / 1000.0, "compute_s": summary.compute_ms / 1000.0,
            "cte_ms_per_subject": per_subject * 1000.0, "cte_all_s": all_by_cte, "worst_distance": worst})
        .to_string(),
    )
    .expect("write");
    // The connection goes back to the pool before the pool is closed (close waits for it).
    drop(conn);
    store.close().await;
}
