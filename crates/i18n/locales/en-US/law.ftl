## The life of the acts: lapses, disagreements and caveats.

law-status-repealed = Lapsed from { $since }: repealed by { $by }
law-disagreement-security-council-nature = The Law on National Security (Art. 11.1) calls the Security Council "an advisory body under the President"; the Council's page calls it "a constitutional body formed by the President". Qorgau applies the Law, which is the act; the page is a summary.
law-caveat-undated-page = The Security Council's page is undated: Qorgau reads it as in force for every date it works with (from 2020), and its decisions say so.
law-caveat-summary-page = The e-Government page summarises the Law "On Military Service and Status of Military Personnel"; it is not the Law. Qorgau reads it as stating the law from its last update (19 November 2025).
rule-not-yet-in-force = Rule { $rule } applies from { $since }, when { $act } came into force; { $as_of } is before that day.
rule-source-repealed = The source of this decision, { $act }, lapsed on { $since }: it was repealed by { $by }. The decision applies the text as it stood; check the act that replaced it.
rule-clause-excluded = Clause { $clause }, which this decision cites, was excluded on { $since } by { $by }.
