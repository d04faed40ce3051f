## Words and messages of the conscription room.

## The words of the conscription vocabularies. A word whose label already stands in main.ftl
## under the same id (purpose-evaluation, purpose-assignment, campaign-status-*, channel-sms,
## channel-egov, summons-notified-notified, summons-notified-pending, summons-action-none,
## summons-action-reschedule) is not repeated here.





citizen-sex-male = Male
citizen-sex-female = Female

citizen-removal-none = Not removed from the register
citizen-removal-discharged = Discharged from military service
citizen-removal-retired = Retired
citizen-removal-max-reserve-age = Removed on reaching the maximum age for the reserve
citizen-removal-unfit = Found unfit for military service and removed

channel-event-delivered = Delivered
channel-event-read = Read
channel-event-failed = Not delivered
channel-event-number-changed = The number has changed hands

channel-event-outcome-applied = Applied to its summons
channel-event-outcome-unknown-message = Kept: no summons has this message

absence-reason-illness = An illness that prevents appearing
absence-reason-death-of-close-relative-or-spouse = The death of a close relative or a spouse
absence-reason-natural-disaster-or-other-circumstance = A natural disaster or another circumstance that prevents appearing
absence-reason-marriage-registration = State registration of marriage
absence-reason-abroad = Outside Kazakhstan
absence-reason-other = Another reason (the officer decides)

excuse-finding-prevented-appearance = It prevented the appearance
excuse-finding-did-not-prevent-appearance = It did not prevent the appearance

excuse-status-excused = Excused
excuse-status-not-excused = Not excused
excuse-status-awaiting-decision = Awaiting an officer's decision

## The kinds of military service (003, "Military service content", paras 2 and 3) and of
## conscription (003, "Conscription of citizens for military service", para 2).
service-kind-urgent = Urgent military service of soldiers (sailors)
service-kind-reserve-officers = Military service of reserve officers
service-kind-mobilization-wartime-training = Military service during mobilization, martial law, wartime and military training
service-kind-contract-positions = Military service under contract in the positions of soldiers (sailors), sergeants (foremen) and officers
service-kind-cadets-and-students = Military service and training of cadets and students of military educational institutions

conscription-kind-citizens = Conscription of citizens for military service
conscription-kind-reserve-officers = Conscription of reserve officers for military service
conscription-kind-military-training = Conscription for military training
conscription-kind-mobilization-martial-law-wartime = Conscription under mobilization or martial law and in wartime

## conscription.serviceman_status_start: the loss of the status (003, "Status of a military
## serviceman", para 4).
rule-serviceman-status-title = Status of a military serviceman: the day it starts and the day it is lost
rule-serviceman-not-excluded = The citizen has not been excluded from the lists of the military unit, so on { $as_of } the status continues: it is lost only from the day of exclusion from the lists in connection with dismissal from military service (the end of military training).
rule-serviceman-lost = The citizen was excluded from the lists of the military unit in connection with dismissal from military service (the end of military training) on { $date }, and has not been a military serviceman since that day.
rule-serviceman-loses = The exclusion from the lists of the military unit is dated { $date }, after the date of this decision: the status is lost on that day.
rule-serviceman-loss-reading = Reading of 003 para 4, "loses the status of a military serviceman from the day of exclusion from the lists of a military unit": the day of exclusion is the first day without the status, so on that day itself the citizen is no longer a military serviceman. The rule does not read the day of exclusion as the last day of service (under that reading the status would be held on that day and lost from the next).

## conscription.registration_required: the reading of "discharged" in item 2 (003, "Military
## registration", para 1).
rule-registration-discharged-reading = Reading of 003 "Military registration" para 1 item 2: "persons discharged from military service" are read together with "removed from military registration": this person is exempt because they were removed from the register, discharge from military service being the reason recorded for the removal. A discharge alone does not exempt: a reservist discharged after service who remains on the reserve register (recorded as not removed) is subject to military registration. The rule does not apply the literal reading, under which every person discharged from military service would be exempt, reservists included.
