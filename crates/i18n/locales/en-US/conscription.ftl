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
