//! Printable documents of a campaign: the batch of paper summonses (one page each, with the
//! address, a signature line and the deliverer's note of a refusal, 003 "Conscription of
//! citizens") and the referral list for the internal affairs body.
use chrono::{DateTime, NaiveDate, Utc};
use qorgau_i18n::{Lang, render};
use qorgau_pdf::text;
use qorgau_rules::conscription::Channel;

use super::campaigns::SummonsView;
use crate::printing::{page, pdf, t, t_with};
use crate::{Acting, App, AppError};

/// An instant as its Almaty date and time of day ("2026-12-03", "09:00").
fn in_almaty(at: DateTime<Utc>) -> (String, String) {
    let local = at.with_timezone(&qorgau_rules::almaty());
    (
        local.format("%Y-%m-%d").to_string(),
        local.format("%H:%M").to_string(),
    )
}

impl App {
    /// The campaign's paper summonses (in person or by mail), one page each.
    pub async fn paper_summonses_pdf(
        &self,
        acting: Acting<'_>,
        lang: &Lang,
        campaign_id: i64,
    ) -> Result<Vec<u8>, AppError> {
        let (view, summonses) = self
            .campaign(acting, campaign_id, self.clock().today())
            .await?;
        let campaign = &view.campaign;
        let purpose = render(lang, campaign.purpose.message_id(), &[]);
        let mut markup = page(lang);
        let paper: Vec<&SummonsView> = summonses
            .iter()
            .filter(|s| {
                matches!(
                    s.summons.channel,
                    Channel::PaperPersonal | Channel::PaperMail
                )
            })
            .collect();
        if paper.is_empty() {
            markup.push_str(&t(lang, "pdf-summons-none"));
        }
        for (index, s) in paper.iter().enumerate() {
            if index > 0 {
                markup.push_str("\n#pagebreak()\n");
            }
            let (date, time) = in_almaty(s.summons.appearance_at);
            let channel = render(lang, s.summons.channel.message_id(), &[]);
            markup.push_str(&format!(
                "#align(center)[#text(size: 16pt, weight: \"bold\")[{title}]]\n\
                 #align(right)[{number}]\n\n\
                 *{to}* {name} \\\n{iin} \\\n{address}\n\n\
                 {body}\n\n{bring}\n\n{basis}\n\n\
                 #v(1cm)\n{received}\n\n#v(0.5cm)\n{refused}\n",
                title = t(lang, "pdf-summons-title"),
                number = t_with(
                    lang,
                    "pdf-summons-number",
                    &[
                        ("id", s.summons.id.to_string().into()),
                        ("channel", channel.into())
                    ]
                ),
                to = t(lang, "pdf-summons-to"),
                name = text(&s.citizen_name),
                iin = t_with(
                    lang,
                    "pdf-summons-iin",
                    &[("iin", s.citizen_iin.clone().into())]
                ),
                address = text(&s.summons.recipient),
                body = t_with(
                    lang,
                    "pdf-summons-body",
                    &[
                        ("place", campaign.appearance_place.clone().into()),
                        ("date", date.into()),
                        ("time", time.into()),
                        ("purpose", purpose.clone().into()),
                    ]
                ),
                bring = t(lang, "pdf-summons-bring"),
                basis = t(lang, "pdf-summons-basis"),
                received = t(lang, "pdf-summons-received"),
                refused = t(lang, "pdf-summons-refused"),
            ));
        }
        pdf(&markup)
    }

    /// The referral list on `as_of` as PDF.
    pub async fn referrals_pdf(
        &self,
        acting: Acting<'_>,
        lang: &Lang,
        campaign_id: i64,
        as_of: NaiveDate,
    ) -> Result<Vec<u8>, AppError> {
        let (view, _) = self.campaign(acting, campaign_id, as_of).await?;
        let list = self.referrals(acting, campaign_id, as_of).await?;
        let mut markup = page(lang);
        markup.push_str(&format!(
            "#text(size: 14pt, weight: \"bold\")[{}]\n\n{}\n\n",
            t_with(
                lang,
                "referral-title",
                &[("campaign", view.campaign.title.clone().into())]
            ),
            t_with(
                lang,
                "referral-intro",
                &[("date", as_of.to_string().into())]
            ),
        ));
        if list.is_empty() {
            markup.push_str(&t(lang, "referral-none"));
        } else {
            markup.push_str("#table(columns: (auto, 1fr, auto, auto, 1fr), stroke: 0.5pt,\n");
            for header in [
                "field-iin",
                "field-name",
                "field-channel",
                "field-appearance",
                "field-reason",
            ] {
                markup.push_str(&format!("  [*{}*],\n", t(lang, header)));
            }
            for r in &list {
                let (date, time) = in_almaty(r.summons.appearance_at);
                let channel = render(lang, r.summons.channel.message_id(), &[]);
                // The reason as the law names it, with the citizen's words for another one.
                let reason = match &r.summons.excuse {
                    Some(e) => {
                        let label = render(lang, e.reason.message_id(), &[]);
                        match &e.text {
                            Some(words) => format!("{label}: {words}"),
                            None => label,
                        }
                    }
                    None => String::new(),
                };
                markup.push_str(&format!(
                    "  [{}], [{}], [{}], [{}], [{}],\n",
                    text(&r.citizen_iin),
                    text(&r.citizen_name),
                    text(&channel),
                    text(&format!("{date} {time}")),
                    text(&reason),
                ));
            }
            markup.push_str(")\n");
        }
        markup.push_str(&format!("\n#v(1cm)\n{}\n", t(lang, "pdf-referral-basis")));
        pdf(&markup)
    }
}
