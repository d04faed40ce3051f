//! The closed vocabularies of the competence index (`competences.rs`): who holds a power the
//! five texts give, and what kind of power it is. Each holder is named as the texts name it;
//! where two texts name the same body in different words (the 2012 translation of 002 against
//! the current text of 000), both names are kept apart unless the words say the same thing.

qorgau_i18n::vocabulary! {
    /// Who holds a power the texts give.
    #[derive(Debug, PartialOrd, Ord, schemars::JsonSchema)]
    pub enum Holder: "defense-holder-" {
        /// The President of the Republic of Kazakhstan (002 Art. 10, 11.2; 004 para 1; 000 item 3).
        President = "president",
        /// The First President of the Republic of Kazakhstan – Elbasy (004 para 2).
        FirstPresident = "first_president",
        /// The Parliament of the Republic of Kazakhstan (002 Art. 12).
        Parliament = "parliament",
        /// The Government of the Republic of Kazakhstan (002 Art. 13, 22.9; 000 item 3).
        Government = "government",
        /// The Security Council of the Republic of Kazakhstan (002 Art. 11; 004).
        SecurityCouncil = "security_council",
        /// The courts (002 Art. 14).
        Courts = "courts",
        /// The Prosecutor's Office of the Republic of Kazakhstan (002 Art. 27).
        ProsecutorsOffice = "prosecutors_office",
        /// The Ministry of Defense (000 Art. 22; 002 Art. 15.1.6).
        MinistryOfDefense = "ministry_of_defense",
        /// The Minister of Defense, who issued Order No. 738 (001).
        MinisterOfDefense = "minister_of_defense",
        /// The First Deputy Minister of Defense – Chief of the General Staff (001, order para 3).
        FirstDeputyMinisterOfDefense = "first_deputy_minister_of_defense",
        /// The Main Directorate of the Military Police of the Armed Forces (001, order para 2).
        MainDirectorateOfMilitaryPolice = "main_directorate_of_military_police",
        /// The military command and control bodies, the subjects of the security of military
        /// service (001 para 2.3).
        MilitaryCommandBodies = "military_command_bodies",
        /// The commanders (chiefs) of military command and control bodies (001 paras 5, 6, 8, 20;
        /// Appendices 1 and 2).
        CommandersOfCommandBodies = "commanders_of_command_bodies",
        /// The deputy (assistant) commander (chief) of the military command and control body, who
        /// signs the Plan (001 Appendix 1).
        DeputyCommander = "deputy_commander",
        /// The officials of the military command and control bodies (001 para 8).
        OfficialsOfCommandBodies = "officials_of_command_bodies",
        /// The Commission, its chairperson and members, that monitors the state of work and signs
        /// the act (001 Appendix 2).
        MonitoringCommission = "monitoring_commission",
        /// The commander (chief) of the unit of the military command and control body that was
        /// monitored (001 Appendix 2).
        UnitCommander = "unit_commander",
        /// The responsible persons (performers) of the activities of the Plan (001 Appendix 1).
        ResponsiblePersons = "responsible_persons",
        /// The monitoring persons of the activities of the Plan (001 Appendix 1).
        MonitoringPersons = "monitoring_persons",
        /// The commander (chief) of a military unit (institution) (003 sec 1).
        MilitaryUnitCommander = "military_unit_commander",
        /// The head of a military or specialized educational institution (003 sec 1).
        HeadOfMilitaryEducationalInstitution = "head_of_military_educational_institution",
        /// The head of the authorized body that assigns citizens to study abroad (003 sec 1).
        HeadOfAuthorisedBody = "head_of_authorised_body",
        /// The head of the authorized state body whose military units receive conditional names
        /// (000 item 26-3).
        HeadOfAuthorisedStateBody = "head_of_authorised_state_body",
        /// The local military administration bodies (local military authorities) (003).
        LocalMilitaryAdministrationBodies = "local_military_administration_bodies",
        /// The head of the organization where a citizen works, who may deliver a paper summons
        /// (003 sec 7.3).
        HeadOfOrganisation = "head_of_organisation",
        /// A postal courier, who may deliver a paper summons (003 sec 7.3).
        PostalCourier = "postal_courier",
        /// The internal affairs bodies (002 Art. 15.1.5; 003 sec 7.10).
        InternalAffairsBodies = "internal_affairs_bodies",
        /// The citizens of the Republic of Kazakhstan (002; 003 para 1).
        Citizens = "citizens",
        /// The citizens subject to conscription (003 sec 7).
        CitizensSubjectToConscription = "citizens_subject_to_conscription",
        /// The educational organizations that give military training (003 sec 2.2).
        EducationalOrganisations = "educational_organisations",
        /// The state bodies: "public bodies" (002 Art. 15.2), "state agencies", "government
        /// agencies" (002, 003).
        StateBodies = "state_bodies",
        /// The organizations (002 Arts. 18-24).
        Organisations = "organisations",
        /// The officials (002 Arts. 9, 19-24).
        Officials = "officials",
        /// The heads of state bodies ("heads of government", 002 Art. 21.3; "first heads of state
        /// bodies", 004 function 6).
        HeadsOfStateBodies = "heads_of_state_bodies",
        /// The State, the Republic of Kazakhstan acting as such (002 Arts. 17, 18.2, 21-23, 25).
        State = "state",
        /// The forces of national security (002 Art. 9).
        NationalSecurityForces = "national_security_forces",
        /// The system of ensuring national security (002 Arts. 7, 8).
        NationalSecuritySystem = "national_security_system",
        /// The Armed Forces, other troops and military formations (002 Art. 20.5).
        ArmedForces = "armed_forces",
        /// The heads of the authorized bodies that carry out interagency coordination in an area
        /// of national security (002 Art. 18.4).
        HeadsOfCoordinatingBodies = "heads_of_coordinating_bodies",
        /// The local representative bodies of regions, cities of republican status and the
        /// capital (002 Art. 16).
        LocalRepresentativeBodies = "local_representative_bodies",
        /// The local executive bodies of regions, cities of republican status and the capital
        /// (002 Art. 16; 000 item 26-5).
        LocalExecutiveBodies = "local_executive_bodies",
        /// The Commission on strategic objects under the Government (002 Art. 13).
        CommissionOnStrategicObjects = "commission_on_strategic_objects",
        /// The authorized state bodies that control trunk communication lines and decide on
        /// subsoil-use permits (002 Arts. 22.4, 23.3).
        AuthorisedStateBodies = "authorised_state_bodies",
        /// The head of the operational staff of an anti-terrorist operation (002 Art. 23.4).
        HeadOfOperationalStaff = "head_of_operational_staff",
        /// The national security bodies (002 Art. 15.1.1).
        NationalSecurityBodies = "national_security_bodies",
        /// The authorized body in the field of foreign intelligence (002 Art. 15.1.2).
        ForeignIntelligenceBody = "foreign_intelligence_body",
        /// The Executive Protective Service of the President (002 Art. 15.1.3).
        ExecutiveProtectiveService = "executive_protective_service",
        /// The financial police bodies (002 Art. 15.1.4).
        FinancialPolice = "financial_police",
        /// The authorized body in the sphere of foreign policy (002 Art. 15.1.7).
        ForeignPolicyBody = "foreign_policy_body",
        /// The authorized body in the field of communications and information (002 Arts. 15.1.8,
        /// 23.4, 23.6).
        CommunicationsAndInformationBody = "communications_and_information_body",
        /// The authorized body in the field of information security (002 Art. 15.1.9).
        InformationSecurityBody = "information_security_body",
        /// The authorized body in the field of environmental protection (002 Art. 15.1.10).
        EnvironmentalProtectionBody = "environmental_protection_body",
        /// The authorized body in the field of public planning (002 Art. 15.1.11).
        PublicPlanningBody = "public_planning_body",
        /// The authorized body in the field of the agro-industrial complex (002 Art. 15.1.12).
        AgroIndustrialBody = "agro_industrial_body",
        /// The authorized body in the field of transport and communications (002 Art. 15.1.13).
        TransportAndCommunicationsBody = "transport_and_communications_body",
        /// The authorized body in the field of finance (002 Art. 15.1.14).
        FinanceBody = "finance_body",
        /// The authorized body in the sphere of industry and industrial-innovative development
        /// (002 Art. 15.1.15).
        IndustryBody = "industry_body",
        /// The authorized body in the field of energy (002 Art. 15.1.16).
        EnergyBody = "energy_body",
        /// The authorized body in the field of emergencies (002 Art. 15.1.17).
        EmergencyBody = "emergency_body",
        /// The judicial bodies (002 Art. 15.1.18).
        JudicialBodies = "judicial_bodies",
        /// The authorized body in the field of social protection (002 Art. 15.1.19).
        SocialProtectionBody = "social_protection_body",
        /// The authorized body in the field of culture (002 Art. 15.1.20).
        CultureBody = "culture_body",
        /// The authorized body in the field of education and science (002 Art. 15.1.21).
        EducationAndScienceBody = "education_and_science_body",
        /// The authorized body in health care (002 Art. 15.1.22; 000 item 26-18).
        HealthCareBody = "health_care_body",
        /// The authorized body in the field of tourism, physical culture and sports (002 Art.
        /// 15.1.23).
        TourismAndSportsBody = "tourism_and_sports_body",
        /// The authorized agency for land management (002 Art. 15.1.24).
        LandManagementBody = "land_management_body",
        /// The authorized body in the field of statistics (002 Art. 15.1.25).
        StatisticsBody = "statistics_body",
        /// The authorized body in the field of competition (002 Art. 15.1.26).
        CompetitionBody = "competition_body",
        /// The authorized body for the study and utilization of mineral resources (002 Art.
        /// 15.1.27).
        MineralResourcesBody = "mineral_resources_body",
        /// The authorized body on religious affairs (002 Art. 15.1.28).
        ReligiousAffairsBody = "religious_affairs_body",
        /// The National Bank of the Republic of Kazakhstan (002 Art. 15.1.29).
        NationalBank = "national_bank",
        /// The Accounts Committee for control over execution of the republican budget (002 Art.
        /// 15.1.30).
        AccountsCommittee = "accounts_committee",
        /// The central authorized body for budget execution (000 item 5-5).
        BudgetExecutionBody = "budget_execution_body",
        /// The central authorized body for budget planning (000 item 22).
        BudgetPlanningBody = "budget_planning_body",
        /// The central executive body responsible for the implementation of state policy in the
        /// field of transport (000 item 16-4).
        TransportBody = "transport_body",
        /// The authorized body in the field of education (000 items 26-20, 26-23).
        EducationBody = "education_body",
    }
}

qorgau_i18n::vocabulary! {
    /// The kind of a power: what its holder does with its object.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Verb: "defense-verb-" {
        Approves = "approves",
        /// Develops, drafts, plans or draws up (never approves).
        Develops = "develops",
        /// Submits, proposes, recommends or advises.
        Submits = "submits",
        Coordinates = "coordinates",
        Organises = "organises",
        /// Controls, monitors, supervises or inspects.
        Controls = "controls",
        /// Carries out, implements, exercises, conducts or pursues.
        CarriesOut = "carries_out",
        /// Determines, defines, recognises or identifies.
        Determines = "determines",
        /// Ensures, provides, maintains or protects.
        Ensures = "ensures",
        /// Participates, assists, interacts or appears.
        Participates = "participates",
        /// Considers, analyses, evaluates, hears or discusses.
        Considers = "considers",
        /// Adopts, decides, promulgates or concludes.
        Adopts = "adopts",
        /// Appoints, assigns or enrols.
        Appoints = "appoints",
        /// Forms, establishes or creates.
        Forms = "forms",
        /// Manages, heads or leads.
        Manages = "manages",
        /// Informs, reports, notifies, summons or delivers.
        Informs = "informs",
        /// Agrees: gives its consent, or the coordination ("in coordination with") another
        /// holder's act needs.
        Agrees = "agrees",
        /// Is the authorized body in a field (000 Art. 22.1).
        IsAuthorisedBody = "is_authorised_body",
    }
}

impl Verb {
    /// The words of a question that ask for this power, lower case, as whole words or stems
    /// a question starts with after "who": "approve", "approves", "affirm", ... No word is
    /// under two verbs; words that could ask for two kinds of power ("issue", "bring",
    /// "make", "sign") are under none.
    pub const fn question_words(self) -> &'static [&'static str] {
        match self {
            Verb::Approves => &[
                "approve",
                "approves",
                "approved",
                "approving",
                "approval",
                "affirm",
                "affirms",
                "affirmed",
                "confirm",
                "confirms",
                "confirmed",
                "endorse",
                "endorses",
            ],
            Verb::Develops => &[
                "develop",
                "develops",
                "developed",
                "developing",
                "draft",
                "drafts",
                "drafted",
                "drafting",
                "elaborate",
                "elaborates",
                "plan",
                "plans",
                "planned",
                "compile",
                "compiles",
                "draw",
                "draws",
                "formulate",
                "formulates",
            ],
            Verb::Submits => &[
                "submit",
                "submits",
                "submitted",
                "submitting",
                "propose",
                "proposes",
                "proposed",
                "recommend",
                "recommends",
                "recommended",
                "advise",
                "advises",
                "present",
                "presents",
            ],
            Verb::Coordinates => &["coordinate", "coordinates", "coordinated", "coordinating"],
            Verb::Organises => &[
                "organise",
                "organises",
                "organised",
                "organising",
                "organize",
                "organizes",
                "organized",
                "organizing",
                "arrange",
                "arranges",
            ],
            Verb::Controls => &[
                "control",
                "controls",
                "controlled",
                "controlling",
                "monitor",
                "monitors",
                "monitored",
                "monitoring",
                "supervise",
                "supervises",
                "supervised",
                "oversee",
                "oversees",
                "inspect",
                "inspects",
                "inspected",
                "check",
                "checks",
                "verify",
                "verifies",
            ],
            Verb::CarriesOut => &[
                "carry",
                "carries",
                "carried",
                "carrying",
                "conduct",
                "conducts",
                "conducted",
                "perform",
                "performs",
                "performed",
                "implement",
                "implements",
                "implemented",
                "implementing",
                "exercise",
                "exercises",
                "execute",
                "executes",
                "pursue",
                "pursues",
                "administer",
                "administers",
                "keep",
                "keeps",
                "transfer",
                "transfers",
                "take",
                "takes",
                "combat",
                "combats",
                "fight",
                "fights",
                "investigate",
                "investigates",
                "counteract",
                "counteracts",
                "train",
                "trains",
                "eliminate",
                "eliminates",
                "compensate",
                "compensates",
                "promote",
                "promotes",
                "regulate",
                "regulates",
            ],
            Verb::Determines => &[
                "determine",
                "determines",
                "determined",
                "define",
                "defines",
                "defined",
                "recognise",
                "recognises",
                "recognize",
                "recognizes",
                "identify",
                "identifies",
                "set",
                "sets",
            ],
            Verb::Ensures => &[
                "ensure",
                "ensures",
                "ensured",
                "ensuring",
                "provide",
                "provides",
                "provided",
                "guarantee",
                "guarantees",
                "maintain",
                "maintains",
                "protect",
                "protects",
                "secure",
                "secures",
                "safeguard",
                "safeguards",
                "prevent",
                "prevents",
                "strengthen",
                "strengthens",
                "support",
                "supports",
                "comply",
                "complies",
                "observe",
                "observes",
            ],
            Verb::Participates => &[
                "participate",
                "participates",
                "participating",
                "assist",
                "assists",
                "facilitate",
                "facilitates",
                "interact",
                "interacts",
                "cooperate",
                "cooperates",
                "contribute",
                "contributes",
                "involved",
            ],
            Verb::Considers => &[
                "consider",
                "considers",
                "considered",
                "review",
                "reviews",
                "reviewed",
                "hear",
                "hears",
                "heard",
                "discuss",
                "discusses",
                "discussed",
                "analyse",
                "analyses",
                "analysed",
                "analyze",
                "analyzes",
                "analyzed",
                "evaluate",
                "evaluates",
                "assess",
                "assesses",
                "study",
                "studies",
                "forecast",
                "forecasts",
                "examine",
                "examines",
            ],
            Verb::Adopts => &[
                "adopt",
                "adopts",
                "adopted",
                "adopting",
                "decide",
                "decides",
                "decided",
                "promulgate",
                "promulgates",
                "conclude",
                "concludes",
                "introduce",
                "introduces",
                "enact",
                "enacts",
                "grant",
                "grants",
            ],
            Verb::Appoints => &[
                "appoint",
                "appoints",
                "appointed",
                "assign",
                "assigns",
                "assigned",
                "enrol",
                "enrols",
                "enroll",
                "enrolls",
                "enrolled",
                "nominate",
                "nominates",
            ],
            Verb::Forms => &[
                "form",
                "forms",
                "formed",
                "establish",
                "establishes",
                "established",
                "create",
                "creates",
                "created",
            ],
            Verb::Manages => &[
                "manage", "manages", "managed", "managing", "head", "heads", "headed", "lead",
                "leads", "led", "direct", "directs", "command", "commands", "govern", "governs",
                "chair", "chairs",
            ],
            Verb::Informs => &[
                "inform",
                "informs",
                "informed",
                "report",
                "reports",
                "reported",
                "notify",
                "notifies",
                "notified",
                "send",
                "sends",
                "sent",
                "deliver",
                "delivers",
                "delivered",
                "summon",
                "summons",
                "summoned",
                "communicate",
                "communicates",
                "warn",
                "warns",
            ],
            Verb::Agrees => &[
                "agree", "agrees", "agreed", "consent", "consents", "concur", "concurs",
            ],
            Verb::IsAuthorisedBody => &["authorised", "authorized"],
        }
    }
}
