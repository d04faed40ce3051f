//! The closed word lists of conscription that the register, the campaigns and the channels
//! store, send and show, each spelled once. The vocabularies the rules themselves decide on
//! ([`Sex`](super::Sex), [`Channel`](super::Channel), [`Notified`](super::Notified),
//! [`FollowUp`](super::FollowUp), [`RemovalReason`](super::RemovalReason)) stay with their rules.

qorgau_i18n::vocabulary! {
    /// What a campaign summons citizens for (003, "Duties of citizens subject to conscription").
    #[derive(Debug)]
    pub enum Purpose: "purpose-" {
        MedicalExamination = "medical_examination",
        Evaluation = "evaluation",
        ConscriptionCommission = "conscription_commission",
        DispatchToUnit = "dispatch_to_unit",
        Assignment = "assignment",
    }
}

qorgau_i18n::vocabulary! {
    /// Where a campaign stands: drafted, planned, its summonses going out, or closed.
    #[derive(Debug)]
    pub enum CampaignStatus: "campaign-status-" {
        Draft = "draft",
        Planned = "planned",
        Sending = "sending",
        Closed = "closed",
    }
}

qorgau_i18n::vocabulary! {
    /// What a channel (the SMS gateway, the e-Gov portal) reports about a message.
    #[derive(Debug)]
    pub enum EventKind: "channel-event-" {
        /// The gateway's delivery confirmation report.
        Delivered = "delivered",
        /// The citizen read the message.
        Read = "read",
        /// The message could not be delivered.
        Failed = "failed",
        /// The number no longer belongs to the citizen.
        NumberChanged = "number_changed",
    }
}

qorgau_i18n::vocabulary! {
    /// What became of a reported event: applied to its summons, or kept although no summons
    /// has its message id.
    #[derive(Debug)]
    pub enum EventOutcome: "channel-event-outcome-" {
        Applied = "applied",
        UnknownMessage = "unknown_message",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_words_are_unchanged() {
        let words: Vec<&str> = Purpose::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(
            words,
            [
                "medical_examination",
                "evaluation",
                "conscription_commission",
                "dispatch_to_unit",
                "assignment"
            ]
        );
        assert_eq!(
            "sending".parse::<CampaignStatus>(),
            Ok(CampaignStatus::Sending)
        );
        assert_eq!(EventKind::NumberChanged.as_str(), "number_changed");
        assert!("bounced".parse::<EventKind>().is_err());
        assert_eq!(
            EventOutcome::UnknownMessage.message_id(),
            "channel-event-outcome-unknown-message"
        );
    }
}
