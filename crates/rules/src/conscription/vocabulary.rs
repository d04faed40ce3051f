//! The closed word lists of conscription that the register, the campaigns and the channels
//! store, send and show, each spelled once, and the kinds of military service and of
//! conscription as reference data with their clauses. The vocabularies the rules themselves
//! decide on ([`Sex`](super::Sex), [`Channel`](super::Channel), [`Notified`](super::Notified),
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

qorgau_i18n::vocabulary! {
    /// The kinds of military service (003, "Military service content"): conscription military
    /// service (para 2) and military service under contract (para 3). Reference data: each
    /// kind names its clause ([`ServiceKind::clause`]).
    #[derive(Debug)]
    pub enum ServiceKind: "service-kind-" {
        /// Urgent military service of soldiers (sailors).
        Urgent = "urgent",
        /// Military service of reserve officers.
        ReserveOfficers = "reserve_officers",
        /// Military service during mobilization, martial law, during wartime and during
        /// military training.
        MobilizationWartimeTraining = "mobilization_wartime_training",
        /// Military service under contract in the positions of soldiers (sailors), sergeants
        /// (foremen) and officers.
        ContractPositions = "contract_positions",
        /// Military service and training of cadets and students of military educational
        /// institutions.
        CadetsAndStudents = "cadets_and_students",
    }
}

impl ServiceKind {
    /// The clause of 003 that names this kind of service.
    pub fn clause(self) -> &'static str {
        match self {
            ServiceKind::Urgent => "kz-egov-military-service/sec_5__para_2__item_1",
            ServiceKind::ReserveOfficers => "kz-egov-military-service/sec_5__para_2__item_2",
            ServiceKind::MobilizationWartimeTraining => {
                "kz-egov-military-service/sec_5__para_2__item_3"
            }
            ServiceKind::ContractPositions => "kz-egov-military-service/sec_5__para_3__item_1",
            ServiceKind::CadetsAndStudents => "kz-egov-military-service/sec_5__para_3__item_2",
        }
    }

    /// Whether this is conscription military service (para 2, "Conscription military service
    /// includes"), not military service under contract (para 3).
    pub fn is_conscription(self) -> bool {
        matches!(
            self,
            ServiceKind::Urgent
                | ServiceKind::ReserveOfficers
                | ServiceKind::MobilizationWartimeTraining
        )
    }
}

qorgau_i18n::vocabulary! {
    /// The kinds of conscription for military service (003, "Conscription of citizens for
    /// military service", para 2). Reference data: each kind names its clause
    /// ([`ConscriptionKind::clause`]).
    #[derive(Debug)]
    pub enum ConscriptionKind: "conscription-kind-" {
        /// Conscription of citizens for military service.
        Citizens = "citizens",
        /// Conscription of reserve officers for military service.
        ReserveOfficers = "reserve_officers",
        /// Conscription for military training.
        MilitaryTraining = "military_training",
        /// Conscription under mobilization, martial law and in wartime.
        MobilizationMartialLawWartime = "mobilization_martial_law_wartime",
    }
}

impl ConscriptionKind {
    /// The clause of 003 that names this kind of conscription.
    pub fn clause(self) -> &'static str {
        match self {
            ConscriptionKind::Citizens => "kz-egov-military-service/sec_6__para_2__item_1",
            ConscriptionKind::ReserveOfficers => "kz-egov-military-service/sec_6__para_2__item_2",
            ConscriptionKind::MilitaryTraining => "kz-egov-military-service/sec_6__para_2__item_3",
            ConscriptionKind::MobilizationMartialLawWartime => {
                "kz-egov-military-service/sec_6__para_2__item_4"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_service_and_of_conscription_names_a_clause_of_the_corpus_and_a_label() {
        let kinds = ServiceKind::ALL
            .iter()
            .map(|k| (k.clause(), k.message_id()))
            .chain(
                ConscriptionKind::ALL
                    .iter()
                    .map(|k| (k.clause(), k.message_id())),
            );
        let mut seen: Vec<&str> = Vec::new();
        for (clause, label) in kinds {
            let id = qorgau_law::ClauseId::parse(clause)
                .unwrap_or_else(|e| panic!("{clause} is not a clause id: {e}"));
            assert!(
                qorgau_law::shipped().locate(&id).is_some(),
                "{clause} is not a clause of the corpus"
            );
            assert!(!seen.contains(&clause), "{clause} is named twice");
            seen.push(clause);
            assert!(qorgau_i18n::has_message(label), "{label} has no label");
        }
        // Para 2 lists conscription military service, para 3 service under contract.
        for kind in ServiceKind::ALL {
            let para = if kind.is_conscription() {
                "/sec_5__para_2__"
            } else {
                "/sec_5__para_3__"
            };
            assert!(kind.clause().contains(para), "{kind:?}: {}", kind.clause());
        }
        assert_eq!(
            ServiceKind::CadetsAndStudents.message_id(),
            "service-kind-cadets-and-students"
        );
        assert_eq!(
            ConscriptionKind::MobilizationMartialLawWartime.message_id(),
            "conscription-kind-mobilization-martial-law-wartime"
        );
    }

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
