# Qorgau: the English message catalogue. Every sentence a person reads is here.

## The application

app-name = Qorgau
app-tagline = Defence and national security law, at work
page-title = { $title } · Qorgau
signed-in-as = Signed in as { $name }

## Navigation

nav-label = Main navigation
nav-later = (coming)
nav-later-title = This module is not available in this version yet.
nav-home = Home
nav-home-about = Your scope and your modules.
nav-law = Law
nav-law-about = The acts in force, their clauses and amendments, with full-text search.
nav-safety = Security of military service
nav-safety-about = Safety plans, training, inspections and acts, incidents, and analysis per 1,000 personnel.
nav-conscription = Conscription and registration
nav-conscription-about = The citizen register, summons campaigns and their outcome.
nav-security = National security
nav-security-about = Competences, the threat register, strategic indicators and Security Council decisions.
nav-rules = Rules
nav-rules-about = Every rule with the clauses it cites; evaluate one on your facts.
nav-org = Organisation
nav-org-about = The tree of bodies and units that every role is granted on.
nav-users = Users
nav-users-about = Accounts and their roles.
nav-audit = Audit
nav-audit-about = Every change, hash-chained, and the chain's verification.
nav-account = My account
nav-account-about = Your password and API tokens.

## Actions

action-sign-in = Sign in
action-sign-out = Sign out
action-back-home = Back to the home page
action-change-password = Change password
action-create-token = Create token
action-revoke = Revoke
action-create-user = Create user
action-enable = Enable account
action-disable = Disable account
action-reset-password = Issue a new one-time password
action-remove = Remove
action-add-role = Add role
action-create-unit = Add unit
action-evaluate = Evaluate

## Fields

field-username = Username
field-password = Password
field-current-password = Current password
field-new-password = New password
field-repeat-password = New password again
field-display-name = Full name
field-role = Role
field-roles = Roles
field-unit = Unit
field-parent-unit = Parent unit
field-name = Name
field-kind = Kind
field-status = Status
field-prefix = Begins with
field-created = Created
field-token-name = What the token is for
field-rule = Rule
field-title = Title
field-citations = Cites
field-facts = Facts (JSON)
field-as-of = As of
field-outcome = Outcome
field-explanation = Why
field-when = When (UTC)
field-who = Who
field-action = Action
field-record = Record
field-change = Before / after

## Roles

role-administrator = Administrator
role-commander = Commander
role-safety-officer = Safety officer
role-inspector = Inspector
role-registration-officer = Military registration officer
role-analyst = Analyst
role-council-secretariat = Security Council secretariat
role-auditor = Auditor (read-only)

## Sign-in

login-title = Sign in to Qorgau

## Home

home-welcome = Welcome, { $name }
home-scope-title = Your scope
home-scope-intro = You see and change only what belongs to these units and the units below them, as far as each role allows.
home-no-grants = You hold no role yet. Ask an administrator to grant you one.
home-modules-title = Modules

## Account

account-title = My account
account-must-change = You signed in with a one-time password. Choose your own password before you continue.
account-password-title = Password
tokens-title = API tokens
tokens-intro = Machine clients call the API with a token in the header "Authorization: Bearer …". A token acts with your roles.
token-shown-once = Copy this token now: it is shown only once.
token-created = The token was created.
token-revoked = The token was revoked.
token-active = Active
token-revoked-at = Revoked { $at }

## Users

users-title = Users
users-create-title = New user
users-created = User { $username } was created. Hand over this one-time password; it is shown only once:
users-reset-done = A new one-time password was issued. Hand it over; it is shown only once:
users-disabled = The account was disabled and its sessions ended.
users-enabled = The account was enabled.
users-grants-changed = The roles were changed.
user-home-unit = Belongs to: { $unit }
user-status-active = Active
user-status-disabled = Disabled
user-status-locked = Locked after failed sign-ins until { $until } (UTC)
user-status-pending = Waiting for the first sign-in

## Organisation

org-title = Organisation
org-create-title = Add a unit

## Rules

rules-title = Rules
rules-intro = Each rule is a function of facts and a date. Its decision cites the clauses it rests on and explains itself.
rule-facts-schema = Facts it needs (JSON Schema)
rule-evaluate-title = Evaluate
rule-decision-title = Decision

rule-safety-plan-due-title = Last day to approve the Plan for ensuring the security of military service
rule-safety-plan-due-basis = Commanders approve the Plan for the coming year before 25 December, so the Plan for { $year } must be approved by { $last_day }.
rule-safety-plan-due-remaining = On { $as_of }, { $days ->
        [0] the last day is today.
        [one] one day remains.
       *[other] { $days } days remain.
    }
rule-safety-plan-due-passed = On { $as_of }, the last day passed { $days ->
        [one] one day ago.
       *[other] { $days } days ago.
    }
rule-safety-plan-revision-title = Whether the Plan for ensuring the security of military service must be revised
rule-safety-plan-revision-conditions = The conditions of the troops' daily activities changed, and the Plan is revised when they change.
rule-safety-plan-revision-equipment = New types of weapons, military or special equipment were received, and the Plan is revised when they are.
rule-safety-plan-revision-other = The Plan must be revised when the conditions of daily activities change or new weapons or equipment arrive; this change is neither, so no revision is required (one may still be made).
rule-safety-coverage-title = Quarterly inspection coverage of departments and services
rule-safety-coverage-met = { $inspected } of { $total } departments and services were inspected ({ $percent } %), which meets the quarterly minimum of 25 % ({ $required } inspections).
rule-safety-coverage-missed = { $inspected } of { $total } departments and services were inspected ({ $percent } %), below the quarterly minimum of 25 % ({ $required } inspections).
rule-safety-retention-title = How long an Act of control is kept
rule-safety-retention-basis = Acts are kept for five years after the end of control. The control ended on { $control_end }, so the Act is kept until { $until } and may be deleted from that day.
rule-safety-retention-kept = On { $as_of } the Act must still be kept; it may be deleted from { $until }.
rule-safety-retention-deletable = On { $as_of } the five years have passed and the Act may be deleted.
rule-safety-rates-title = Deaths and injuries per 1,000 personnel
rule-safety-rates-deaths = { $deaths } deaths in performance of military service duties among an average of { $personnel } personnel make { $rate } per 1,000.
rule-safety-rates-injuries = { $injuries } wounds, injuries and contusions in performance of military service duties among an average of { $personnel } personnel make { $rate } per 1,000.
rule-safety-comparison-period-title = The period an analysis is compared with
rule-safety-comparison-period-basis = An analysis is compared with the same period last year: the period from { $start } to { $end } is compared with { $previous_start } to { $previous_end }.
rule-safety-training-calendar = The Order does not fix the training periods; Qorgau's calendar has the winter period start on { $winter }, the summer period on { $summer } and the academic year on { $academic } (month-day), and these dates are configuration.
rule-safety-schedule-title = Which analyses are due and by when
rule-safety-schedule-due = { $count ->
        [one] One analysis is due
       *[other] { $count } analyses are due
    } for the period ending on { $period_end }, no later than { $deadline } (the 10th day of the following month).
rule-safety-schedule-open = On { $as_of }, { $days ->
        [0] the deadline is today.
        [one] one day remains.
       *[other] { $days } days remain.
    }
rule-safety-schedule-late = On { $as_of } the analyses are late by { $days ->
        [one] one day.
       *[other] { $days } days.
    }
rule-safety-schedule-none = This echelon owes no analysis for a period ending on { $period_end }.
rule-safety-exercise-title = The special exercise required before an activity
rule-safety-exercise-period = A complex tactical and combat exercise on the scale of the body is held before the training period that starts on { $starts_on }: by { $due_by } at the latest.
rule-safety-exercise-unit = A safety exercise in the units and services concerned is held before the activity that starts on { $starts_on }: by { $due_by } at the latest.
rule-safety-exercise-remaining = On { $as_of }, { $days ->
        [0] the last day is today.
        [one] one day remains.
       *[other] { $days } days remain.
    }
rule-safety-exercise-passed = On { $as_of }, the last day passed { $days ->
        [one] one day ago.
       *[other] { $days } days ago.
    }
unfavourable-death = Its { $rate } deaths in performance of duty per 1,000 are above the body's { $body_rate }.
unfavourable-rate = Its rate of { $rate } deaths and injuries per 1,000 is above the body's { $body_rate } and has not fallen since the same period last year.

period-month = month
period-quarter = quarter
period-half-year = half-year
period-year = year
period-winter-training = winter training period
period-summer-training = summer training period
period-academic-year = academic year
plan-change-conditions = The conditions of daily activities changed
plan-change-equipment = New weapons, military or special equipment received
plan-change-other = Another change
exercise-complex-tactical = Complex tactical and combat exercise of the body
exercise-unit-safety = Safety exercise in the units and services
rule-security-lead-body-title = The body that leads interagency coordination in an area of national security
rule-security-lead-body-interagency = Article 15 gives { $body } the interagency coordination of { $area } security.
rule-security-lead-body-sectoral = Article 15 gives { $body } the coordination of the { $area } area; the text calls it inter-sectoral coordination rather than interagency.
rule-security-lead-body-commission = The heads of the bodies that coordinate an area under Article 15 lead the interagency commissions, boards and headquarters created for it (Article 18.4).
rule-security-lead-body-none = Article 15 names no body that coordinates the { $area } area, so no head of an interagency commission follows from it.
rule-security-ownership-title = Limits on foreign ownership and control in media and telecommunications
rule-security-ownership-share = The foreign share of { $organisation }, direct and indirect (shares multiplied along each chain and added across chains), is { $share } %.
rule-security-ownership-cycles = { $count ->
        [one] One cycle of cross-ownership was found; the shares around it were followed until they settled.
       *[other] { $count } cycles of cross-ownership were found; the shares around them were followed until they settled.
    }
rule-security-ownership-clear = No limit of Article 23.6 is broken.
rule-security-ownership-media = Foreign persons control { $share } % of an owner of a mass medium, more than the 20 % allowed.
rule-security-ownership-operator = Foreign persons hold { $share } % of the voting shares of a long-distance or international operator in aggregate, more than the 49 % allowed.
rule-security-ownership-acquisition = { $acquirer } acquired { $share } % of the voting shares of a long-distance or international operator without the consent of the authorized body; more than 10 % needs it.
rule-security-ownership-trunk = Trunk communication lines are managed or operated by foreigners, which is prohibited.
rule-security-ownership-control-centre = The control centre of the communication network is outside Kazakhstan, which is prohibited.
rule-defense-function-holder-title = Who holds a power the texts give, and whether it is a function of the Ministry of Defense
rule-defense-function-holder-found = Under { $clause }, the power to { $verb } { $object } lies with { $holders }.
rule-defense-function-holder-lapsed = Under { $clause }, the power to { $verb } { $object } lay with { $holders }; this no longer holds since { $since }: excluded or repealed by the { $by }.
rule-defense-function-holder-not-yet-in-force = Under { $clause }, the power to { $verb } { $object } lies with { $holders }, but that text is not yet in force on this date.
rule-defense-function-holder-none = No power in the five texts matches "{ $question }".
rule-defense-function-holder-none-of-kind = The texts give no one the power to { $verb } what "{ $question }" asks about.
rule-defense-function-holder-ministry-holds = This is a function of the Ministry of Defense.
rule-defense-function-holder-ministry-no-longer = This was a function of the Ministry of Defense and no longer is.
rule-defense-function-holder-ministry-not = This is not a function of the Ministry of Defense: the texts give it to { $holders }.
rule-defense-function-holder-ministry-unknown = The texts give it to no one, so they do not make it a function of the Ministry of Defense either.
rule-defense-function-holder-other-kind = They do give, under { $clause }, the power to { $verb } { $object } to { $holders }.
rule-defense-function-holder-reading = Reading: the question's verb names the kind of power, and only powers of that kind answer ("approves" is never answered by a clause that "develops"). Its other words are matched, stemmed, against the object of every power in the five texts, rarer words weighing more; a power answers when it covers at least half of the question. Every co-holder a clause names is given.
defense-ministry-role-holds = A function of the Ministry of Defense
defense-ministry-role-no-longer-holds = No longer a function of the Ministry of Defense
defense-ministry-role-not-its-function = Not a function of the Ministry of Defense
defense-ministry-role-no-holder-in-texts = The texts give no holder
list-separator = {", "}
list-pair = { $first } and { $last }

## Audit

audit-title = Audit log
audit-intact = The chain of { $entries } entries is intact.
audit-broken = The chain is broken at entry { $seq }: { $reason }
audit-break-content-changed = the entry was changed after it was written.
audit-break-link-broken = the entry does not follow the one before it (an entry was removed, inserted or moved).
audit-break-gap = an entry is missing.
audit-break-head-mismatch = entries at the end were removed, or added without the chain's head.

# Audit actions (app::write::AuditAction), as the audit log page names them.
audit-action-user-create = Account created
audit-action-user-update = Account changed
audit-action-user-disable = Account disabled
audit-action-user-enable = Account enabled
audit-action-user-grants = Roles changed
audit-action-user-login = Signed in
audit-action-user-login-failed = Sign-in failed
audit-action-user-logout = Signed out
audit-action-user-password-change = Password changed
audit-action-user-password-reset = Password reset
audit-action-user-language = Interface language chosen
audit-action-sessions-purge = Expired sessions removed
audit-action-token-create = API token created
audit-action-token-revoke = API token revoked
audit-action-org-unit-create = Unit created
audit-action-org-unit-import = Units imported
audit-action-law-import = Act imported
audit-action-citizens-import = Citizens imported
audit-action-campaign-create = Campaign created
audit-action-campaign-plan = Summonses planned
audit-action-campaign-send = Campaign released
audit-action-campaign-close = Campaign closed
audit-action-summons-record = Appearance or excuse recorded
audit-action-summons-send = Summons handed to the channel
audit-action-summons-hand-at-authority = Summons handed at the authority
audit-action-channel-events = Delivery reports received
audit-action-safety-demo-load = Demonstration data loaded
audit-action-safety-strength-import = Strength imported
audit-action-safety-plan-create = Plan drafted
audit-action-safety-plan-edit = Plan edited
audit-action-safety-plan-approve = Plan approved
audit-action-safety-plan-revise = Plan revision opened
audit-action-safety-plan-activity-complete = Plan activity completed
audit-action-safety-training-record = Training recorded
audit-action-safety-act-record = Act recorded
audit-action-safety-act-acknowledge = Act acknowledged
audit-action-safety-act-delete = Act deleted
audit-action-safety-act-purge = Expired Acts deleted
audit-action-safety-violation-eliminate = Violation eliminated
audit-action-safety-incident-record = Incident recorded
audit-action-safety-incident-import = Incidents imported
audit-action-safety-analysis-complete = Analysis completed
audit-action-safety-rollups-rebuild = Roll-ups rebuilt
audit-action-security-list-add = Reference list entry added
audit-action-security-organisations-import = Organisations imported
audit-action-security-holdings-import = Holdings imported
audit-action-security-commission-create = Commission created
audit-action-security-commission-add-member = Commission member added
audit-action-security-threat-assess = Threat assessed
audit-action-security-measure-create = Measure created
audit-action-security-measure-report = Measure reported
audit-action-security-document-create = Strategic document created
audit-action-security-indicator-create = Indicator created
audit-action-security-indicator-measure = Indicator measured
audit-action-council-meeting-create = Council meeting recorded
audit-action-council-agenda-add = Agenda item added
audit-action-council-decision-create = Council decision recorded
audit-action-council-decision-report = Execution reported
audit-action-council-report-review = Execution report reviewed

## Errors

error-forbidden = Not allowed
error-not-found = Not found
error-invalid = Please check your input
error-internal = Something went wrong
error-unauthenticated = Please sign in.
error-bad-credentials = Wrong username or password.
error-locked = Too many failed sign-ins: this account is locked until { $until } (UTC).
error-disabled = This account is disabled.
error-forbidden-detail = Your roles do not allow this here.
error-not-found-detail = What you asked for does not exist.
error-conflict-detail = That name is already taken.
error-internal-detail = The server could not complete the request. The error is logged.
error-busy-detail = The database is busy with a large change; nothing was changed. Try again in a moment.
error-form-expired = The form expired. Please try again.
error-passwords-differ = The two new passwords differ.

## Input checks

invalid-username = A username has 3 to 64 characters: lower-case Latin letters, digits, '.', '_' or '-'.
invalid-display-name = A name has 1 to 200 characters.
invalid-current-password = That is not your current password.
invalid-password-short = The new password needs at least { $min } characters.
invalid-password-same = The new password must differ from the current one.
invalid-password-username = The new password must not contain the username.
invalid-unit-missing = Unit { $id } does not exist.
invalid-unit-name = A unit's name has 1 to 300 characters.
invalid-unit-kind = "{ $value }" is not a kind of unit.
invalid-self-disable = You cannot disable your own account.
invalid-self-grants = You cannot change your own roles.
invalid-token-name = Say in 1 to 100 characters what the token is for.
invalid-number = "{ $value }" is not a number.
invalid-role = "{ $value }" is not a role.
invalid-json = The facts are not valid JSON: { $detail }
invalid-date = "{ $value }" is not a date (YYYY-MM-DD).

## Command line

cli-error = Error: { $detail }
cli-serving = Qorgau is serving at { $url } (database { $database }). Press Ctrl-C to stop.
cli-admin-created = Administrator "{ $username }" can sign in with the one-time password { $password } and will be asked to choose a new one.
cli-demo-loaded = The demo organisation tree was loaded ({ $units } units).
cli-stopped = Stopped.
cli-migrated = { $count ->
        [0] The database is up to date.
        [one] One migration was applied.
       *[other] { $count } migrations were applied.
    }
cli-cannot-create-folder = Cannot create the folder { $path }
cli-cannot-open-database = Cannot open the database { $url }
cli-migration-failed = The database migrations failed
cli-cannot-listen = Cannot listen on { $address }
cli-cannot-read = Cannot read { $path }
cli-facts-not-json = The facts in { $path } are not valid JSON
cli-rule-error = The rule could not decide: { $detail }
cli-user-created = User "{ $username }" was created. One-time password: { $password }
cli-user-disabled = User "{ $username }" was disabled.
cli-user-enabled = User "{ $username }" was enabled.
cli-user-role = User "{ $username }" now holds the role { $role } on { $unit }.
cli-user-password = New one-time password of "{ $username }": { $password }
cli-unit-created = Unit "{ $name }" was added (id { $id }).
error-form-unreadable = The form could not be read: { $detail }

## Law

law-title = Law
law-in-force-basis = In force from: { $basis }
law-interpretations = How the text was read
law-not-in-force = not in force
law-cited-by = Rules that cite this clause
law-cited-by-none = No rule cites this clause yet.
law-status-in-force = In force on this date.
law-status-not-yet-in-force = Not yet in force on this date.
law-status-not-yet = Not yet in force on this date: it applies from { $since }.
law-status-excluded = Excluded by the { $by }, since { $since }.
law-label-with-heading = { $label }. { $heading }
law-kind-act = The act
law-kind-order = Order No. { $number }
law-kind-chapter = Chapter { $number }
law-kind-article = Article { $number }
law-kind-paragraph = Paragraph { $number }
law-kind-point = Item { $number })
law-kind-appendix = Appendix { $number }
law-kind-section = Section { $number }
law-kind-item = Bullet { $number }
field-act = Act
field-adopted = Adopted
field-in-force-from = In force from
action-show = Show
cli-law-in-force = In force on { $as_of }.
cli-law-excluded = Not in force on { $as_of }: excluded by the { $by }, since { $since }.
cli-law-cited-by = Cited by: { $rules }
invalid-search-empty = Type a word or a phrase to search for.
invalid-act = "{ $value }" is not an act of the corpus.
law-search-title = Search the law
law-search-results = { $count ->
        [0] Nothing found.
        [one] One clause found.
       *[other] { $count } clauses found.
    }
field-query = Words, or a "phrase in quotes"
field-any-act = All acts
action-search = Search
cli-cannot-write = Cannot write { $path }
cli-law-exported = Act { $act } was written to { $path } as Akoma Ntoso XML.
cli-law-imported = Act { $act } was imported. Recognised:
cli-law-preamble =   The text before the first unit is the preamble.
cli-law-gap =   Accepted a gap in the numbering: { $note }
cli-law-unplaced =   Could not place (kept as running text): { $line }
cli-law-dropped =   { $count } lines of site boilerplate were dropped.
cli-law-count =   { $kind ->
        [chapter] Chapters
        [article] Articles
        [paragraph] Paragraphs
        [point] Items
        [appendix] Appendices
        [order] Orders
        [section] Sections
        [item] Bullets
       *[other] Other units
    }: { $count }
law-language-eng = English
law-language-kaz = Kazakh
law-language-rus = Russian
law-language-und = not stated
law-text-language = { $language ->
        [shipped] The text is in English: the official English translation the corpus ships.
        [eng] The text is in English, as it was imported.
        [kaz] The text is in Kazakh, as it was imported.
        [rus] The text is in Russian, as it was imported.
       *[und] The text's language was not stated when it was imported; its headings were read as English ones.
    }

## Conscription rules

rule-training-eligible-title = Compulsory military training: who undergoes it
rule-training-men-within = Men undergo compulsory military training from sixteen to sixty years inclusive; at { $age } this man is within that range.
rule-training-men-outside = Men undergo compulsory military training from sixteen to sixty years inclusive; at { $age } this man is outside that range.
rule-training-women-within = Women undergo compulsory military training from eighteen to forty-five years inclusive; at { $age } this woman is within that range.
rule-training-women-outside = Women undergo compulsory military training from eighteen to forty-five years inclusive; at { $age } this woman is outside that range.
rule-training-no-children = She has no children, so the condition on children is met.
rule-training-children-not-needed = Her children were not given; outside the ages of 18 to 45 they change nothing.
rule-training-children-over-ten = All her children are over ten, so the condition on children is met.
rule-training-child-ten-or-under = { $count ->
        [one] One of her children is not over ten, so she does not undergo it.
       *[other] { $count } of her children are not over ten, so she does not undergo it.
    }
rule-training-child-reading = Reading applied: a child is over the age of ten from the day after its tenth birthday; ages are whole years on the date of the decision.
rule-registration-title = Military registration: who is subject to it
rule-registration-required = None of the five exceptions applies, so this person is subject to military registration.
rule-registration-below-age = At { $age } the person is not yet a conscript: military registration starts in the year of the { $min }th birthday, so no registration is required and no summons may be sent.
rule-registration-age-source = Reading of the text: 003 registers "conscripts and servicemen" but gives no age; the age is the one of the Law "On military service and the status of servicemen" (No. 561-IV of 16 February 2012), which is not in Qorgau's corpus.
rule-registration-exempt-woman = A woman without a military accounting specialty is not subject to military registration.
rule-registration-exempt-removed = A person discharged, retired, or removed from the register at the maximum reserve age or as unfit is not subject to military registration.
rule-registration-exempt-sentence = A person serving a sentence is not subject to military registration.
rule-registration-exempt-abroad = A person permanently residing outside Kazakhstan is not subject to military registration.
rule-registration-exempt-service = Employees, cadets and students of law-enforcement and special state bodies and of civil protection authorities are not subject to military registration.
rule-absence-title = Non-appearance: whether the reason is valid
rule-absence-illness = An illness that prevents appearing is a valid reason.
rule-absence-death = The death of a close relative or a spouse is a valid reason.
rule-absence-disaster = A natural disaster or another circumstance that prevents appearing is a valid reason.
rule-absence-marriage = The state registration of one's marriage is a valid reason.
rule-absence-abroad = Being outside Kazakhstan is a valid reason.
rule-absence-other-awaiting = The reason is not one of the five the page lists; it awaits an officer's finding on whether it prevented the appearance. Until then it neither excuses the absence nor leads to a referral.
rule-absence-other-prevented = An officer found that the reason given is a circumstance that prevented the appearance at the appointed time, so the absence is excused.
rule-absence-other-not-prevented = An officer found that the reason given did not prevent the appearance, so the absence is not excused.
rule-absence-other-reading = Reading of 003 para 9: a reason outside the list can only be one of the "other circumstances that prevent the individual from appearing" of point 3; whether it is one is a finding of fact the officer makes, never a guess from the citizen's words.
rule-serviceman-conscript = A conscript becomes a military serviceman on the date of the order on departure from the local military administration body to the place of service: { $date }.
rule-serviceman-contract = A contract serviceman becomes a military serviceman on the date the commander's order enrolling them into the unit's lists is published: { $date }.
rule-serviceman-cadet = A cadet who was not a serviceman before becomes one on the date of the order enrolling them in the student roster: { $date }.
rule-serviceman-cadet-foreign = A cadet admitted to a foreign military educational institution becomes a serviceman on the date of the order assigning them for study: { $date }.
rule-serviceman-ulan = An ulan becomes a military serviceman on the date the order on transfer to the third year and appointment to a position is published: { $date }.
rule-serviceman-cadet-already = This cadet was a military serviceman before entering, so entering does not start the status: it continues.
rule-serviceman-future = The order is dated { $date }, after the date of this decision, so the status has not started yet.
rule-timing-title = Summons: whether its dates leave the notice the law requires
rule-timing-not-after = The appearance ({ $appearance }) is not after the summons was sent or handed over ({ $sent }), so the dates are not valid.
rule-timing-electronic-ok = An electronic notice must be sent at least three calendar days before the day of appearance; sent on { $sent } for { $appearance } leaves { $days } days, which is enough.
rule-timing-electronic-short = An electronic notice must be sent at least three calendar days before the day of appearance; sent on { $sent } for { $appearance } leaves only { $days } days.
rule-timing-authority-ok = A paper summons handed over at the local military authority may set appearance no later than the following day; handed on { $sent } for { $appearance } meets that.
rule-timing-authority-late = A paper summons handed over at the local military authority must set appearance no later than the following day; handed on { $sent } for { $appearance } is { $days } days later.
rule-timing-paper-ok = The page sets no notice period for a paper summons delivered in person or by mail; the appearance ({ $appearance }) is after delivery ({ $sent }), which is the only check applied.
rule-timing-calendar-days = Calendar days are counted on dates in Asia/Almaty (UTC+5), whatever the time of day.
rule-channel-title = Summons: which channel to use
rule-channel-sms = A mobile number is known, so the summons is sent as a text message to it.
rule-channel-egov = The citizen's e-Gov account has a registered mobile number, so the summons is sent to that account.
rule-channel-both = A mobile number and an e-Gov account with a mobile number are both known; the summons may go to either or both, and the text message is used first.
rule-channel-paper = No mobile number is known, not even one registered on e-Gov, so the summons is delivered on paper in person or by mail.
rule-notified-title = Summons: whether the citizen is duly notified
rule-notified-read = The message was delivered and read before the appearance time, so the citizen is duly notified.
rule-notified-read-late = The message was read only after the appearance time, so the citizen is not duly notified.
rule-notified-number-changed = The mobile number has changed, so the citizen is not duly notified.
rule-notified-awaiting-delivery = No delivery report has arrived yet; the status is pending until the appearance day is over.
rule-notified-not-delivered = No delivery report arrived before the appearance time, so the citizen is not duly notified.
rule-notified-delivered-unread = The message was delivered but has not been read; the status is pending until the appearance day is over.
rule-notified-unread = The message was delivered but not read before the appearance time, so the citizen is not duly notified.
rule-notified-reading = Reading applied: an electronic summons notifies only when it is both delivered and read before the appearance time.
rule-notified-refused = The citizen refused to accept the paper summons and the refusal was noted, so the citizen is duly notified.
rule-notified-signed = The citizen signed for the paper summons, so the citizen is duly notified.
rule-notified-handed = The summons was handed to the citizen at the local military authority, so the citizen is duly notified.
rule-notified-paper-late = The paper summons reached the citizen only after the appearance time, so the citizen is not duly notified.
rule-notified-paper-pending = The paper summons has not yet been recorded as received; the status is pending until the appearance day is over.
rule-notified-paper-missed = The paper summons was not received before the appearance, so the citizen is not duly notified.
rule-action-title = After the appearance date: what follows
rule-action-appeared = The citizen appeared, so nothing further follows.
rule-action-pending = Whether the citizen was duly notified is not settled yet, so nothing follows for now.
rule-action-not-notified = The citizen was not duly notified, so a new summons is to be sent rather than a referral.
rule-action-excused = The citizen was duly notified but had a valid reason, so the appearance is to be rescheduled.
rule-action-awaiting-excuse-decision = The citizen was duly notified and reported a reason the list does not name; an officer must find whether it prevented the appearance before anything follows.
rule-action-too-early = The appearance day { $appearance } has not passed yet, so nothing follows for now.
rule-action-too-early-reading = Reading of the text: a citizen "fails to appear upon the summons" only once the appearance day has ended in Asia/Almaty; until then neither a new summons nor a referral to the internal affairs body follows.
rule-action-refer = The citizen was duly notified and did not appear without a valid reason, so ensuring attendance is referred to the internal affairs body.

## Citizen register and campaigns

invalid-iin-shape = An IIN has exactly 12 digits; "{ $iin }" does not.
invalid-iin-century = The 7th digit of an IIN gives century and sex and is 1 to 6; it is { $digit }.
invalid-iin-date = The first six digits of IIN { $iin } are not a date (YYMMDD).
invalid-iin-check = The check digit of IIN { $iin } is { $found }, but the number requires { $expected }.
invalid-iin-no-check = No check digit is valid for the first eleven digits of IIN { $iin }, so it cannot be an IIN.
invalid-iin-mismatch = IIN { $iin } encodes { $from_iin }, but the record states { $stated }.
invalid-csv-bool = "{ $value }" is not yes or no.
invalid-csv-date = "{ $value }" is not a date (YYYY-MM-DD).
invalid-csv-empty = This column must not be empty.
invalid-csv-sex = "{ $value }" is not a sex (male or female).
invalid-csv-child-before-parent = The child's birth date { $value } is before the citizen's own.
invalid-csv-mobile = "{ $value }" is not a mobile number in international form (+7...).
invalid-csv-removal = "{ $value }" is not a reason of removal (none, discharged, retired, max_reserve_age, unfit).
invalid-csv-file = The file is not readable CSV: { $detail }
invalid-csv-header = The first line must name the columns, in this order: { $expected }
invalid-csv-record = This line is not readable CSV: { $detail }
invalid-csv-columns = This line has { $found } columns; { $expected } are expected.
invalid-csv-duplicate-in-file = IIN { $iin } appears earlier in the same file.
invalid-csv-already-registered = IIN { $iin } is already in the register.
invalid-required = This field is required.
invalid-campaign-purpose = The purpose must be one of: { $allowed }.
invalid-campaign-past = The appearance must be in the future.
invalid-campaign-status = Not possible while the campaign is { $status }.
invalid-campaign-citizen-outside = Citizen { $id } is registered outside this campaign's unit.
invalid-campaign-citizen-unknown = Some of the listed citizens do not exist.
invalid-fact-channel = That cannot be recorded for a summons sent by { $channel }.
invalid-fact-future = That time is in the future.
invalid-fact-before-appearance = The appearance is set for { $appearance }: whether the citizen appeared can be recorded from that day on.
invalid-excuse-other-text = Another reason needs the citizen's words, so that an officer can decide on it.
invalid-excuse-finding-not-other = A finding is made only on another reason: the five reasons of the list are valid by the text itself.
invalid-authority-timing = A summons handed over at the authority must set appearance later today or tomorrow.
invalid-webhook-body = The events are not in the expected form: { $detail }
invalid-webhook-kind = "{ $kind }" is not an event kind (delivered, read, failed, number_changed).
summons-text = Summons: you are to appear at { $place } on { $date } at { $time }. Bring your identity document.
invalid-format = "{ $value }" is not a format (json or csv).
cli-citizens-imported = { $imported } citizens imported; { $rejected } rows rejected.
cli-citizens-rejected =   line { $line }, column { $column }: { $reason }
cli-cites = Cites: { $clauses }
cli-campaign-created = Campaign { $id } created (draft).
cli-campaign-planned = { $planned } summonses planned; { $moved } appearances moved later to leave three calendar days.
campaign-skip-below-conscription-age = { $count ->
    [one] One selected citizen was not summoned: younger than the conscription ages (18 to 29) on the appearance day.
   *[other] { $count } selected citizens were not summoned: younger than the conscription ages (18 to 29) on the appearance day.
}
campaign-skip-above-conscription-age = { $count ->
    [one] One selected citizen was not summoned: older than the conscription ages (18 to 29) on the appearance day.
   *[other] { $count } selected citizens were not summoned: older than the conscription ages (18 to 29) on the appearance day.
}
campaign-skip-not-subject-to-registration = { $count ->
    [one] One selected citizen was not summoned: not subject to military registration on the appearance day.
   *[other] { $count } selected citizens were not summoned: not subject to military registration on the appearance day.
}
campaign-skip-training-undecided = { $count ->
    [one] One citizen was left out: the filter asks for compulsory training, and the register lacks her children's birth dates, which decide it.
   *[other] { $count } citizens were left out: the filter asks for compulsory training, and the register lacks the children's birth dates, which decide it.
}
cli-campaign-released = Campaign { $id } released: its electronic summonses are being sent.
cli-send-progress = { $sent } summonses sent so far…
cli-send-done = Sent { $sent }; { $failed } attempts failed and will be retried; { $late } kept back as too late.
cli-record-reason = An excuse needs --reason.
cli-replay-same = Receipt { $id } ({ $rule }): the decision stands.
cli-replay-differs = Receipt { $id } ({ $rule }, { $entity }): the decision differs now. Stored: { $stored }. Now: { $now }.
cli-replay-corpus-changed = The corpus differs from the one the decision read.
cli-replay-version-changed = The rule's version was { $stored } and is { $now } now (0: the rule no longer exists).
cli-replay-summary = { $count } decisions replayed; { $changed } differ.
cli-record-delivered-by = A signed or refused paper summons needs --delivered-by (who delivered it).
cli-record-finding = A decision on another reason needs --finding (prevented_appearance or did_not_prevent_appearance).
cli-record-fact = "{ $fact }" is not a fact to record (signed, refusal_noted, appeared, excuse).
cli-recorded = Recorded.
cli-simulator-serving = Simulating the SMS gateway at { $sms } and the e-Gov portal at { $egov }; events go to { $webhook }.
cli-simulator-inside = Channel simulator running in this process at { $address }: released campaigns are sent through it.

## Conscription pages

citizens-title = Conscription: citizens and campaigns
citizens-search-label = IIN or name (the beginning is enough)
citizens-none = No citizen matches.
citizens-import-title = Import citizens from CSV
citizens-import-help = The first line names the columns: iin, surname, given_name, patronymic, sex, birth_date, children_birth_dates, residence_address, temporary_address, work_address, mobile, mobile_in_own_name, egov_account_with_mobile, has_military_specialty, removed_reason, serving_sentence, permanent_residence_abroad, law_enforcement_or_civil_protection. Rows with an error are listed and left out; the others are imported together.
citizens-import-result = { $imported } citizens imported; { $rejected } rows rejected.
citizens-rejected-row = Line { $line }, column { $column }:
citizen-registration = Military registration
citizen-training = Compulsory military training
citizen-cites = Cites:
citizen-summonses = Summonses
campaigns-title = Summons campaigns
campaign-create-title = New campaign
campaign-funnel = Progress
campaign-refreshing = Sending: the progress above updates itself every few seconds.
campaign-any-sex = Everyone
campaign-men = Men
campaign-women = Women
campaign-only-registered = Only citizens subject to military registration
campaign-send-confirm = Send the summonses of this campaign now? Messages cannot be recalled.
campaign-referrals = Referral list for the internal affairs body
campaign-summonses = Summonses
campaign-status-draft = draft
campaign-status-planned = planned, not yet sent
campaign-status-sending = sending
campaign-status-closed = closed
purpose-medical-examination = Medical examination
purpose-evaluation = Evaluation
purpose-conscription-commission = Conscription commission
purpose-dispatch-to-unit = Dispatch to a military unit
purpose-assignment = Assignment
funnel-planned = Planned
funnel-sent = Sent
funnel-delivered = Delivered
funnel-read = Read
funnel-notified = Duly notified
funnel-appeared = Appeared
funnel-excused = Excused
funnel-awaiting-excuse-decision = Reason awaiting a decision
funnel-referred = Referred
channel-sms = Text message
channel-egov = e-Gov account
channel-paper-personal = Paper, in person
channel-paper-mail = Paper, by mail
channel-paper-at-authority = Paper, at the authority
summons-notified-notified = Duly notified
summons-notified-not-notified = Not duly notified
summons-notified-pending = Pending
summons-action-none = Nothing
summons-action-awaiting-appearance = Awaiting the appearance day
summons-action-reschedule = New summons
summons-action-awaiting-excuse-decision = Awaiting a decision on the reason
summons-action-refer-to-internal-affairs = Refer to internal affairs
summons-fact-appeared = Appeared
summons-fact-signed = Signed for the paper summons
summons-fact-refusal = Refused it (noted)
summons-fact-excuse = Reported a reason for not appearing
summons-fact-excuse-decision = Decide on the other reason
referral-title = Referral list: { $campaign }
referral-intro = Citizens duly notified who did not appear without a valid reason, as of { $date }. Ensuring their attendance is the internal affairs body's responsibility.
referral-csv = Download as CSV
referral-none = Nobody is to be referred.
field-iin = IIN
field-birth-date = Date of birth
field-purpose = Purpose
field-place = Place of appearance
field-appearance-date = Day of appearance
field-appearance-time = Time of appearance
field-appearance = Appearance
field-csv = CSV
field-sex = Sex
field-residence = Address of residence
field-mobile = Mobile number
field-channel = Channel
field-notified = Notified
field-reason = Reason
field-excuse-text = The citizen's words
field-delivered-by = Delivered by
field-excuse-finding = Finding
summons-excuse = { $reason } ({ $status })
summons-excuse-with-words = { $reason }: “{ $words }” ({ $status })
action-create-campaign = Create campaign
action-import = Import
action-plan = Select citizens and plan summonses
action-send = Send summonses
action-record = Record
invalid-fact-kind = "{ $value }" is not something to record.

## Printed documents

pdf-summons-none = This campaign has no paper summonses.
pdf-summons-title = SUMMONS
pdf-summons-number = No. { $id } ({ $channel })
pdf-summons-to = To:
pdf-summons-iin = IIN { $iin }
pdf-summons-body = You are required to appear at { $place } on { $date } at { $time } for: { $purpose }.
pdf-summons-bring = Bring your identity document. If a valid reason prevents you from appearing, inform the local military administration body that issued this summons before the appointed time.
pdf-summons-basis = Issued under the rules of conscription of citizens for military service (e-Government of the Republic of Kazakhstan, "Compulsory military service"). A citizen who refuses to accept this summons is considered duly notified.
pdf-summons-received = Received: signature ____________________  date and time ____________________
pdf-summons-refused = Refused to accept (note by the person delivering): ________________________________________  signature ____________
pdf-referral-basis = If a citizen subject to conscription fails to appear upon the summons of the local military authority, responsibility for ensuring his attendance is assigned to the relevant internal affairs body.
campaign-paper-pdf = Paper summonses to print (PDF)
referral-pdf = Print (PDF)
cli-handed-over = Summons { $id } handed over at the authority and recorded as received.
cli-pdf-written = Written to { $path }.
cli-demo-citizens = The demo register holds { $count } generated citizens (Department of Defense Affairs of Almaty).
invalid-text-length = Write 1 to { $max } characters.

## Security of military service

invalid-act-retained = The Act must be kept for five years after the end of control; it may be deleted from { $until }.
invalid-act-unit-outside = The inspected unit must belong to the inspecting body.
invalid-choice = Choose one of: { $allowed }.
invalid-count = "{ $value }" is not a whole number of zero or more.
invalid-date-future = { $value } is in the future.
invalid-month = "{ $value }" is not a month (YYYY-MM).
invalid-period-order = The end must not be before the start.
clause-id-error-shape = A clause id has the form ACT/COMPONENT, for example kz-2020-mod-738/para_5; "{ $id }" does not.
clause-id-error-act = The act part "{ $act }" of clause id "{ $id }" may hold only a-z, 0-9, '-' and Roman numerals.
clause-id-error-component = The part "{ $component }" of clause id "{ $id }" is not KIND_NUMBER with KIND one of { $kinds }.
import-error-act-id = The act id "{ $act }" may hold only a-z, 0-9, '-' and Roman numerals.
import-error-no-title = The act has no title.
import-error-no-structure = No chapter, article, paragraph or point was recognised in the text.
invalid-period-number = { $kind ->
        [month] The month must be from 1 to { $max }; { $number } was given.
        [quarter] The quarter must be from 1 to { $max }; { $number } was given.
        [half_year] The half-year must be from 1 to { $max }; { $number } was given.
       *[other] The number of the period must be from 1 to { $max }; { $number } was given.
    }
invalid-period-year = The year must be from 1900 to 9998; { $year } was given.
invalid-period-empty = The training calendar makes this period empty.
invalid-plan-activity-line = Line { $line } of the activities must read: item;name;responsible person;monitoring person;term (YYYY-MM-DD);form of completion.
invalid-plan-activity-superseded = This activity belongs to a version that is no longer in force.
invalid-plan-approved-unchangeable = An approved version cannot be changed; open a revision with its reason instead.
invalid-plan-item-no = Item number { $item } is not a positive number used once.
invalid-plan-no-activities = A Plan needs at least one activity before it is approved.
invalid-plan-not-body = Plans are made by bodies of military command; this unit is not one.
invalid-plan-revise-unapproved = Only an approved Plan can be revised; finish and approve the version being drafted.
invalid-plan-year = { $year } is not a year a Plan can be made for (2021 onwards).
invalid-report-by-before-end = The report-by date must not be before the end of the control.
invalid-structure-key = The key "{ $key }" is empty or used twice.
invalid-structure-parent = "{ $parent }" is not a key earlier in the file, nor id:N of an existing unit.
invalid-structure-parent-forbidden = You may not add units under that unit.
invalid-unit-forbidden = You may not record data for that unit.

safety-title = Security of military service
safety-intro = Plans, training, inspections and Acts, incidents and the analysis per 1,000 personnel under Order No. 738.
safety-body = Body
safety-choose-body = Show
safety-structure = Structure and strength
safety-structure-intro = Bodies of military command at the five levels of para 2, with their units, departments and services, and the latest reported strength.
safety-echelon = Analyses as
safety-personnel = Strength
safety-descendants = Units below
safety-import-structure = Import units (CSV: key,parent,name,kind)
safety-import-strength = Import strength (CSV: unit_id,month,personnel)
safety-import-incidents = Import incidents (CSV: unit_id,occurred_on,kind,in_duty,cause,activity,description)
safety-imported = { $count } rows imported.
safety-rejected = Line { $line }, { $column }: { $reason }
safety-plans = Plans
safety-plans-intro = Each body approves its Plan for the coming year by 24 December; bodies without an approved Plan after that day are flagged.
safety-plan-due = Due { $date }
safety-plan-late = No approved Plan by { $date }
safety-plan-none = No Plan yet
safety-plan-new = Draft a Plan
safety-year = Year
safety-goals = Goals
safety-tasks = Tasks
safety-requirements = Requirements
safety-activities = Activities
safety-activities-help = One per line: item;name;responsible person;monitoring person;term (YYYY-MM-DD);form of completion
safety-version = Version { $version }
safety-versions = Versions
safety-version-approved = approved by { $by } on { $date }
safety-version-draft = being drafted
safety-revision-reason = Revised because: { $change } ({ $reason })
safety-approve = Approve (commander)
safety-approver-title = Military rank, surname and initials of the commander
safety-revise = Open a revision
safety-revise-change = What changed
safety-revise-reason = Reason
safety-save-draft = Save the draft
safety-compare = Compare with the version before
safety-diff-texts = Changed texts: { $names }
safety-diff-items = Items added: { $added }; removed: { $removed }; changed: { $changed }
safety-diff-none = No difference.
safety-overdue = overdue
safety-overdue-count = { $count ->
        [one] One activity is past its term without a completion mark.
       *[other] { $count } activities are past their term without a completion mark.
    }
safety-complete = Mark completed
safety-completion-mark = Completion mark (incoming, outgoing or registration number)
safety-completed-on = Completed on
safety-pdf = Printable PDF
safety-trainings = Training
safety-trainings-intro = Special exercises and month or decade campaigns (para 11).
safety-training-record = Record a training event
safety-training-kind = Kind
safety-training-activity = Prepares for
safety-starts-on = Starts on
safety-ends-on = Ends on
safety-held = Held
safety-reminders = Before the next training period
safety-reminder = { $unit }: a complex tactical and combat exercise before the { $period } that starts on { $start }, by { $due }.
safety-reminder-recorded = recorded
safety-reminder-missing = not recorded yet
safety-acts = Acts of control
safety-acts-intro = Inspections recorded as Acts (Appendix 2). Acts are kept for five years after the end of control.
safety-act-record = Record an Act
safety-act = Act No. { $id }
safety-act-inspected = Inspected unit
safety-act-grounds = Grounds for control
safety-act-chair = Chairperson of the Commission
safety-act-members = Members of the Commission (one per line)
safety-act-from = Control from
safety-act-to = Control to
safety-act-violations = Violations (one per line: category;description)
safety-act-proposals = Proposals for elimination of violations
safety-act-report-by = Report on elimination by
safety-act-acknowledge = Acknowledge as the unit's commander
safety-act-acknowledged = Acknowledged by { $by }.
safety-act-not-acknowledged = Not yet acknowledged by the unit's commander.
safety-act-kept-until = Kept until { $date }.
safety-act-delete = Delete the Act
safety-act-delete-confirm = Delete this Act for good? This cannot be undone.
safety-eliminate = Eliminated on
safety-eliminated = eliminated on { $date }
safety-open = open
safety-overdue-violations = Violations past their report-by date
safety-coverage = Coverage this quarter
safety-coverage-row = { $inspected } of { $total } departments and services inspected; { $required } needed.
safety-incidents = Incidents
safety-incidents-intro = Deaths and injuries (wounds, injuries, contusions), with their cause, activity and season.
safety-incident-record = Record an incident
safety-incident-date = Date
safety-incident-kind = Kind
safety-incident-in-duty = In performance of military service duties
safety-incident-cause = Cause
safety-incident-activity = Activity
safety-incident-season = Season
safety-incident-description = Description
safety-analysis = Analysis
safety-analysis-schedule = Analyses due
safety-analysis-open = Open the analysis
safety-period-kind = Period
safety-period-number = Month, quarter or half
safety-schedule-status-completed = completed
safety-schedule-status-open = open
safety-schedule-status-late = late
safety-deadline = Deadline
safety-yes = yes
safety-no = no

analysis-title = Analysis of the state of work to ensure the security of military service
analysis-period = From { $start } to { $end }, compared with { $previous_start } to { $previous_end }.
analysis-this-period = This period
analysis-last-year = Same period last year
analysis-strength = Average strength
analysis-deaths = Deaths in performance of duty
analysis-injuries = Wounds, injuries and contusions in performance of duty
analysis-deaths-rate = Deaths per 1,000
analysis-injuries-rate = Injuries per 1,000
analysis-other = Not in performance of duty: { $deaths } deaths, { $injuries } injuries (registered, not in the rates).
analysis-ranking = Subordinate units ranked by deaths and injuries per 1,000
analysis-rate = Per 1,000
analysis-change = Change
analysis-state = State
analysis-favourable = not unfavourable
analysis-unfavourable = unfavourable
analysis-unfavourable-criterion = A subordinate unit's state is unfavourable when its deaths in performance of duty per 1,000 are above the body's as a whole, or when its deaths and injuries in performance of duty per 1,000 are above the body's and have not fallen since the same period last year. Para 16.3 asks for the determination without giving a criterion; this one is Qorgau's.
analysis-trend = Deaths and injuries by month
analysis-deficiencies = Characteristic deficiencies (violations found by Acts)
analysis-causes = Causes of deaths and injuries in performance of duty
analysis-none = None recorded.
analysis-conclusions = Conclusions
analysis-measures = Proposed measures
analysis-conclusions-missing = The analyst has not written the conclusions yet.
analysis-save = Save the conclusions

plan-status-draft = draft
plan-status-approved = approved
plan-status-revising = being revised

coverage-met = met
coverage-on-pace = on pace
coverage-heading-below = heading below 25 %
coverage-missed = missed

echelon-armed-forces = Armed Forces (annually)
echelon-command-body-with-subordinate-units = command body with subordinate units (half-yearly and annually)
echelon-branch-or-regional-command = branch or regional command (quarterly, half-yearly, annually)
echelon-military-unit = military unit (monthly, quarterly, half-yearly, annually)

training-special-exercise = Special exercise
training-month-campaign = Month campaign
training-decade-campaign = Decade campaign

activity-training-period = a training period
activity-combat-training = combat training
activity-field-exercise = field classes and exercises
activity-troop-movement = troop movement
activity-weapons-and-equipment-work = work on weapons and equipment
activity-daily-duty = daily duty
activity-household-work = household work
activity-off-duty = off duty

incident-death = death
incident-wound = wound
incident-injury = injury
incident-contusion = contusion

violation-weapons-handling = handling of weapons and ammunition
violation-vehicle-operation = operation of vehicles
violation-equipment-operation = operation of military and special equipment
violation-training-ground-safety = safety on training grounds
violation-fire-safety = fire safety
violation-electrical-safety = electrical safety
violation-daily-duty = organisation of daily duty
violation-relations-between-servicemen = relations between servicemen
violation-health-and-sanitation = health and sanitation
violation-planning-and-documentation = planning and documentation
violation-other = other

cause-traffic-accident = traffic accident
cause-weapons-handling = handling of weapons
cause-equipment-operation = operation of equipment
cause-training-accident = accident in training
cause-fall = fall
cause-drowning = drowning
cause-electric-shock = electric shock
cause-fire = fire
cause-violence = violence
cause-suicide = suicide
cause-illness = illness
cause-other = other

pdf-safety-approved = APPROVED
pdf-safety-commander = Commander (chief) of the command and control body
pdf-safety-rank-name = (military rank, surname and initials)
pdf-plan-title = Plan to ensure the security of military service for { $year }
pdf-plan-version = Version { $version }.
pdf-plan-goals = Goals of the plan to ensure the security of military service:
pdf-plan-tasks = Tasks of the plan to ensure the security of military service:
pdf-plan-requirements = Requirements for the security of military service in the daily activities of the body, its units and services:
pdf-plan-col-item = Item no.
pdf-plan-col-name = Name of the activity
pdf-plan-col-responsible = Responsible person (performer)
pdf-plan-col-monitoring = Monitoring person
pdf-plan-col-term = Terms of completion
pdf-plan-col-form = Form of completion
pdf-plan-col-mark = Completion mark (incoming, outgoing, registration number)
pdf-plan-deputy = Deputy (assistant) commander (chief) of the military command and control body
pdf-act-title = Act on the monitoring of the state of work to ensure the security of military service
pdf-act-body = In accordance with { $grounds }, the Chairperson of the Commission { $chair } and the members of the Commission { $members }, within the period from { $from } to { $to }, monitored the state of work to ensure the security of military service in { $unit }.
pdf-act-violations = In the course of the monitoring, the following violations were revealed:
pdf-act-no-violations = No violations were revealed.
pdf-act-proposals = Proposals for elimination of violations:
pdf-act-report-by = To report on elimination of violations by { $date }.
pdf-act-chair = Chairperson of the Commission:
pdf-act-members = Members of the Commission:
pdf-act-read = I have read and understood the act of monitoring the state of work to ensure the security of military service.
pdf-act-unit-commander = Commander (chief) of the unit of the military command and control body
pdf-act-acknowledged = { $by }, { $date }

cli-written = Written to { $path }.
cli-not-json = { $path } is not valid JSON of the expected shape
cli-safety-imported = { $imported } rows imported; { $rejected } rows rejected.
cli-plan-created = Plan { $id } drafted (version 1).
cli-plan-approved = Plan { $id } approved (version { $version }).
cli-plan-revising = Plan { $id }: version { $version } opened for revision.
cli-act-recorded = Act { $id } recorded.
cli-act-deleted = Act { $id } deleted.
cli-acts-purged = { $count ->
        [0] No Act has reached the end of its retention.
        [one] One Act whose retention had expired was deleted.
       *[other] { $count } Acts whose retention had expired were deleted.
    }
cli-demo-safety = The security-of-service demo was loaded: { $units } units of command with two years of strength, { $incidents } incidents and { $acts } Acts.

unit-kind-state = state
unit-kind-ministry = ministry
unit-kind-operational-strategic = operational-strategic body
unit-kind-operational-territorial = operational-territorial body
unit-kind-operational-tactical = operational-tactical body
unit-kind-tactical = tactical body
unit-kind-local = local body
unit-kind-military-unit = military unit
unit-kind-department = department
unit-kind-service = service
unit-kind-military-administration = local military administration body
unit-kind-council = Security Council
unit-kind-other = other
plan-change-daily-activity-conditions-changed = The conditions of daily activities changed
plan-change-new-equipment-received = New weapons, military or special equipment received
period-winter-training-short = winter
cli-rollups-checked = { $rows } roll-up rows recomputed from the facts; { $differences ->
        [0] every stored row agrees.
        [one] one stored row differs:
       *[other] { $differences } stored rows differ:
    }
cli-rollups-rebuilt = The roll-ups were rebuilt from the facts ({ $rows } rows).
cli-reference-list = { $list }: { $count } entries from { $source }

## Who is responsible

who-title = Who is responsible?
who-intro = Ask in words, with the verb of the power you mean ("who approves…", "who develops…", "who controls…"). Every power the five texts give is indexed with its holder, its kind and its object; the powers of the kind you ask about answer, each with its clause and its status on the date.
who-question = Your question
who-example = who approves the rules of physical training
who-ask = Ask
who-none = No power of this kind in the texts matches the question.
who-other-kinds = Powers of other kinds over the same object
who-holders = { $holders }
reference-title = Reference lists of national security
reference-intro = Each list is read from the parsed texts, so every entry is a clause of the law.
reference-security-types = Types of national security ({ $count })
reference-national-interests = National interests ({ $count })
reference-main-threats = Main threats to national security ({ $count })
reference-principles = Principles of national security ({ $count })
reference-system-functions = Functions of the national security system ({ $count })
reference-forces = Forces of national security ({ $count })
reference-public-bodies = Public bodies and their competence ({ $count })
reference-defense-functions = Functions of the Ministry of Defense ({ $count }, with inserted and excluded items)
reference-council-functions = Functions of the Security Council ({ $count })
invalid-organisation-code = The code "{ $code }" is empty, too long, or already used.
invalid-organisation-unknown = No organisation has the code "{ $code }".
invalid-share = "{ $value }" is not a share in percent (more than 0, at most 100).
invalid-holding-twice = This owner already holds shares of this organisation (or would hold its own).
invalid-holding-over = With this row the shares held in the organisation would add up to { $total } %, more than 100 %.

## National security

security-title = National security
security-ownership = Ownership screening (Article 23.6)
security-ownership-intro = Foreign persons may not control more than 20 % of an owner of a mass medium, nor more than 49 % of a long-distance or international operator; holdings count directly and through every chain of ownership.
security-organisation-search = Code or name of the organisation
security-foreign-share = Effective foreign share: { $share } %
security-paths = Chains of foreign ownership
security-cycles = Cycles of cross-ownership
cli-reference-addition = added: { $text } (by the { $act }, from { $from })
reference-added = Added by the { $act }, from { $from }

## security.indicator_status and security.decision_control
rule-security-indicator-status-title = Whether a target indicator of a strategic document is on track
rule-security-indicator-rule = Qorgau's rule, since the text names the monitoring but no test: the indicator is expected to move in a straight line from its baseline to its target by the deadline; on track when it has covered at least the share of the way the days elapsed call for, at risk when it has covered at least { $share } % of that share or nothing is measured yet, off track otherwise or when the deadline has passed without the target.
rule-security-indicator-unmeasured = No value has been measured yet, so the indicator cannot be shown on track.
rule-security-indicator-reached = The latest value, { $value }, has reached the target.
rule-security-indicator-missed = The deadline, { $deadline }, has passed and the latest value, { $value }, has not reached the target.
rule-security-indicator-on-track = On { $on } the indicator had covered { $progress } % of the way to its target, and the days elapsed call for { $expected } %.
rule-security-indicator-at-risk = On { $on } the indicator had covered { $progress } % of the way to its target, short of the { $expected } % the days elapsed call for.
rule-security-indicator-off-track = On { $on } the indicator had covered only { $progress } % of the way to its target, far short of the { $expected } % the days elapsed call for.
rule-security-decision-control-title = The execution control of a Security Council decision
rule-security-control-open = Not yet reported; the deadline is { $deadline }.
rule-security-control-overdue = { $days ->
        [one] Overdue: the deadline, { $deadline }, passed one day ago without an accepted execution report.
       *[other] Overdue: the deadline, { $deadline }, passed { $days } days ago without an accepted execution report.
    }
rule-security-control-awaiting = Execution has been reported and awaits the secretariat's review.
rule-security-control-returned = The execution report was returned; the body must report again by { $deadline }.
rule-security-control-done = Execution has been reported and accepted: done.
rule-security-control-late = The execution was reported after the deadline.

## National-security monitoring and the Security Council: input errors
invalid-body = "{ $value }" is not a body of Article 15 (a point from 1 to 30).
invalid-threat = "{ $value }" is not a main threat in force on that day (a point of Article 6 or an addition).
invalid-interest = "{ $value }" is not a national interest in force on that day (a point of Article 5 or an addition).
invalid-scale = { $value } is outside the scale of 1 to 5.
invalid-future-date = The day must not be after today.
invalid-measure-kind = "{ $value }" is not a kind of measure of Article 18.3 (a point from 1 to 6).
invalid-no-body = Name at least one responsible body.
invalid-target-equals-baseline = The target must differ from the baseline.
invalid-deadline-before-baseline = The deadline must come after the baseline day.
invalid-hearing-body = A hearing names the body whose head is heard.
invalid-deadline-before-meeting = The deadline must not come before the meeting, held on { $held_on }.
invalid-agenda-item = Item { $value } is not on this meeting's agenda.
invalid-return-needs-note = Say why the report is returned.
cli-created = Recorded with id { $id }.
cli-commission = Commission "{ $name }" ({ $area }): headed by body { $head }, { $members } members.
cli-heat-map = Heat map (rows: impact 5 to 1; columns: likelihood 1 to 5):
cli-overdue-days = { $days ->
        [one] overdue by one day
       *[other] overdue by { $days } days
    }

## National-security monitoring pages
security-bodies-title = Bodies and their relations
security-bodies-intro = The public bodies of Article 15 of the Law on National Security, as the text of each describes it: whether it is directly subordinate and accountable to the President, the area in which it leads interagency coordination, and the interagency commissions it heads or sits on (Article 18.4).
security-bodies-legend = Solid line: directly subordinate and accountable to the President. Dashed line: accountable to the President. Dotted line: the Security Council, formed by the President. Shaded boxes lead coordination in an area; thick lines lead from the head of a commission, thin ones from its members.
security-bodies-list = The bodies of Article 15
security-body = Body
security-to-president = To the President
security-to-president-subordinate-and-accountable = directly subordinate and accountable
security-to-president-accountable = accountable
security-to-president-none = —
security-leads = Leads coordination in
security-president = President of the Republic of Kazakhstan
security-council-body = Security Council
security-commissions = Interagency commissions
security-commissions-intro = A commission is headed by the body that leads interagency coordination in its area; its members are the bodies taking part in that policy.
security-commission = Commission
security-commission-head = Headed by
security-commission-members = Members
security-commission-create = Create a commission
security-area = Area
security-area-military = military security
security-area-public = public security
security-area-political = political security
security-area-economic = economic security
security-area-financial = financial security
security-area-energy = energy security
security-area-information = information security
security-area-information-space = security of the information space
security-area-ecological = ecological security
security-area-international = international security
security-area-counter-terrorism = countering terrorism and extremism
security-area-emergencies = emergencies and civil defence
security-area-protected-persons = security of protected persons
security-any = any
security-as-of = On the day
security-threats-title = Threat register
security-threats-intro = Assessments of the main threats of Article 6 over time: likelihood and impact on a scale of 1 to 5, the trend, the narrative and its evidence, the area and the national interests endangered. Each threat shows its latest assessment on the day read.
security-heat-map = Heat map
security-heat-map-intro = Each threat sits in the cell of its latest assessment. The shading is Qorgau's own banding of likelihood × impact: 15 and above high, 8 to 14 medium, below 8 low.
security-likelihood = Likelihood
security-impact = Impact
security-score = Score
security-trend = Trend
security-trend-rising = rising
security-trend-stable = stable
security-trend-falling = falling
security-threats-list = Main threats
security-threat = Threat
security-threat-title = Threat
security-threat-trend = Score over time (likelihood × impact)
security-threat-history = Assessments
security-assessed-on = Assessed on
security-assessed-by = Assessed by
security-not-assessed = not assessed yet
security-assess = Record an assessment
security-narrative = Narrative
security-evidence = Evidence (one link or reference per line)
security-interest = National interest endangered
security-interests-endangered = National interests endangered
security-endangers = Endangers: { $interests }
security-measures-title = Measures
security-measures-intro = Measures of Article 18.3 of the Law on National Security: each of a kind the article names, answering main threats, with its responsible bodies, deadline, status and reports. A measure past its deadline that is neither done nor cancelled is overdue.
security-measures-overdue = { $count ->
        [one] One measure is overdue.
       *[other] { $count } measures are overdue.
    }
security-measure = Measure
security-measure-title = Measure
security-measure-kind = Kind (Article 18.3)
security-measure-create = Record a measure
security-measure-status-planned = planned
security-measure-status-in-progress = in progress
security-measure-status-done = done
security-measure-status-cancelled = cancelled
security-threats-answered = Threats answered
security-responsible = Responsible bodies
security-deadline = Deadline
security-status = Status
security-description = Description
security-overdue-days = { $days ->
        [one] overdue by one day
       *[other] overdue by { $days } days
    }
security-reports = Reports
security-report = Report
security-report-text = Report
security-reported-on = Reported on
security-strategy-title = Strategic indicators
security-strategy-intro = The Security Council monitors and evaluates the implementation of strategic documents (function 3). Each target indicator is judged by the rule security.indicator_status, stated beside it.
security-indicator-status-on-track = on track
security-indicator-status-at-risk = at risk
security-indicator-status-off-track = off track
security-document = Document
security-document-create = Record a strategic document
security-adopted-on = Adopted on
security-approved-by = Approved by (act)
security-indicator = Indicator
security-indicator-create = Add a target indicator
security-unit = Unit
security-baseline = Baseline
security-baseline-on = Baseline day
security-target = Target
security-values = Measured values
security-measured-on = Measured on
security-value = Value
security-note = Note
security-record-value = Record

## The Security Council's pages
council-title = Security Council
council-intro = Meetings of the Security Council, the decisions and recommendations assigned to bodies with deadlines, the bodies' execution reports and the secretariat's control. Every change is recorded in the audit log.
council-control = Execution control
council-status-open = open
council-status-overdue = overdue
council-status-awaiting-review = reported, awaiting review
council-status-returned = returned for rework
council-status-done = done
council-meetings = Meetings
council-meeting = Meeting
council-meeting-title = Meeting of the Security Council
council-meeting-create = Record a meeting
council-held-on = Held on
council-held = Held on { $date }.
council-agenda = Agenda
council-agenda-add = Add an agenda item
council-agenda-item = Agenda item
council-agenda-kind = Kind of item
council-agenda-kind-government-annual-report = hearing of the Government's annual report
council-agenda-kind-head-hearing = hearing of the head of a body
council-agenda-kind-draft-law-review = review of a draft law
council-agenda-kind-programme-review = review of a state programme
council-agenda-kind-other = other
council-heard-body = Body heard
council-decisions = Decisions and recommendations
council-decision = Decision
council-decision-title = Decision of the Security Council
council-decision-heading = Decision { $id }
council-decision-kind = Kind
council-decision-kind-decision = decision
council-decision-kind-recommendation = recommendation
council-decision-create = Record a decision
council-assigned-to = Assigned to
council-reports = Execution reports
council-report-execution = Report execution
council-reported-late = reported after the deadline
council-review = Review
council-review-pending = awaiting review
council-review-accepted = accepted
council-review-returned = returned
council-review-note = Note (required to return)
council-accept = Accept
council-return = Return
cli-demo-security = The national-security demo was loaded: { $assessments } threat assessments, { $measures } measures, { $indicators } strategic indicators and { $decisions } Security Council decisions.
security-threat-measures = Measures answering this threat
security-threat-no-measures = No measure answers this threat yet.
council-annual-heard = The Government's annual report for { $year } was heard on { $date }.
council-annual-not-heard-since = The Government's annual report has not been heard in { $year }; the last hearing was on { $date }.
council-annual-never = The Government's annual report has not been heard in { $year }.
security-member-of = Member of
security-body-measures = Measures it is responsible for
security-body-decisions = Security Council decisions assigned to it
invalid-report-before-meeting = Execution cannot be reported before the meeting that decided it, held on { $held_on }.
security-commission-no-head = none named: Article 15 gives no body interagency coordination in this area
invalid-measured-before-baseline = A value cannot be measured before the indicator's baseline day, { $baseline_on }.

## Platform vocabularies: the ids `message_id()` gives for words with underscores (the older
## ids with dashes above say the same).
cli-unknown-role = unknown role "{ $value }"; the roles are { $known }
cli-unknown-unit-kind = unknown unit kind "{ $value }"; the kinds are { $known }

## Who does what: holders and kinds of power
defense-holder-president = the President of the Republic of Kazakhstan
defense-holder-first-president = the First President of the Republic of Kazakhstan – Elbasy
defense-holder-parliament = the Parliament of the Republic of Kazakhstan
defense-holder-government = the Government of the Republic of Kazakhstan
defense-holder-security-council = the Security Council of the Republic of Kazakhstan
defense-holder-courts = the courts
defense-holder-prosecutors-office = the Prosecutor's Office of the Republic of Kazakhstan
defense-holder-ministry-of-defense = the Ministry of Defense
defense-holder-minister-of-defense = the Minister of Defense
defense-holder-first-deputy-minister-of-defense = the First Deputy Minister of Defense – Chief of the General Staff of the Armed Forces
defense-holder-main-directorate-of-military-police = the Main Directorate of the Military Police of the Armed Forces
defense-holder-military-command-bodies = the military command and control bodies
defense-holder-commanders-of-command-bodies = the commanders (chiefs) of military command and control bodies
defense-holder-deputy-commander = the deputy (assistant) commander (chief) of the military command and control body
defense-holder-officials-of-command-bodies = the officials of the military command and control bodies
defense-holder-monitoring-commission = the monitoring Commission (its chairperson and members)
defense-holder-unit-commander = the commander (chief) of the monitored unit of the military command and control body
defense-holder-responsible-persons = the responsible persons (performers) of the Plan's activities
defense-holder-monitoring-persons = the monitoring persons of the Plan's activities
defense-holder-military-unit-commander = the commander (chief) of a military unit (institution)
defense-holder-head-of-military-educational-institution = the head of the military or specialized educational institution
defense-holder-head-of-authorised-body = the head of the authorized body
defense-holder-head-of-authorised-state-body = the head of the authorized state body
defense-holder-local-military-administration-bodies = the local military administration bodies
defense-holder-head-of-organisation = the head of the organization
defense-holder-postal-courier = a postal courier
defense-holder-internal-affairs-bodies = the internal affairs bodies
defense-holder-citizens = the citizens of the Republic of Kazakhstan
defense-holder-citizens-subject-to-conscription = the citizens subject to conscription
defense-holder-educational-organisations = the educational organizations
defense-holder-state-bodies = the state bodies
defense-holder-organisations = the organizations
defense-holder-officials = the officials
defense-holder-heads-of-state-bodies = the heads of state bodies
defense-holder-state = the State
defense-holder-national-security-forces = the forces of national security
defense-holder-national-security-system = the system of ensuring national security
defense-holder-armed-forces = the Armed Forces, other troops and military formations
defense-holder-heads-of-coordinating-bodies = the heads of the authorized bodies that carry out interagency coordination
defense-holder-local-representative-bodies = the local representative bodies
defense-holder-local-executive-bodies = the local executive bodies
defense-holder-commission-on-strategic-objects = the Commission on strategic objects under the Government
defense-holder-authorised-state-bodies = the authorized state bodies
defense-holder-head-of-operational-staff = the head of the operational staff
defense-holder-national-security-bodies = the national security bodies
defense-holder-foreign-intelligence-body = the authorized body in the field of foreign intelligence
defense-holder-executive-protective-service = the Executive Protective Service of the President
defense-holder-financial-police = the financial police bodies
defense-holder-foreign-policy-body = the authorized body in the sphere of foreign policy
defense-holder-communications-and-information-body = the authorized body in the field of communications and information
defense-holder-information-security-body = the authorized body in the field of information security
defense-holder-environmental-protection-body = the authorized body in the field of environmental protection
defense-holder-public-planning-body = the authorized body in the field of public planning
defense-holder-agro-industrial-body = the authorized body in the field of the agro-industrial complex
defense-holder-transport-and-communications-body = the authorized body in the field of transport and communications
defense-holder-finance-body = the authorized body in the field of finance
defense-holder-industry-body = the authorized body in the sphere of industry and industrial-innovative development
defense-holder-energy-body = the authorized body in the field of energy
defense-holder-emergency-body = the authorized body in the field of emergencies
defense-holder-judicial-bodies = the judicial bodies
defense-holder-social-protection-body = the authorized body in the field of social protection
defense-holder-culture-body = the authorized body in the field of culture
defense-holder-education-and-science-body = the authorized body in the field of education and science
defense-holder-health-care-body = the authorized body in the field of health care
defense-holder-tourism-and-sports-body = the authorized body in the field of tourism, physical culture and sports
defense-holder-land-management-body = the authorized agency for land management
defense-holder-statistics-body = the authorized body in the field of statistics
defense-holder-competition-body = the authorized body in the field of competition
defense-holder-mineral-resources-body = the authorized body for the study and utilization of mineral resources
defense-holder-religious-affairs-body = the authorized body on religious affairs
defense-holder-national-bank = the National Bank of the Republic of Kazakhstan
defense-holder-accounts-committee = the Accounts Committee for control over execution of the republican budget
defense-holder-budget-execution-body = the central authorized body for budget execution
defense-holder-budget-planning-body = the central authorized body for budget planning
defense-holder-transport-body = the central executive body for state policy in the field of transport
defense-holder-education-body = the authorized body in the field of education
defense-verb-approves = approve
defense-verb-develops = develop
defense-verb-submits = submit or propose
defense-verb-coordinates = coordinate
defense-verb-organises = organise
defense-verb-controls = control or monitor
defense-verb-carries-out = carry out
defense-verb-determines = determine
defense-verb-ensures = ensure or provide
defense-verb-participates = participate in
defense-verb-considers = consider, analyse or hear
defense-verb-adopts = adopt or decide on
defense-verb-appoints = appoint or assign
defense-verb-forms = form, establish or create
defense-verb-manages = manage or head
defense-verb-informs = inform or report to
defense-verb-agrees = agree to (consent or coordination)
defense-verb-is-authorised-body = act as the authorized body in

## Input hygiene (issue 15, item 5)
invalid-text-too-long = Write at most { $max } characters.
invalid-text-line-break = Write this on one line.
invalid-text-control = This text holds an invisible control character (U+{ $code }); remove it and write the text again.
invalid-text-direction = This text holds an invisible mark that changes the direction it is shown in (U+{ $code }), so it would read differently from what is stored; remove it.
invalid-date-range = { $value } is outside the years { $from } to { $to } that a record can speak of.

## Audit keys and checkpoints (issue 15, item 2)
audit-break-key-unknown = the entry was sealed with a key the key ring does not hold.
audit-break-unsealed = the entry carries no key, outside the unkeyed part the key ring names (legacy:N): it was hashed again by someone without the key, or the ring of a log begun before keys lacks its legacy item.
audit-break-truncated = entries from here on were removed: a checkpoint records a later entry.
audit-break-checkpoint-mismatch = the entry's hash differs from the one a checkpoint recorded: the chain was rewritten up to here.
audit-break-checkpoint-forged = a checkpoint naming this entry does not hold: it was changed, or signed with a key the key ring does not hold.
audit-intact-checkpoints = The chain of { $entries } entries is intact and agrees with { $checkpoints } checkpoints.
audit-checkpoint-written = Checkpoint at entry { $seq } appended to { $path }. Keep a copy where the database's holder cannot reach.
audit-checkpoint-refused = The chain's head (entry { $seq }) is not an entry sealed with a key of the key ring, so no checkpoint vouches for it: run qorgau audit verify.
audit-checkpoint-bad-line = Line { $line } is not a checkpoint.
audit-checkpoints-unreadable = The checkpoints in { $path } cannot be read
audit-keys-bad-item = Item { $position } of the audit key ring is neither ID:KEY (a key id from 1 and 64 hexadecimal digits) nor legacy:N.
audit-keys-duplicate = The audit key ring names key { $id } twice.
audit-keys-empty = The audit key ring holds no key.
audit-keys-unreadable = The audit key ring in { $source } cannot be used
audit-keys-file-header = Qorgau's audit key ring. Keep it away from the database and its backups, and keep every key: verifying needs the key each entry was sealed with.
audit-keys-in-environment = The audit keys come from QORGAU_AUDIT_KEY: add the new key there as the next ID:KEY item and keep the older ones.
audit-key-rotated = Audit key { $id } was added to { $path } and seals new entries from now on; restart a running server so that it seals and verifies with it too. Keep every older key.

## Bounded by construction
error-body-too-large = The body may hold at most { $limit } bytes on this route.
error-too-many-requests = Too many requests from this address; try again in { $seconds } s.
error-metrics-token = The metrics need the metrics token: send Authorization: Bearer followed by the token the server was started with.

## Sign-in that cannot be turned against its users (issue 15, item 4)
error-sign-in-wait = Too many failed sign-ins. Try again in { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }.
invalid-password-weak = The new password is too easy to guess. Use a few uncommon words, or make it longer.
invalid-password-common = The new password is, or is close to, a commonly used password.
invalid-password-keyboard = The new password follows the keyboard (like "qwerty"), which is easy to guess.
invalid-password-repeats = The new password repeats characters or groups of them (like "aaa" or "abcabc"), which is easy to guess.
invalid-password-sequence = The new password is a sequence (like "abcd" or "6543"), which is easy to guess.
invalid-password-dates = The new password rests on a date or a recent year, which is easy to guess.
invalid-password-words = The new password is a single word or name, which is easy to guess. Add another word or two; uncommon words are better.
invalid-token-days = A token lasts 1 to { $max } days.
token-active-until = Active until { $at }
token-expired-at = Expired { $at }
token-never-used = Never
field-last-used = Last used
field-last-seen = Last seen
field-address = Address
account-sessions-title = Where you are signed in
account-sessions-intro = A session ends after 30 minutes without a request, and 12 hours after signing in at the latest. End any session you do not recognise, then change your password.
account-session-current = This session
account-session-address-unknown = Not recorded
account-session-ended = The session was ended.
action-end-session = End
user-status-waiting = After failed sign-ins, the next attempt waits until { $until } (UTC)
audit-keys-missing = The audit log is sealed with keys, but there is no key ring at { $path }. Restore it there, or set QORGAU_AUDIT_KEY_FILE or QORGAU_AUDIT_KEY to it. To start a new ring knowingly (the entries sealed before can then never be verified), run: qorgau audit new-ring
audit-new-ring = A new audit key ring was written to { $path }. Entries sealed with the lost ring can no longer be verified; record when and why the ring was replaced.
audit-ring-exists = A key ring is already at { $path }: a new one is made only where none is.
language-kk = Қазақша
language-ru = Русский
language-en = English
languages-label = Language of the interface
account-language-title = Language
field-language = Language of the interface, kept for your account
action-save-language = Save the language
error-not-ready = the database does not answer; the cause is in the server's log

# Problem documents of the API: the title of each kind, and the details of those no error gives.
problem-unauthenticated = Sign-in required
problem-bad-credentials = Sign-in failed
problem-locked = Sign-in must wait
problem-disabled = Account disabled
problem-password-change-required = Password change required
problem-forbidden = Not allowed
problem-not-found = Not found
problem-conflict = Already exists
problem-invalid = Invalid input
problem-unknown-rule = Unknown rule
problem-facts-invalid = Invalid facts
problem-not-yet-in-force = Rule not yet in force
problem-busy = Busy
problem-internal = Internal error
problem-csrf = Missing CSRF token
problem-body-mismatch = The body does not fit
problem-malformed-json = Malformed JSON
problem-content-type = JSON expected
problem-body-too-large = Body too large
problem-unreadable-body = Unreadable body
problem-body-invalid = Invalid body
problem-path-invalid = Invalid path parameter
problem-query-invalid = Invalid query parameter
problem-too-many-requests = Too many requests
problem-not-ready = Not ready
problem-metrics-token = Metrics token required
problem-no-route = No such resource
problem-detail-no-route = nothing is served at { $path }
problem-detail-path-invalid = a path parameter could not be read: { $detail }
problem-detail-query-invalid = a query parameter could not be read: { $detail }
problem-detail-body-mismatch = the body does not fit what this operation takes: { $detail }
problem-detail-malformed-json = the body is not valid JSON: { $detail }
problem-detail-content-type = send the body with Content-Type: application/json
problem-detail-unreadable-body = the body could not be read: { $detail }
problem-detail-body-invalid = the body was refused: { $detail }
problem-detail-csrf = a change made with the session cookie needs the X-CSRF-Token header of the session
error-not-found-id = Nothing with the id { $id } exists here.
field-choose = — choose —
user-no-role-yet = No role yet
user-remove-role-confirm = Remove this role? The person loses what it allows at once.
