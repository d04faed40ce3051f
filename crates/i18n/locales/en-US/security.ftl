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
security-limit-trunk-lines-by-foreigners = trunk communication lines run by foreigners
security-limit-control-centre-abroad = a communication network's control centre abroad
security-limit-acquisition-without-consent = more than 10 % of an operator's voting shares acquired without consent
security-limit-operator-foreign-share = more than 49 % of an operator held by foreign persons

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
