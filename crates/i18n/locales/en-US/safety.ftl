## Words and messages of the safety room.

## Labels of the safety vocabularies whose words hold an underscore (Fluent ids keep it).
## Words without one (violation-other, cause-fall, incident-death, period-month, coverage-met,
## plan-status-draft, safety-schedule-status-late and the like) are labelled in main.ftl.







exercise-complex-tactical-exercise = Complex tactical and combat exercise of the body
exercise-unit-safety-exercise = Safety exercise in the units and services



## How the comparison of para 16 meets the cadence of para 20 (safety.comparison_period,
## safety.analysis_schedule).
rule-safety-comparison-period-calendar = Reading of paras 16 and 20 together: the monthly, quarterly, half-yearly and annual analyses of para 20 are of calendar periods (the month; the quarter January to March, April to June, July to September or October to December; the half-year January to June or July to December; the year January to December), and each is compared with the period of the same kind and number one year earlier: a month with the same month, a quarter with the same quarter, a half-year with the same half-year, a year with the previous calendar year. The rule does not compare a period with the one just before it (the first quarter is not compared with the fourth), and does not read the half-year as a training period or the year as an academic year.
rule-safety-comparison-period-training = Reading of paras 16 and 20 together: the winter and summer training periods and the academic year named in para 16 are further periods an analysis may be made for, each compared with the same training period, or the academic year, one year earlier. Para 20 schedules none of them (its analyses are of calendar months, quarters, half-years and years), so no deadline follows from it for them. The academic year is not limited to military educational institutions: the rule does not know which body is analysed.
rule-safety-schedule-reading = Reading of paras 20 and 16 together: "monthly, quarterly, once every six months and annually" are calendar periods (the month; the quarter ending in March, June, September or December; the half-year ending on 30 June or 31 December; the year ending on 31 December), and each analysis is compared (para 16) with the same calendar period of the previous year. The winter and summer training periods and the academic year named in para 16 are not scheduled: no analysis of them falls due and none has a deadline, even when one ends on the last day of a month.
