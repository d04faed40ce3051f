//! A summons campaign over 1,000,000 generated citizens on SQLite, and webhook ingestion
//! (not a test).
//!
//! 1. The register: 1,000,000 citizens with valid IINs, a third with a mobile number, a third
//!    with an e-Gov account, the rest on paper; written in pages (setup, timed apart).
//! 2. The campaign: `plan_campaign` selects everyone, picks each channel by the rules, moves
//!    electronic appearances that would be too soon, and writes 1,000,000 summonses in one
//!    transaction. Time and the process's peak resident memory (VmHWM) are printed against the
//!    floors of the issue (60 s, 1 GiB).
//! 3. Webhook ingestion: 100,000 signed delivery events posted over HTTP in batches of 100 by 8
//!    concurrent clients to the real router; then the events counted in the database.
//!
//! Run: `cargo bench -p qorgau --bench campaign` (`-- --citizens N` for fewer).

use std::sync::Arc;
use std::time::Instant;

use chrono::{Days, NaiveDate, TimeZone, Utc};
use qorgau_app::conscription::{NewCampaign, Selection, sign};
use qorgau_app::{Acting, App, Clock, Settings};
use qorgau_rules::conscription::{Iin, Purpose, RemovalReason, Sex};
use qorgau_store::Store;
use qorgau_store::conscription::{self as repo, Citizen};
use qorgau_web::{AppState, WebConfig};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SECRET: &str = "bench-secret";

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| {
                    l.split_whitespace()
                        .nth(1)
                        .and_then(|kb| kb.parse::<f64>().ok())
                })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn citizen(rng: &mut StdRng, unit_id: i64, n: u64) -> Citizen {
    let start = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let female = rng.random_bool(0.3);
    let sex = if female { Sex::Female } else { Sex::Male };
    let (iin, birth) = loop {
        let birth = start + Days::new(rng.random_range(0..14_000));
        if let Some(iin) = Iin::compose(birth, sex, rng.random_range(0..10_000)) {
            break (iin, birth);
        }
    };
    let channel = n % 3;
    Citizen {
        id: 0,
        unit_id,
        // The serial digits repeat; a counter in the surname keeps rows apart and the IIN is
        // made unique below by its position.
        iin,
        surname: format!("Citizen{n}"),
        given_name: "Test".into(),
        patronymic: String::new(),
        sex,
        birth_date: birth,
        children_birth_dates: Some(Vec::new()),
        residence_address: format!("Astana, street {}, house {}", n % 500, n % 97),
        temporary_address: String::new(),
        work_address: String::new(),
        mobile: (channel == 0).then(|| format!("+7701{:07}", n % 10_000_000)),
        mobile_in_own_name: channel == 0,
        egov_account_with_mobile: channel == 1,
        has_military_specialty: false,
        removed_reason: RemovalReason::None,
        serving_sentence: false,
        permanent_residence_abroad: false,
        law_enforcement_or_civil_protection: false,
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let citizens: u64 = args
        .iter()
        .position(|a| a == "--citizens")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("warn"))
        .with_writer(std::io::stderr)
        .try_init();
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = Store::connect(&url).await.expect("connect");
    store.migrate().await.expect("migrate");
    let clock = Clock::settable(Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap());
    let app = App::new(store.clone(), clock, Settings::default());
    let root = app
        .ensure_root("Republic of Kazakhstan")
        .await
        .expect("root")
        .id;

    // 1. The register, written in pages so the generator holds one page at a time.
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(11);
    let mut seen = std::collections::HashSet::new();
    let mut written = 0;
    let mut n = 0u64;
    let mut tx = store.begin_write().await.expect("tx");
    while written < citizens {
        let mut page = Vec::with_capacity(10_000);
        while page.len() < 10_000 && written + (page.len() as u64) < citizens {
            let c = citizen(&mut rng, root, n);
            n += 1;
            if seen.insert(c.iin.clone()) {
                page.push(c);
            }
        }
        written += repo::insert_citizens(&mut tx, &page, "2026-11-23T05:00:00.000000Z")
            .await
            .expect("insert");
    }
    tx.commit().await.expect("commit");
    drop(seen);
    let register_s = started.elapsed().as_secs_f64();
    let rss_after_register = peak_rss_mib();
    println!("register: {written} citizens written in {register_s:.1} s (setup)");

    // 2. The campaign.
    let campaign = app
        .create_campaign(
            Acting::Operator,
            NewCampaign {
                unit_id: root,
                title: "Benchmark".into(),
                purpose: Purpose::MedicalExamination,
                appearance_place: "Astana".into(),
                appearance_at: qorgau_rules::almaty()
                    .with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
                    .unwrap(),
            },
        )
        .await
        .expect("campaign");
    let started = Instant::now();
    let plan = app
        .plan_campaign(Acting::Operator, campaign.id, Selection::default())
        .await
        .expect("plan");
    let plan_s = started.elapsed().as_secs_f64();
    let rss = peak_rss_mib();
    println!(
        "campaign: {} summonses planned and persisted in {plan_s:.1} s ({:.0}/s); by channel {:?}; {} appearances moved",
        plan.planned,
        plan.planned as f64 / plan_s,
        plan.by_channel,
        plan.appearance_moved
    );
    println!(
        "peak resident memory: {rss:.0} MiB (after the register: {rss_after_register:.0} MiB)"
    );
    println!(
        "floors: 60 s -> ratio {:.2}; 1024 MiB -> ratio {:.2} (below 1 meets the floor)",
        plan_s / 60.0,
        rss / 1024.0
    );

    // 3. Webhook ingestion over HTTP: delivery reports for the first 100,000 electronic summonses.
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT message_id FROM summonses WHERE channel IN ('sms', 'egov') ORDER BY id LIMIT 100000",
    )
    .fetch_all(store.pool())
    .await
    .expect("message ids");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(
        app.clone(),
        WebConfig {
            public_url: base.clone(),
            webhook_secret: SECRET.into(),
            default_language: qorgau_i18n::Language::English,
        },
        qorgau_web::metrics_handle(),
    );
    let server = tokio::spawn(async move {
        let _ = qorgau_web::serve(state, listener, std::future::pending()).await;
    });
    let client = reqwest::Client::new();
    let bodies: Vec<String> = ids
        .chunks(100)
        .enumerate()
        .map(|(batch, chunk)| {
            let events: Vec<_> = chunk
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    serde_json::json!({"event_id": format!("b{batch}-{i}"), "message_id": id,
                        "kind": "delivered", "at": "2026-11-23T10:00:00+05:00"})
                })
                .collect();
            serde_json::json!({ "events": events }).to_string()
        })
        .collect();
    let queue = Arc::new(std::sync::Mutex::new(bodies));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..8 {
        let queue = queue.clone();
        let client = client.clone();
        let url = format!("{base}/api/v1/channels/events");
        workers.push(tokio::spawn(async move {
            loop {
                let Some(body) = queue.lock().unwrap().pop() else {
                    break;
                };
                let signature = sign(SECRET.as_bytes(), body.as_bytes());
                let response = client
                    .post(&url)
                    .header("content-type", "application/json")
                    .header("x-qorgau-signature", signature)
                    .body(body)
                    .send()
                    .await
                    .expect("webhook answers");
                let status = response.status();
                assert!(
                    status.is_success(),
                    "{status}: {}",
                    response.text().await.unwrap_or_default()
                );
            }
        }));
    }
    for worker in workers {
        worker.await.expect("worker");
    }
    let ingest_s = started.elapsed().as_secs_f64();
    let mut conn = store.pool().acquire().await.expect("conn");
    let stored = repo::count_events(&mut conn).await.expect("count");
    let delivered: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM summonses WHERE delivery_report_at IS NOT NULL")
            .fetch_one(&mut *conn)
            .await
            .expect("delivered");
    drop(conn);
    println!(
        "webhook: {} events in {ingest_s:.1} s = {:.0} events/s; stored {stored}, summonses delivered {delivered}; floor 5,000/s -> ratio {:.2}",
        ids.len(),
        ids.len() as f64 / ingest_s,
        ids.len() as f64 / ingest_s / 5000.0
    );
    assert_eq!(stored as usize, ids.len(), "an event was lost");
    server.abort();
    store.close().await;
}
