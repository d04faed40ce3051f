## The life of the acts: lapses, disagreements and caveats.

law-status-repealed = Lapsed from { $since }: repealed by { $by }
law-disagreement-security-council-nature = The Law on National Security (Art. 11.1) calls the Security Council "an advisory body under the President"; the Council's page calls it "a constitutional body formed by the President". Qorgau applies the Law, which is the act; the page is a summary.
law-caveat-undated-page = The Security Council's page is undated: Qorgau reads it as in force for every date it works with (from 2020), and its decisions say so.
law-caveat-summary-page = The e-Government page summarises the Law "On Military Service and Status of Military Personnel"; it is not the Law. Qorgau reads it as stating the law from its last update (19 November 2025).
rule-not-yet-in-force = Rule { $rule } applies from { $since }, when { $act } came into force; { $as_of } is before that day.
rule-source-repealed = The source of this decision, { $act }, lapsed on { $since }: it was repealed by { $by }. The decision applies the text as it stood; check the act that replaced it.
rule-clause-excluded = Clause { $clause }, which this decision cites, was excluded on { $since } by { $by }.
law-watch-not-yet = { $clause } is not yet in force: its act applies from { $since }.
law-watch-repealed = { $clause } lapsed on { $since }: its act was repealed by { $by }.
law-watch-title = Watch on the law
law-watch-intro = Every rule whose basis has changed on { $as_of } (a cited act not yet in force or repealed, a cited clause excluded), every stored decision of such a rule or made on another version of the corpus, the texts that disagree, and the caveats about whole texts.
law-watch-rules = Rules whose basis has changed
law-watch-none = No rule's basis has changed on this day.
law-watch-disagreements = Texts that disagree
law-watch-caveats = Caveats
cli-law-watch-rule = { $rule }: { $change }
cli-law-watch-decision = Stored decision { $receipt } ({ $rule }, { $entity }, decided for { $as_of }): its basis has changed; replay it with "qorgau rules replay { $receipt }".
law-watch-decisions = Stored decisions whose basis has changed
law-watch-no-decisions = No stored decision rests on a changed basis.
law-watch-decisions-hidden = Stored decisions are listed to those who may read the audit log at the root of the organisation.
law-watch-corpus-changed = made on another version of the corpus
law-notice-repealed = { $act } lapsed on { $since }: it was repealed by the { $by }. This module applies its text as it stood, and every outcome it shows rests on that text; check the act that replaced it.
