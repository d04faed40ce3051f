## Words and messages of the security room.

## Labels of words whose spelling has an underscore (the words without one keep their labels
## in main.ftl: security-area-, security-trend-, security-measure-status-, council-status-,
## council-review-, council-decision-kind-, council-agenda-kind-other, security-to-president-).

## What an organisation does, as far as Article 23.6 cares.
security-activity-media-owner = owner of a mass medium
security-activity-long-distance-operator = operator of long-distance or international communications
security-activity-trunk-line-operator = operator of trunk communication lines
security-activity-network-operator = operator of communication networks

## The limits of Article 23.6.
security-limit-media-foreign-share = more than 20 % of a media owner held by foreign persons
security-limit-media-activity-by-foreigner = activity in the mass media area carried on by a foreign person
security-limit-trunk-lines-by-foreigners = trunk communication lines run by foreigners
security-limit-control-centre-abroad = a communication network's control centre abroad
security-limit-acquisition-without-consent = more than 10 % of an operator's voting shares acquired without consent
security-limit-operator-foreign-share = more than 49 % of an operator held by foreign persons

## security.ownership_screening (Article 23.6): point 3's activity limb, a foreign organisation,
## and the readings the rule applies where the text allows more than one.
rule-security-ownership-media-activity = { $organisation } is itself foreign and carries on activity in the mass media area as the owner of a mass medium, which point 3 of Article 23.6 prohibits to foreign natural and legal persons and stateless persons, whatever the shares.
rule-security-ownership-foreign-itself = { $organisation } is itself foreign, so the whole of it counts as held by foreign persons (100 %), whatever its holdings.
rule-security-ownership-reading-aggregate = Reading of point 3 of Article 23.6, which does not say "aggregate" as point 7 does: the "more than 20 percent" is the share of all foreign persons together, each one's direct and indirect holdings added up. The rule does not compare each foreign person's own share with the 20 % (under that reading two foreign holders of 12 % and 10 % would pass, though together they hold 22 %).
rule-security-ownership-reading-control = Reading of "directly and (or) indirectly" in points 3 and 7 of Article 23.6: a holding through another organisation counts as the product of the shares along the chain (60 % of an organisation that holds 30 % counts as 18 %), and the chains add up, even where a holding gives majority control of the organisation in between. The rule does not attribute the whole of a controlled organisation's holding to whoever controls it (under that reading the example would count as 30 %).
rule-security-ownership-reading-activity = Reading of point 3 of Article 23.6: besides the 20 % limit on shares, it prohibits foreign natural and legal persons and stateless persons from carrying on activity in the mass media area themselves, whatever the shares, and owning a mass medium is such activity (the only one the facts name). So whether the organisation is itself foreign must be given for an owner of a mass medium; it is never presumed domestic. The words could instead be read as extending the 20 % limit to legal persons that carry on activity in the area; the rule does not apply that reading.
rule-security-ownership-reading-acquisition = Reading of point 6 of Article 23.6: an acquisition is judged by the voting shares acquired in it, alone or as part of a group of persons, not by the holding it results in; shares the acquirer already held are not added (8 % held and 5 % acquired without consent breaks nothing).

## The reference lists of the texts.
security-list-security-types = Types of national security
security-list-national-interests = National interests
security-list-main-threats = Main threats to national security
security-list-principles = Principles of national security
security-list-system-functions = Functions of the national security system
security-list-forces = Forces of national security
security-list-public-bodies = Public bodies and their competence
security-list-defense-functions = Functions of the Ministry of Defense
security-list-council-functions = Functions of the Security Council
security-heat-cell = Impact { $impact } of 5, likelihood { $likelihood } of 5, score { $score }: { $count ->
        [0] no threat assessed here
        [one] one threat
       *[other] { $count } threats
    }
