//! Printable documents: the Plan in the layout of Appendix 1, the Act in the layout of
//! Appendix 2, and the analysis report. Every sentence comes from the catalogue and every datum
//! is escaped for typst.

use qorgau_i18n::{Lang, render};
use qorgau_pdf::text;
use qorgau_rules::safety::PeriodKind;

use crate::printing::{page, pdf, t, t_with};
use crate::{Acting, App, AppError, today_in_almaty};

fn approved_block(lang: &Lang, title: Option<&str>, date: Option<&str>) -> String {
    format!(
        "#align(right)[#block(width: 7cm)[#align(left)[{approved} \\\n{commander} \\\n{who} \\\n{date}]]]\n\n",
        approved = t(lang, "pdf-safety-approved"),
        commander = t(lang, "pdf-safety-commander"),
        who = title.map_or_else(|| t(lang, "pdf-safety-rank-name"), text),
        date = date.map_or_else(
            || "\"\\_\\_\\_\\_\" \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ 20\\_\\_".to_owned(),
            text
        ),
    )
}

fn table_row(cells: &[String]) -> String {
    let mut row = String::new();
    for cell in cells {
        row.push_str(&format!("  [{cell}],\n"));
    }
    row
}

impl App {
    /// The Plan (one version) in the layout of Appendix 1.
    pub async fn plan_pdf(
        &self,
        acting: Acting<'_>,
        lang: &Lang,
        plan_id: i64,
        version: Option<i64>,
    ) -> Result<Vec<u8>, AppError> {
        let view = self.plan(acting, plan_id, version).await?;
        let v = &view.version;
        let approved_on = v.approved_at.map(|at| today_in_almaty(at).to_string());
        let approver = v.approver_title.as_deref();
        let mut markup = page(lang);
        markup.push_str(&approved_block(lang, approver, approved_on.as_deref()));
        markup.push_str(&format!(
            "#align(center)[#text(size: 14pt, weight: \"bold\")[{title}]] \\\n#align(center)[{body}]\n\n",
            title = t_with(lang, "pdf-plan-title", &[("year", view.plan.year.into())]),
            body = text(&view.unit_name),
        ));
        markup.push_str(&format!(
            "{version}\n\n*{goals_label}* {goals}\n\n*{tasks_label}* {tasks}\n\n*{req_label}* {requirements}\n\n",
            version = t_with(
                lang,
                "pdf-plan-version",
                &[("version", v.version.into())]
            ),
            goals_label = t(lang, "pdf-plan-goals"),
            goals = text(&v.goals),
            tasks_label = t(lang, "pdf-plan-tasks"),
            tasks = text(&v.tasks),
            req_label = t(lang, "pdf-plan-requirements"),
            requirements = text(&v.requirements),
        ));
        markup.push_str(
            "#table(columns: (auto, 1fr, auto, auto, auto, auto, auto), stroke: 0.5pt,\n",
        );
        let headers: Vec<String> = [
            "pdf-plan-col-item",
            "pdf-plan-col-name",
            "pdf-plan-col-responsible",
            "pdf-plan-col-monitoring",
            "pdf-plan-col-term",
            "pdf-plan-col-form",
            "pdf-plan-col-mark",
        ]
        .iter()
        .map(|id| format!("*{}*", t(lang, id)))
        .collect();
        markup.push_str(&table_row(&headers));
        markup.push_str(&table_row(
            &(1..=7).map(|n| n.to_string()).collect::<Vec<_>>(),
        ));
        for a in &view.activities {
            let a = &a.activity;
            markup.push_str(&table_row(&[
                a.item_no.to_string(),
                text(&a.name),
                text(&a.responsible),
                text(&a.monitoring),
                a.term.to_string(),
                text(&a.completion_form),
                text(a.completion_mark.as_deref().unwrap_or("")),
            ]));
        }
        markup.push_str(")\n\n#v(1cm)\n");
        markup.push_str(&format!(
            "{deputy} \\\n{rank}\n",
            deputy = t(lang, "pdf-plan-deputy"),
            rank = t(lang, "pdf-safety-rank-name"),
        ));
        pdf(&markup)
    }

    /// The Act in the layout of Appendix 2.
    pub async fn act_pdf(
        &self,
        acting: Acting<'_>,
        lang: &Lang,
        act_id: i64,
    ) -> Result<Vec<u8>, AppError> {
        let view = self.act(acting, act_id).await?;
        let act = &view.act;
        let mut markup = page(lang);
        markup.push_str(&approved_block(lang, None, None));
        markup.push_str(&format!(
            "#align(center)[#text(size: 14pt, weight: \"bold\")[{title}]] \\\n#align(center)[{unit}]\n\n",
            title = t(lang, "pdf-act-title"),
            unit = text(&view.unit_name),
        ));
        let members: Vec<String> = act.members.lines().map(text).collect();
        markup.push_str(&format!(
            "{body}\n\n*{violations_label}*\n\n",
            body = t_with(
                lang,
                "pdf-act-body",
                &[
                    ("grounds", act.grounds.clone().into()),
                    ("chair", act.chair.clone().into()),
                    (
                        "members",
                        act.members.lines().collect::<Vec<_>>().join("; ").into()
                    ),
                    ("from", act.period_from.to_string().into()),
                    ("to", act.period_to.to_string().into()),
                    ("unit", view.unit_name.clone().into()),
                ]
            ),
            violations_label = t(lang, "pdf-act-violations"),
        ));
        if view.violations.is_empty() {
            markup.push_str(&format!("{}\n\n", t(lang, "pdf-act-no-violations")));
        }
        for (index, v) in view.violations.iter().enumerate() {
            let category = render(lang, v.category.message_id(), &[]);
            markup.push_str(&format!(
                "{n}. {category}: {description}\n\n",
                n = index + 1,
                category = text(&category),
                description = text(&v.description),
            ));
        }
        markup.push_str(&format!(
            "*{proposals_label}* {proposals}\n\n{report}\n\n#v(0.8cm)\n{chair_label} {chair}\n\n{members_label} {members}\n\n#v(0.8cm)\n{read}\n\n{commander}\n\n{ack}\n",
            proposals_label = t(lang, "pdf-act-proposals"),
            proposals = text(&act.proposals),
            report = t_with(
                lang,
                "pdf-act-report-by",
                &[("date", act.report_by.to_string().into())]
            ),
            chair_label = t(lang, "pdf-act-chair"),
            chair = text(&act.chair),
            members_label = t(lang, "pdf-act-members"),
            members = members.join("; "),
            read = t(lang, "pdf-act-read"),
            commander = t(lang, "pdf-act-unit-commander"),
            ack = match (&act.acknowledged_by, &act.acknowledged_at) {
                (Some(by), Some(at)) => t_with(
                    lang,
                    "pdf-act-acknowledged",
                    &[
                        ("by", by.clone().into()),
                        ("date", today_in_almaty(*at).to_string().into()),
                    ]
                ),
                _ => t(lang, "pdf-safety-rank-name"),
            },
        ));
        pdf(&markup)
    }

    /// The analysis report for a body and period.
    pub async fn analysis_pdf(
        &self,
        acting: Acting<'_>,
        lang: &Lang,
        body_id: i64,
        kind: PeriodKind,
        year: i32,
        number: u32,
    ) -> Result<Vec<u8>, AppError> {
        let report = self
            .safety_analysis(acting, body_id, kind, year, number)
            .await?;
        let rate = |r: Option<f64>| r.map_or_else(|| "—".to_owned(), |r| format!("{r:.3}"));
        let mut markup = page(lang);
        markup.push_str(&format!(
            "#align(center)[#text(size: 14pt, weight: \"bold\")[{title}]] \\\n#align(center)[{body}]\n\n{period}\n\n",
            title = t(lang, "analysis-title"),
            body = text(&report.body_name),
            period = t_with(
                lang,
                "analysis-period",
                &[
                    ("start", report.period.start.to_string().into()),
                    ("end", report.period.end.to_string().into()),
                    ("previous_start", report.previous_period.start.to_string().into()),
                    ("previous_end", report.previous_period.end.to_string().into()),
                ]
            ),
        ));
        markup.push_str("#table(columns: (1fr, auto, auto), stroke: 0.5pt,\n");
        markup.push_str(&table_row(&[
            String::new(),
            format!("*{}*", t(lang, "analysis-this-period")),
            format!("*{}*", t(lang, "analysis-last-year")),
        ]));
        for (label, now, before) in [
            (
                "analysis-strength",
                format!("{:.0}", report.current.strength),
                format!("{:.0}", report.previous.strength),
            ),
            (
                "analysis-deaths",
                report.current.deaths.to_string(),
                report.previous.deaths.to_string(),
            ),
            (
                "analysis-injuries",
                report.current.injuries.to_string(),
                report.previous.injuries.to_string(),
            ),
            (
                "analysis-deaths-rate",
                rate(report.current.deaths_per_1000),
                rate(report.previous.deaths_per_1000),
            ),
            (
                "analysis-injuries-rate",
                rate(report.current.injuries_per_1000),
                rate(report.previous.injuries_per_1000),
            ),
        ] {
            markup.push_str(&table_row(&[t(lang, label), now, before]));
        }
        markup.push_str(")\n\n");
        markup.push_str(&format!(
            "*{}*\n\n{}\n\n",
            t(lang, "analysis-ranking"),
            text(&report.criterion.render(lang))
        ));
        markup.push_str("#table(columns: (auto, 1fr, auto, auto, auto, 1fr), stroke: 0.5pt,\n");
        markup.push_str(&table_row(&[
            "*\\#*".to_owned(),
            format!("*{}*", t(lang, "field-unit")),
            format!("*{}*", t(lang, "analysis-rate")),
            format!("*{}*", t(lang, "analysis-last-year")),
            format!("*{}*", t(lang, "analysis-change")),
            format!("*{}*", t(lang, "analysis-state")),
        ]));
        for (index, unit) in report.ranking.iter().enumerate() {
            let reasons: Vec<String> = unit.reasons.iter().map(|m| m.render(lang)).collect();
            markup.push_str(&table_row(&[
                (index + 1).to_string(),
                text(&unit.unit_name),
                rate(unit.current.rate),
                rate(unit.previous.rate),
                rate(unit.change),
                if unit.unfavourable {
                    text(&reasons.join(" "))
                } else {
                    t(lang, "analysis-favourable")
                },
            ]));
        }
        markup.push_str(")\n\n");
        let deficiencies: Vec<(&str, i64)> = report
            .deficiencies
            .iter()
            .map(|t| (t.key.message_id(), t.count))
            .collect();
        let causes: Vec<(&str, i64)> = report
            .causes
            .iter()
            .map(|t| (t.key.message_id(), t.count))
            .collect();
        for (label, tallies) in [
            ("analysis-deficiencies", deficiencies),
            ("analysis-causes", causes),
        ] {
            markup.push_str(&format!("*{}*\n\n", t(lang, label)));
            if tallies.is_empty() {
                markup.push_str(&format!("{}\n\n", t(lang, "analysis-none")));
            }
            for (id, count) in tallies {
                let name = render(lang, id, &[]);
                markup.push_str(&format!("- {} ({})\n", text(&name), count));
            }
            markup.push('\n');
        }
        markup.push_str(&format!("*{}*\n\n", t(lang, "analysis-conclusions")));
        match &report.conclusions {
            Some(done) => markup.push_str(&format!(
                "{}\n\n*{}*\n\n{}\n",
                text(&done.conclusions),
                t(lang, "analysis-measures"),
                text(&done.measures)
            )),
            None => markup.push_str(&format!("{}\n", t(lang, "analysis-conclusions-missing"))),
        }
        pdf(&markup)
    }
}
