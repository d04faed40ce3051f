## Words and messages of the safety room.

## Labels of the safety vocabularies whose words hold an underscore (Fluent ids keep it).
## Words without one (violation-other, cause-fall, incident-death, period-month, coverage-met,
## plan-status-draft, safety-schedule-status-late and the like) are labelled in main.ftl.







exercise-complex-tactical-exercise = Complex tactical and combat exercise of the body
exercise-unit-safety-exercise = Safety exercise in the units and services


