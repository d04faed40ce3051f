//! The closed word lists of the security of military service that no rule decides on but every
//! layer stores, validates and shows: what an Act found, what an incident was, its cause and
//! the task it happened in, the kinds of training, and where a Plan or an analysis stands.
//!
//! The lists a rule reads live beside that rule: [`PeriodKind`](super::PeriodKind),
//! [`PlanChange`](super::PlanChange), [`Echelon`](super::Echelon),
//! [`CoverageOutlook`](super::CoverageOutlook), [`Activity`](super::Activity) and
//! [`Exercise`](super::Exercise).

qorgau_i18n::vocabulary! {
    /// Categories of violation an Act records; the analysis counts them as characteristic
    /// deficiencies (para 16.2).
    #[derive(Debug)]
    pub enum ViolationCategory: "violation-" {
        WeaponsHandling = "weapons_handling",
        VehicleOperation = "vehicle_operation",
        EquipmentOperation = "equipment_operation",
        TrainingGroundSafety = "training_ground_safety",
        FireSafety = "fire_safety",
        ElectricalSafety = "electrical_safety",
        DailyDuty = "daily_duty",
        RelationsBetweenServicemen = "relations_between_servicemen",
        HealthAndSanitation = "health_and_sanitation",
        PlanningAndDocumentation = "planning_and_documentation",
        Other = "other",
    }
}

qorgau_i18n::vocabulary! {
    /// Causes of deaths and injuries (para 12.2).
    #[derive(Debug)]
    pub enum Cause: "cause-" {
        TrafficAccident = "traffic_accident",
        WeaponsHandling = "weapons_handling",
        EquipmentOperation = "equipment_operation",
        TrainingAccident = "training_accident",
        Fall = "fall",
        Drowning = "drowning",
        ElectricShock = "electric_shock",
        Fire = "fire",
        Violence = "violence",
        Suicide = "suicide",
        Illness = "illness",
        Other = "other",
    }
}

qorgau_i18n::vocabulary! {
    /// What the serviceman was doing when a death or injury happened (para 12.2: the
    /// peculiarities of the tasks). Wider than the [`Activity`](super::Activity) an exercise
    /// precedes: it includes household work and time off duty.
    #[derive(Debug)]
    pub enum IncidentActivity: "activity-" {
        CombatTraining = "combat_training",
        FieldExercise = "field_exercise",
        TroopMovement = "troop_movement",
        WeaponsAndEquipmentWork = "weapons_and_equipment_work",
        DailyDuty = "daily_duty",
        HouseholdWork = "household_work",
        OffDuty = "off_duty",
    }
}

qorgau_i18n::vocabulary! {
    /// Kinds of incident: a death, or one of the three injuries of para 18.2.
    #[derive(Debug)]
    pub enum IncidentKind: "incident-" {
        Death = "death",
        Wound = "wound",
        Injury = "injury",
        Contusion = "contusion",
    }
}

impl IncidentKind {
    /// Whether the incident is a death (para 18.1) rather than an injury (para 18.2).
    pub fn is_death(self) -> bool {
        self == IncidentKind::Death
    }
}

qorgau_i18n::vocabulary! {
    /// Kinds of training event (para 11): a special exercise before an activity, or a month or
    /// decade campaign. Not the [`Exercise`](super::Exercise) a rule requires, which names the
    /// scale of a special exercise.
    #[derive(Debug)]
    pub enum TrainingKind: "training-" {
        SpecialExercise = "special_exercise",
        MonthCampaign = "month_campaign",
        DecadeCampaign = "decade_campaign",
    }
}

qorgau_i18n::vocabulary! {
    /// Where a Plan stands.
    #[derive(Debug)]
    pub enum PlanStatus: "plan-status-" {
        /// No version approved yet.
        Draft = "draft",
        /// The current version is approved.
        Approved = "approved",
        /// An approved version is in force and a revision is being drafted.
        Revising = "revising",
    }
}

qorgau_i18n::vocabulary! {
    /// Where an analysis a body owes stands against its deadline (para 20).
    #[derive(Debug)]
    pub enum ScheduleStatus: "safety-schedule-status-" {
        Completed = "completed",
        Open = "open",
        Late = "late",
    }
}
