//! The printable documents speak the reader's language: the paper summons, the referral list,
//! the Plan, the Act and the analysis are printed in Kazakh, Russian and English, and their
//! text is read back from the PDF.

use chrono::{TimeZone, Utc};
use qorgau_app::conscription::{NewCampaign, Selection};
use qorgau_app::safety::plans::NewPlan;
use qorgau_app::{Acting, Clock};
use qorgau_i18n::{Lang, Language, render};
use qorgau_rules::almaty;
use qorgau_rules::conscription::{Purpose, Sex};

use crate::conscription::register_csv;
use crate::kit::databases;
use crate::safety::{act, activity, draft, structure};

/// The letters of Kazakh that Russian does not have.
const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

/// A text without its whitespace: extraction breaks lines and spaces words its own way.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The PDF's text holds message `id` as `language` renders it, and, in another language than
/// English, not the English one; a Kazakh document has the letters of Kazakh.
fn assert_prints(pdf: &[u8], language: Language, id: &str, document: &str) {
    let text = pdf_extract::extract_text_from_mem(pdf)
        .unwrap_or_else(|e| panic!("{document} in {language}: no text: {e}"));
    let text = squeezed(&text);
    let expected = squeezed(&render(&language.lang(), id, &[]));
    assert!(
        text.contains(&expected),
        "{document} in {language}: {expected:?} is not in {text:?}"
    );
    if language != Language::English {
        let english = squeezed(&render(&Lang::english(), id, &[]));
        assert!(
            !text.contains(&english),
            "{document} in {language}: the English {english:?} is in {text:?}"
        );
    }
    if language == Language::Kazakh {
        assert!(
            text.chars().any(|c| KAZAKH_LETTERS.contains(c)),
            "{document} in {language}: no Kazakh letter in {text:?}"
        );
    }
}

#[tokio::test]
async fn documents_print_in_the_readers_language() {
    let db = databases().await.remove(0);
    // 2026-12-01 10:00 in Almaty.
    let clock = Clock::settable(Utc.with_ymd_and_hms(2026, 12, 1, 5, 0, 0).unwrap());
    let app = db.app_with_clock(clock.clone()).await;

    // A campaign with one paper summons.
    let root = app.ensure_root("Republic of Kazakhstan").await.unwrap().id;
    let (csv, _) = register_csv();
    app.import_citizens(Acting::Operator, root, &csv)
        .await
        .unwrap();
    let campaign = app
        .create_campaign(
            Acting::Operator,
            NewCampaign {
                unit_id: root,
                title: "Autumn medical examination".into(),
                purpose: Purpose::MedicalExamination,
                appearance_place: "Astana city defence department".into(),
                appearance_at: almaty().with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap(),
            },
        )
        .await
        .unwrap();
    app.plan_campaign(
        Acting::Operator,
        campaign.id,
        Selection {
            sex: Some(Sex::Male),
            ..Selection::default()
        },
    )
    .await
    .unwrap();

    // A Plan and an Act of a command body.
    let units = structure(&app).await;
    let plan = app
        .create_plan(
            Acting::Operator,
            NewPlan {
                unit_id: units.command,
                year: 2027,
                draft: draft(vec![activity(1, "2027-01-15")]),
            },
        )
        .await
        .unwrap();
    let recorded = app
        .record_act(
            Acting::Operator,
            act(
                &units,
                units.services[1],
                "2026-11-20",
                "2026-11-21",
                &["weapons_handling"],
            ),
        )
        .await
        .unwrap();

    for &language in Language::ALL {
        let lang = language.lang();
        let paper = app
            .paper_summonses_pdf(Acting::Operator, &lang, campaign.id)
            .await
            .unwrap();
        assert_prints(&paper, language, "pdf-summons-title", "the paper summons");
        let referrals = app
            .referrals_pdf(Acting::Operator, &lang, campaign.id, clock.today())
            .await
            .unwrap();
        assert_prints(
            &referrals,
            language,
            "pdf-referral-basis",
            "the referral list",
        );
        let plan_pdf = app
            .plan_pdf(Acting::Operator, &lang, plan.plan.id, None)
            .await
            .unwrap();
        assert_prints(&plan_pdf, language, "pdf-plan-goals", "the Plan");
        let act_pdf = app
            .act_pdf(Acting::Operator, &lang, recorded.act.id)
            .await
            .unwrap();
        assert_prints(&act_pdf, language, "pdf-act-title", "the Act");
        let analysis_pdf = app
            .analysis_pdf(
                Acting::Operator,
                &lang,
                units.command,
                qorgau_rules::safety::PeriodKind::Year,
                2026,
                1,
            )
            .await
            .unwrap();
        assert_prints(&analysis_pdf, language, "analysis-title", "the analysis");
    }
    app.store().close().await;
}
