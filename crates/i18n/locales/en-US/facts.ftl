## Why a rule could not decide: the rule unknown, the facts not fitting its schema, the date
## before its sources, and every fact a rule refuses or misses (fact-<rule>-<what>). Each is a
## whole sentence naming the fact in words; the fact's code is the page's or the API's to show.

rule-error-unknown = No rule has the id "{ $rule }".
rule-error-facts = The facts do not fit rule { $rule }: { $detail }
rule-error-not-yet-in-force = Rule { $rule } applies from { $since }, when { $act } came into force.

## conscription.duly_notified: an event of another channel than the summons'.

fact-notified-delivery-report-foreign = The delivery report of a message does not belong to a summons sent this way: { $channel }.
fact-notified-read-foreign = The reading of a message does not belong to a summons sent this way: { $channel }.
fact-notified-number-changed-foreign = The report that the mobile number changed hands does not belong to a summons sent this way: { $channel }.
fact-notified-signed-foreign = The citizen's signature for a paper summons does not belong to a summons sent this way: { $channel }.
fact-notified-refused-noted-foreign = The note of the citizen's refusal to accept a paper summons does not belong to a summons sent this way: { $channel }.
fact-notified-handed-at-authority-foreign = The handing of the summons to the citizen at the local military administration body does not belong to a summons sent this way: { $channel }.

## conscription.registration_required and conscription.compulsory_training_eligible.

fact-registration-birth-after-decision = The date of birth, { $birth_date }, is after the date of the decision, { $as_of }.
fact-training-birth-after-decision = The date of birth, { $birth_date }, is after the date of the decision, { $as_of }.
fact-training-children-required = The children's birth dates are required for a woman of 18 to 45: give her children's birth dates, or an empty list ([]) when she has none.

## conscription.serviceman_status_start.

fact-serviceman-previously-missing = It is not stated whether the cadet was a military serviceman before; a cadet's status starts with the order only if they were not a serviceman before.
fact-serviceman-departure-order-missing = The date of the order on departure from the local military administration body to the place of service is missing; a conscript's status starts from the date of that order.
fact-serviceman-enrollment-order-missing = The date of the commander's order enrolling the serviceman into the unit's lists is missing; a contract serviceman's status starts from the date that order is published.
fact-serviceman-roster-order-missing = The date of the order enrolling the cadet in the student roster is missing; the cadet's status starts from the date of that order.
fact-serviceman-assignment-order-missing = The date of the order assigning the cadet for study at a foreign military educational institution is missing; the cadet's status starts from the date of that order.
fact-serviceman-transfer-order-missing = The date of the order on the ulan's transfer to the third year and appointment to a position is missing; the ulan's status starts from the date that order is published.
fact-serviceman-exclusion-day-not-excluded = The day of exclusion from the unit's lists is given, but the citizen is stated not to be excluded from the lists.
fact-serviceman-exclusion-day-missing = The citizen is excluded from the unit's lists, but the day of exclusion is missing; the status is lost from the day of exclusion from the unit's lists.
fact-serviceman-exclusion-missing = It is not stated whether the citizen is excluded from the unit's lists; the status started on { $order }, and whether it is still held on { $as_of } depends on the exclusion from the unit's lists.
fact-serviceman-exclusion-before-start = The day of exclusion from the unit's lists, { $day }, is before the status started, on { $order }.

## conscription.absence_excused.

fact-absence-finding-not-other = The officer's finding on whether the reason prevented the appearance is only for an "other" reason: the text itself recognises the five reasons of its list.

## defense.function_holder.

fact-function-holder-question-empty = The question is empty; ask about a function in words.
fact-function-holder-clause-invalid = The clause that answers the question, { $clause }, is not a well-formed clause id.
fact-function-holder-clause-not-in-corpus = The clause that answers the question, { $clause }, is not in the corpus.
fact-function-holder-citation-invalid = A clause the answer cites, { $clause }, is not a well-formed clause id.

## safety rules.

fact-plan-due-year-out-of-range = The year of the Plan must be from { $first } to { $last }; { $year } was given.
fact-plan-due-no-last-day = The Plan for { $year } has no last day to approve it: 24 December of the year before is not in the calendar.
fact-coverage-no-departments = The number of departments and services is zero; a body with no departments or services has nothing to cover.
fact-coverage-inspected-over-total = The number of departments and services inspected, { $inspected }, is more than the { $total } there are.
fact-period-number-out-of-range = { $kind ->
        [month] The number of the month must be from 1 to { $max }; { $number } was given.
        [quarter] The number of the quarter must be from 1 to { $max }; { $number } was given.
        [half_year] The number of the half-year must be from 1 to { $max }; { $number } was given.
       *[other] The number of the period must be from 1 to { $max }; { $number } was given.
    }
fact-period-year-out-of-range = The year of the period must be from 1900 to 9998; { $year } was given.
fact-period-calendar-empty = The training calendar makes this period empty, or names a day that does not exist.
fact-comparison-number-not-used = A period of the kind "{ $kind }" is named by its year alone: no number of the period is given for it.
fact-comparison-number-needed = { $kind ->
        [month] The number of the month, from 1 to { $max }, is needed.
        [quarter] The number of the quarter, from 1 to { $max }, is needed.
        [half_year] The number of the half-year, from 1 to { $max }, is needed.
       *[other] The number of the period, from 1 to { $max }, is needed.
    }
fact-retention-control-end-too-late = The end of control, { $control_end }, is too far in the future to count five years from it.
fact-exercise-no-day-before = The start of the training period or activity, { $starts_on }, has no day before it in the calendar.
fact-schedule-period-end-not-month-end = The end of the period, { $period_end }, is not the last day of a month; the analysed periods end on one.
fact-rates-personnel-zero = The average number of personnel must be more than zero to compute a rate per 1,000; { $personnel } was given.

## security rules.

fact-lead-body-clause-invalid = The clause naming the body that coordinates this area, { $clause }, is not a well-formed clause id.
fact-lead-body-clause-not-in-corpus = The clause naming the body that coordinates this area, { $clause }, is not in the corpus.
fact-ownership-organisation-empty = The name of the organisation is empty.
fact-ownership-share-invalid = The share held in { $owned } is { $share } %; a share must be more than 0 % and at most 100 %.
fact-ownership-foreign-contradicted = The organisation is stated not to be foreign, but { $organisation } is listed among the foreign persons.
fact-ownership-foreign-required = Whether the organisation is itself foreign is required for an owner of a mass medium: point 3 of Article 23.6 prohibits foreign persons from carrying on activity in the mass media area, so it must be stated either way.
fact-ownership-over-owned = The shares held in { $owned } add up to { $total } %, more than 100 %.
fact-ownership-no-convergence = The foreign shares did not settle: the computation reached its limit of rounds ({ $rounds }).
fact-ownership-share-not-computed = The computed foreign share, { $share }, is not a percent between 0 and 100.
fact-indicator-not-numbers = The baseline and the target must be numbers.
fact-indicator-target-equals-baseline = The target must differ from the baseline.
fact-indicator-deadline-not-after-baseline = The deadline, { $deadline }, must be after the baseline day, { $baseline_on }.
fact-indicator-latest-not-number = The latest measured value must be a number.
