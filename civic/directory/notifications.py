"""The kinds of notification of the local directory's shops
(civic/people/notifications.py)."""

from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind

BUSINESS_PROPOSED = Kind(
    "directory.business_proposed",
    _lazy("%(name)s proposes “%(business)s” for the business directory."),
)
BUSINESS_APPROVED = Kind(
    "directory.business_approved",
    _lazy("“%(business)s” is now in the business directory."),
)
BUSINESS_REJECTED = Kind(
    "directory.business_rejected",
    _lazy("“%(business)s” was not accepted in the business directory: %(reason)s"),
)
