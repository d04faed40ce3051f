//! Conscription end to end on both databases: the register import with per-row rejections, a
//! campaign planned by the rules, sent through the channel simulator over real HTTP, events
//! coming back to the signed webhook, the conclusion and the referral list; and the outbox
//! surviving a sender killed mid-batch.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use qorgau_app::conscription::{HttpGateways, NewCampaign, OfficerFact, Selection, sign};
use qorgau_app::{Acting, App, AppError, Clock};
use qorgau_rules::almaty;
use qorgau_rules::conscription::{
    AbsenceReason, Channel, ExcuseFinding, FollowUp, Iin, Notified, Purpose, Sex,
};
use qorgau_web::{AppState, WebConfig};

use crate::kit::databases;

pub const SECRET: &str = "test-webhook-secret";

const HEADER: &str = "iin,surname,given_name,patronymic,sex,birth_date,children_birth_dates,residence_address,temporary_address,work_address,mobile,mobile_in_own_name,egov_account_with_mobile,has_military_specialty,removed_reason,serving_sentence,permanent_residence_abroad,law_enforcement_or_civil_protection";

fn iin(birth: &str, sex: Sex, serial: u16) -> String {
    let birth = birth.parse().unwrap();
    (serial..)
        .find_map(|s| Iin::compose(birth, sex, s))
        .unwrap()
        .to_string()
}

/// A register file: four good rows (one per channel kind and a woman), and bad rows of every kind.
pub fn register_csv() -> (String, Vec<(u64, &'static str)>) {
    let sms = iin("2006-03-15", Sex::Male, 100);
    let egov = iin("2005-07-01", Sex::Male, 200);
    let paper = iin("2004-11-30", Sex::Male, 300);
    let woman = iin("1995-02-10", Sex::Female, 400);
    let mut bad_check = iin("2006-01-01", Sex::Male, 500);
    let last = bad_check.pop().unwrap().to_digit(10).unwrap();
    bad_check.push(char::from_digit((last + 1) % 10, 10).unwrap());
    let wrong_sex = iin("2006-02-02", Sex::Male, 600);
    let rows = [
        format!(
            "{sms},Akhmetov,Nurlan,Serikuly,male,2006-03-15,,Astana Abay 1,,,+77011234567,yes,no,no,none,no,no,no"
        ),
        format!(
            "{egov},Bekov,Arman,,male,2005-07-01,,Astana Kenesary 5,,,,no,yes,no,none,no,no,no"
        ),
        format!(
            "{paper},Sadykov,Daulet,,male,2004-11-30,,Astana Respublika 9,,,,no,no,no,none,no,no,no"
        ),
        format!(
            "{woman},Omarova,Aigerim,,female,1995-02-10,2016-05-01,Astana Mangilik 3,,,+77017654321,yes,no,yes,none,no,no,no"
        ),
        // line 6: check digit
        format!("{bad_check},Bad,Check,,male,2006-01-01,,Addr,,,,no,no,no,none,no,no,no"),
        // line 7: the IIN says male, the row says female
        format!("{wrong_sex},Wrong,Sex,,female,2006-02-02,,Addr,,,,no,no,no,none,no,no,no"),
        // line 8: a date that is not one
        format!(
            "{},Bad,Date,,male,2006-02-30,,Addr,,,,no,no,no,none,no,no,no",
            iin("2006-02-03", Sex::Male, 700)
        ),
        // line 9: the first row again
        format!(
            "{sms},Akhmetov,Nurlan,Serikuly,male,2006-03-15,,Astana Abay 1,,,+77011234567,yes,no,no,none,no,no,no"
        ),
        // line 10: too few columns
        "123,Short".to_owned(),
        // line 11: not a yes/no
        format!(
            "{},Maybe,Flag,,male,2006-04-04,,Addr,,,,perhaps,no,no,none,no,no,no",
            iin("2006-04-04", Sex::Male, 800)
        ),
    ];
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let rejected = vec![
        (6, "iin"),
        (7, "iin"),
        (8, "birth_date"),
        (9, "iin"),
        (10, "csv"),
        (11, "mobile_in_own_name"),
    ];
    (text, rejected)
}

/// Serves the router on a loopback port; returns the base URL.
pub async fn serve(app: &App) -> (String, tokio::task::JoinHandle<()>) {
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
    let handle = tokio::spawn(async move {
        let _ = qorgau_web::serve(state, listener, std::future::pending()).await;
    });
    (base, handle)
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<FixedOffset> {
    almaty().with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

#[tokio::test]
async fn the_register_imports_good_rows_and_names_every_bad_one() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
        let (csv, expected) = register_csv();
        let summary = app
            .import_citizens(Acting::Operator, root, &csv)
            .await
            .expect(label);
        assert_eq!(summary.imported, 4, "{label}: {summary:?}");
        let got: Vec<(u64, &str)> = summary
            .rejected
            .iter()
            .map(|r| (r.line, r.column.as_str()))
            .collect();
        assert_eq!(got, expected, "{label}: {:#?}", summary.rejected);
        assert!(
            summary.rejected[0].message.contains("check digit"),
            "{label}"
        );
        assert!(summary.rejected[1].message.contains("female"), "{label}");
        assert!(
            summary.rejected[3]
                .message
                .contains("earlier in the same file"),
            "{label}"
        );
        // Importing again rejects every good row as already registered and writes nothing.
        let again = app
            .import_citizens(Acting::Operator, root, &csv)
            .await
            .unwrap();
        assert_eq!(again.imported, 0, "{label}");
        assert_eq!(
            again
                .rejected
                .iter()
                .filter(|r| r.message.contains("already in the register"))
                .count(),
            4,
            "{label}"
        );
        // A wrong header refuses the whole file.
        let error = app
            .import_citizens(Acting::Operator, root, "iin,name\n1,2\n")
            .await
            .unwrap_err();
        assert!(
            matches!(error, AppError::Invalid { field: "csv", .. }),
            "{label}"
        );
        // Statuses are derived for the date asked, never stored.
        let found = app
            .search_citizens(Acting::Operator, "Omar", 10)
            .await
            .unwrap();
        assert_eq!(found.len(), 1, "{label}");
        let early = app
            .citizen_card(Acting::Operator, found[0].id, "2026-05-01".parse().unwrap())
            .await
            .unwrap();
        let later = app
            .citizen_card(Acting::Operator, found[0].id, "2026-05-02".parse().unwrap())
            .await
            .unwrap();
        // Her child turns ten on 2026-05-01 and is over ten from the next day.
        assert!(
            !early.training.as_ref().unwrap().outcome.eligible,
            "{label}"
        );
        assert!(later.training.as_ref().unwrap().outcome.eligible, "{label}");
        // She has a military specialty, so she is subject to registration.
        assert!(later.registration.outcome.required, "{label}");
        app.store().close().await;
    }
}

/// Waits until `check` holds, polling.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test]
async fn a_campaign_goes_out_through_the_simulator_and_concludes() {
    for db in databases().await {
        let label = db.label;
        // 2026-12-01 10:00 in Almaty.
        let clock = Clock::settable(at(2026, 12, 1, 10).with_timezone(&Utc));
        let app = db.app_with_clock(clock.clone()).await;
        let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
        let (csv, _) = register_csv();
        app.import_citizens(Acting::Operator, root, &csv)
            .await
            .unwrap();
        let (base, server) = serve(&app).await;
        let simulator = qorgau_simulator::Simulator::new(qorgau_simulator::Behaviour {
            webhook_url: format!("{base}/api/v1/channels/events"),
            secret: SECRET.into(),
            delay: Duration::from_millis(20),
            read: 1.0,
            duplication: 1.0,
            ..Default::default()
        });
        let (sim, sim_handle) = simulator.serve(([127, 0, 0, 1], 0).into()).await.unwrap();
        let gateways = HttpGateways::new(
            Some(format!("http://{sim}/sms")),
            Some(format!("http://{sim}/egov")),
        )
        .unwrap();

        // Appearance two days ahead: too soon for an electronic notice, so the plan moves it.
        let campaign = app
            .create_campaign(
                Acting::Operator,
                NewCampaign {
                    unit_id: root,
                    title: "Autumn medical examination".into(),
                    purpose: Purpose::MedicalExamination,
                    appearance_place: "Astana city defence department".into(),
                    appearance_at: at(2026, 12, 3, 9),
                },
            )
            .await
            .unwrap();
        let plan = app
            .plan_campaign(
                Acting::Operator,
                campaign.id,
                Selection {
                    sex: Some(Sex::Male),
                    ..Selection::default()
                },
            )
            .await
            .expect(label);
        assert_eq!(plan.planned, 3, "{label}: {plan:?}");
        assert_eq!(
            plan.by_channel
                .iter()
                .map(|c| (c.channel.as_str(), c.count))
                .collect::<Vec<_>>(),
            vec![("egov", 1), ("paper_personal", 1), ("sms", 1)],
            "{label}"
        );
        assert_eq!(plan.appearance_moved, 2, "{label}");
        let (_, summonses) = app
            .campaign(Acting::Operator, campaign.id, clock.today())
            .await
            .unwrap();
        for s in &summonses {
            let expected = if s.summons.channel == Channel::PaperPersonal {
                Utc.with_ymd_and_hms(2026, 12, 3, 4, 0, 0).unwrap()
            } else {
                // 1 December + 3 calendar days, same time of day.
                Utc.with_ymd_and_hms(2026, 12, 4, 4, 0, 0).unwrap()
            };
            assert_eq!(
                s.summons.appearance_at, expected,
                "{label}: {}",
                s.summons.channel
            );
        }
        // The paper summons prints on one page; the referral list prints too.
        let english = qorgau_i18n::Lang::english();
        let paper_pdf = app
            .paper_summonses_pdf(Acting::Operator, &english, campaign.id)
            .await
            .unwrap();
        assert!(paper_pdf.starts_with(b"%PDF-"), "{label}");
        assert_eq!(qorgau_pdf::page_count(&paper_pdf), 1, "{label}");
        // Nothing is sent before the campaign is released.
        assert_eq!(
            app.send_due(&gateways, 100).await.unwrap().sent,
            0,
            "{label}"
        );
        app.release_campaign(Acting::Operator, campaign.id)
            .await
            .unwrap();
        let report = app.send_due(&gateways, 100).await.unwrap();
        assert_eq!(report.sent, 2, "{label}: {report:?}");
        // The simulator delivers, then reports reading; every event is posted twice.
        eventually("delivery and read events", || async {
            let (view, _) = app
                .campaign(Acting::Operator, campaign.id, clock.today())
                .await
                .unwrap();
            view.funnel.read == 2
        })
        .await;
        // Two events per message, each posted twice; the last duplicate may still be in flight.
        eventually("every duplicate posted", || async {
            simulator.stats().events_posted == 8
        })
        .await;
        let stats = simulator.stats();
        assert_eq!(stats.accepted, 2, "{label}");
        assert_eq!(stats.events_posted, 8, "{label}: {stats:?}");
        let (view, summonses) = app
            .campaign(Acting::Operator, campaign.id, clock.today())
            .await
            .unwrap();
        assert_eq!(view.funnel.sent, 2, "{label}");
        assert_eq!(view.funnel.delivered, 2, "{label}");
        assert_eq!(view.funnel.notified, 2, "{label}");
        let paper = summonses
            .iter()
            .find(|s| s.summons.channel == Channel::PaperPersonal)
            .unwrap();
        assert_eq!(paper.notified, Notified::Pending, "{label}");

        // The paper summons is refused at the door: a refusal noted counts as notified.
        app.record_summons_fact(
            Acting::Operator,
            paper.summons.id,
            OfficerFact::RefusalNoted {
                at: at(2026, 12, 1, 9),
                delivered_by: "Courier Amanov".into(),
            },
        )
        .await
        .unwrap();
        // Recording the same fact twice is a conflict, not a silent overwrite.
        let again = app
            .record_summons_fact(
                Acting::Operator,
                paper.summons.id,
                OfficerFact::RefusalNoted {
                    at: at(2026, 12, 1, 9),
                    delivered_by: "Courier Amanov".into(),
                },
            )
            .await;
        assert!(matches!(again, Err(AppError::Conflict(_))), "{label}");
        let electronic: Vec<_> = summonses
            .iter()
            .filter(|s| s.summons.channel != Channel::PaperPersonal)
            .collect();
        // One appears; the other reports another reason, which an officer finds did not
        // prevent the appearance.
        clock.advance(chrono::Duration::days(3));
        app.record_summons_fact(
            Acting::Operator,
            electronic[0].summons.id,
            OfficerFact::Appeared {
                at: at(2026, 12, 4, 9),
            },
        )
        .await
        .unwrap();
        app.record_summons_fact(
            Acting::Operator,
            electronic[1].summons.id,
            OfficerFact::Excuse {
                reason: AbsenceReason::Other,
                text: Some("overslept".into()),
            },
        )
        .await
        .unwrap();
        app.record_summons_fact(
            Acting::Operator,
            electronic[1].summons.id,
            OfficerFact::ExcuseDecision {
                finding: ExcuseFinding::DidNotPreventAppearance,
            },
        )
        .await
        .unwrap();
        // After the appearance days the referral list holds the paper refuser and the sleeper.
        clock.advance(chrono::Duration::days(1));
        let referrals = app
            .referrals(Acting::Operator, campaign.id, clock.today())
            .await
            .unwrap();
        let referred: Vec<i64> = referrals.iter().map(|r| r.summons.id).collect();
        assert_eq!(referred.len(), 2, "{label}: {referrals:?}");
        assert!(referred.contains(&paper.summons.id), "{label}");
        assert!(referred.contains(&electronic[1].summons.id), "{label}");
        assert!(
            referrals
                .iter()
                .all(|r| r.action == FollowUp::ReferToInternalAffairs)
        );
        let referral_pdf = app
            .referrals_pdf(Acting::Operator, &english, campaign.id, clock.today())
            .await
            .unwrap();
        assert!(referral_pdf.starts_with(b"%PDF-"), "{label}");
        let csv = qorgau_app::conscription::referrals_csv(&referrals);
        assert_eq!(csv.lines().count(), 3, "{label}: {csv}");
        let (view, _) = app
            .campaign(Acting::Operator, campaign.id, clock.today())
            .await
            .unwrap();
        assert_eq!(
            (
                view.funnel.notified,
                view.funnel.appeared,
                view.funnel.referred
            ),
            (3, 1, 2),
            "{label}: {:?}",
            view.funnel
        );
        // At the authority: appearance the day after next is refused, tomorrow is accepted and
        // the citizen counts as notified at once.
        let woman = app
            .search_citizens(Acting::Operator, "Omar", 1)
            .await
            .unwrap()[0]
            .id;
        let today = clock.now().with_timezone(&almaty()).fixed_offset();
        let too_late = app
            .hand_at_authority(
                Acting::Operator,
                campaign.id,
                woman,
                today + chrono::Duration::days(2),
            )
            .await;
        assert!(
            matches!(
                too_late,
                Err(AppError::Invalid {
                    field: "appearance_at",
                    ..
                })
            ),
            "{label}"
        );
        let handed = app
            .hand_at_authority(
                Acting::Operator,
                campaign.id,
                woman,
                today + chrono::Duration::days(1),
            )
            .await
            .expect(label);
        assert_eq!(handed.channel, Channel::PaperAtAuthority, "{label}");
        let (_, views) = app
            .campaign(Acting::Operator, campaign.id, clock.today())
            .await
            .unwrap();
        let view = views.iter().find(|v| v.summons.id == handed.id).unwrap();
        assert_eq!(view.notified, Notified::Notified, "{label}");
        // Every step is in the audit chain, and the chain holds.
        let verification = app.verify_audit(Acting::Operator).await.unwrap();
        assert!(verification.is_intact(), "{label}");
        sim_handle.abort();
        server.abort();
        app.store().close().await;
    }
}

#[tokio::test]
async fn the_webhook_refuses_bad_signatures_and_counts_each_event_once() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let body = serde_json::json!({"events": [
            {"event_id": "e1", "message_id": "nobody", "kind": "delivered", "at": "2026-12-01T10:00:00+05:00"}
        ]})
        .to_string();
        let unsigned = app
            .ingest_channel_events(SECRET.as_bytes(), None, body.as_bytes())
            .await;
        assert!(
            matches!(unsigned, Err(AppError::Unauthenticated)),
            "{label}"
        );
        let forged = sign(b"another secret", body.as_bytes());
        let forged = app
            .ingest_channel_events(SECRET.as_bytes(), Some(&forged), body.as_bytes())
            .await;
        assert!(matches!(forged, Err(AppError::Unauthenticated)), "{label}");
        let signature = sign(SECRET.as_bytes(), body.as_bytes());
        let first = app
            .ingest_channel_events(SECRET.as_bytes(), Some(&signature), body.as_bytes())
            .await
            .unwrap();
        assert_eq!(
            (first.applied, first.unknown, first.duplicates),
            (0, 1, 0),
            "{label}"
        );
        let second = app
            .ingest_channel_events(SECRET.as_bytes(), Some(&signature), body.as_bytes())
            .await
            .unwrap();
        assert_eq!(second.duplicates, 1, "{label}");
        // A tampered body with the old signature is refused.
        let tampered = body.replace("delivered", "read");
        let refused = app
            .ingest_channel_events(SECRET.as_bytes(), Some(&signature), tampered.as_bytes())
            .await;
        assert!(matches!(refused, Err(AppError::Unauthenticated)), "{label}");
        app.store().close().await;
    }
}

// Several threads: the simulator must keep answering while the test waits for the sender.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sender_killed_mid_batch_loses_nothing_and_sends_nothing_twice() {
    for db in databases().await {
        let label = db.label;
        let app = db.app().await;
        let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
        // Twenty citizens with mobile numbers.
        let mut csv = format!("{HEADER}\n");
        for i in 0..20u16 {
            let birth = format!("2006-01-{:02}", 1 + i % 28);
            csv.push_str(&format!(
                "{},Citizen{i},Test,,male,{birth},,Addr {i},,,+7701{:07},yes,no,no,none,no,no,no\n",
                iin(&birth, Sex::Male, 1000 + i * 10),
                i
            ));
        }
        assert_eq!(
            app.import_citizens(Acting::Operator, root, &csv)
                .await
                .unwrap()
                .imported,
            20
        );
        let appearance = (Utc::now() + chrono::Duration::days(10))
            .with_timezone(&almaty())
            .fixed_offset();
        let campaign = app
            .create_campaign(
                Acting::Operator,
                NewCampaign {
                    unit_id: root,
                    title: "Crash".into(),
                    purpose: Purpose::Evaluation,
                    appearance_place: "Here".into(),
                    appearance_at: appearance,
                },
            )
            .await
            .unwrap();
        app.plan_campaign(Acting::Operator, campaign.id, Selection::default())
            .await
            .unwrap();
        app.release_campaign(Acting::Operator, campaign.id)
            .await
            .unwrap();
        // The gateway answers 300 ms after taking a message: the sender is killed inside that
        // window, after the gateway has the message and before the sender has recorded it.
        let simulator = qorgau_simulator::Simulator::new(qorgau_simulator::Behaviour {
            accept_delay: Duration::from_millis(300),
            ..Default::default()
        });
        let (sim, sim_handle) = simulator.serve(([127, 0, 0, 1], 0).into()).await.unwrap();
        // The sender seals its audit entries with the ring this test's entries were sealed
        // with: a process without it would refuse to start.
        let ring = app.settings().audit_keys.to_text();
        let sender = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_qorgau"))
                .env("QORGAU_LANGUAGE", "en")
                .env("QORGAU_AUDIT_KEY", &ring)
                .args([
                    "--database",
                    &db.url,
                    "conscription",
                    "send",
                    "--batch",
                    "5",
                ])
                .args(["--sms-gateway", &format!("http://{sim}/sms")])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("start the sender")
        };
        let mut child = sender();
        // Kill it once some, but not all, messages were accepted.
        eventually("the sender to get going", || async {
            simulator.stats().accepted >= 3
        })
        .await;
        child.kill().expect("kill the sender");
        child.wait().unwrap();
        let accepted_before = simulator.stats().accepted;
        assert!(
            accepted_before < 20,
            "{label}: the sender finished before it was killed"
        );
        let mut second = sender();
        let status = tokio::task::spawn_blocking(move || second.wait().unwrap())
            .await
            .unwrap();
        assert!(status.success(), "{label}");
        let stats = simulator.stats();
        assert_eq!(
            stats.accepted, 20,
            "{label}: every summons reached the gateway: {stats:?}"
        );
        assert_eq!(simulator.messages().len(), 20, "{label}");
        // The message in flight at the kill was offered again and recognised by its id.
        assert!(
            stats.duplicate_submissions >= 1,
            "{label}: the kill missed the window: {stats:?}"
        );
        let (view, _) = app
            .campaign(
                Acting::Operator,
                campaign.id,
                Utc::now().with_timezone(&almaty()).date_naive(),
            )
            .await
            .unwrap();
        assert_eq!(view.funnel.sent, 20, "{label}: {:?}", view.funnel);
        eprintln!(
            "{label}: killed after {accepted_before} accepted; {} resubmissions deduplicated",
            stats.duplicate_submissions
        );
        sim_handle.abort();
        app.store().close().await;
    }
}
