"""The peer of the eligibility benchmark: OpenFisca's vectorised formula over the same persons.

Reads target/eligibility-persons.csv (written by `cargo bench -p qorgau-rules --bench
eligibility`), builds a one-entity tax-benefit system with the compulsory-training formula
(men 16-60, women 18-45 with no child ten or under; over ten from the day after the tenth
birthday), and times it. Prints JSON: persons/s end to end (simulation built, inputs set,
formula calculated) and for the formula alone, and the number found eligible.
"""
import datetime
import json
import sys
import time

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.periods import DAY, ETERNITY
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

AS_OF = np.datetime64("2026-11-23")

Person = build_entity(key="person", plural="persons", label="Person", is_person=True)


def years_on(birth, day):
    """Whole years completed on `day` (vectorised)."""
    by = birth.astype("datetime64[Y]").astype(int) + 1970
    bmd = (birth - birth.astype("datetime64[M]")).astype(int) + 100 * (
        birth.astype("datetime64[M]").astype(int) % 12
    )
    dy = day.astype("datetime64[Y]").astype(int) + 1970
    dmd = (day - day.astype("datetime64[M]")).astype(int) + 100 * (
        day.astype("datetime64[M]").astype(int) % 12
    )
    return dy - by - (dmd < bmd), dmd == bmd


class female(Variable):
    value_type = bool
    entity = Person
    definition_period = ETERNITY
    label = "Female"


class birth(Variable):
    value_type = datetime.date
    entity = Person
    definition_period = ETERNITY
    label = "Date of birth"


class youngest_child(Variable):
    value_type = datetime.date
    entity = Person
    definition_period = ETERNITY
    label = "Birth date of the youngest child (1800-01-01 when none)"


class training_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "Undergoes compulsory military training"

    def formula(person, period):
        day = np.datetime64(str(period.start))
        age, _ = years_on(person("birth", period), day)
        child = person("youngest_child", period)
        has_child = child > np.datetime64("1800-01-01")
        child_age, birthday = years_on(child, day)
        child_over_ten = (child_age > 10) | ((child_age == 10) & ~birthday)
        woman = (age >= 18) & (age <= 45) & (~has_child | child_over_ten)
        man = (age >= 16) & (age <= 60)
        return np.where(person("female", period), woman, man)


def system():
    tbs = TaxBenefitSystem([Person])
    for variable in (female, birth, youngest_child, training_eligible):
        tbs.add_variable(variable)
    return tbs


def main(path):
    rows = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=str)
    female_in = rows[:, 0] == "1"
    birth_in = rows[:, 1].astype("datetime64[D]")
    child_in = np.where(rows[:, 2] == "", "1800-01-01", rows[:, 2]).astype("datetime64[D]")
    n = len(female_in)
    tbs = system()
    best_total, best_formula, eligible = None, None, 0
    for _ in range(5):
        start = time.perf_counter()
        sim = SimulationBuilder().build_default_simulation(tbs, count=n)
        sim.set_input("female", "eternity", female_in)
        sim.set_input("birth", "eternity", birth_in)
        sim.set_input("youngest_child", "eternity", child_in)
        formula_start = time.perf_counter()
        result = sim.calculate("training_eligible", str(AS_OF))
        end = time.perf_counter()
        eligible = int(result.sum())
        total, formula = end - start, end - formula_start
        best_total = total if best_total is None else min(best_total, total)
        best_formula = formula if best_formula is None else min(best_formula, formula)
    print(json.dumps({
        "persons": n,
        "end_to_end_per_s": n / best_total,
        "formula_per_s": n / best_formula,
        "eligible": eligible,
    }))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/eligibility-persons.csv")
