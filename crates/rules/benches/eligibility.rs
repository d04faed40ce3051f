//! Compulsory-training eligibility for 1,000,000 generated persons on one core (not a test).
//!
//! Two paths: the cited decision per person (`decide`: explanation messages, citations and a
//! JSON outcome for each), and the batch path (`decide_batch`: one eligibility per person, the
//! citations once per outcome). The peer, OpenFisca's vectorised formula over the same persons,
//! runs from `bench/eligibility.sh`, which prints the ratio.
//!
//! Run: `cargo bench -p qorgau-rules --bench eligibility`.

use std::hint::black_box;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qorgau_rules::TypedRule;
use qorgau_rules::conscription::{Sex, TrainingEligible, TrainingFacts};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub const PERSONS: usize = 1_000_000;

/// Persons born 1950-2012, half women, women with 0-3 children born after they turned 18. The
/// same generator (seeded) writes `target/eligibility-persons.csv` for the peer.
fn persons() -> Vec<TrainingFacts> {
    let mut rng = StdRng::seed_from_u64(7);
    let start = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    (0..PERSONS)
        .map(|_| {
            let birth = start + Days::new(rng.random_range(0..22_900));
            let female = rng.random_bool(0.5);
            let children = female.then(|| {
                (0..rng.random_range(0..4))
                    .map(|_| birth + Days::new(18 * 365 + rng.random_range(0..9_000)))
                    .collect()
            });
            TrainingFacts {
                sex: if female { Sex::Female } else { Sex::Male },
                birth_date: birth,
                children_birth_dates: children,
            }
        })
        .collect()
}

fn write_peer_input(persons: &[TrainingFacts]) {
    use std::io::Write;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/eligibility-persons.csv");
    let Ok(file) = std::fs::File::create(&path) else {
        return;
    };
    let mut out = std::io::BufWriter::new(file);
    let _ = writeln!(out, "female,birth,youngest_child");
    for p in persons {
        // The peer needs only the youngest child: all are over ten exactly when it is.
        let youngest = p
            .children_birth_dates
            .iter()
            .flatten()
            .max()
            .map_or(String::new(), |d| d.to_string());
        let _ = writeln!(
            out,
            "{},{},{}",
            u8::from(p.sex == Sex::Female),
            p.birth_date,
            youngest
        );
    }
}

fn bench(c: &mut Criterion) {
    let persons = persons();
    write_peer_input(&persons);
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let found = TrainingEligible
        .decide_batch(&persons, as_of)
        .eligible
        .iter()
        .filter(|e| **e == Some(true))
        .count();
    println!("eligible on {as_of}: {found} of {PERSONS} (the peer must find the same)");
    let mut group = c.benchmark_group("eligibility");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(PERSONS as u64));
    group.bench_function("batch_1m", |b| {
        b.iter(|| black_box(TrainingEligible.decide_batch(black_box(&persons), as_of)))
    });
    group.bench_function("decide_1m", |b| {
        b.iter(|| {
            let mut eligible = 0usize;
            for p in &persons {
                let facts = TrainingFacts {
                    sex: p.sex,
                    birth_date: p.birth_date,
                    children_birth_dates: p.children_birth_dates.clone(),
                };
                if let Ok(d) = TrainingEligible.decision(facts, as_of) {
                    eligible += usize::from(d.outcome.eligible);
                }
            }
            black_box(eligible)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
