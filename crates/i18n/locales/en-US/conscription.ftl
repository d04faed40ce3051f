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
