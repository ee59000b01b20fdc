"""What an API key may write, through the apps' own actions (their checks,
limits and row locks): a feedback report and a support appointment, each on
behalf of a resident who consented in the calling application. The service
account of the key is the reporter / the resident of record; the row
``ApiWrite`` keeps which key did it and the consent it declared."""

from django.db import transaction

from civic.feedback import actions as feedback
from civic.support import actions as support
from content.models import AreaPage, listed

from .models import ApiWrite


class NoConsent(Exception):
    pass


def file_report(key, *, area_id, consent, **fields):
    if consent is not True:
        raise NoConsent
    area = listed(AreaPage.objects.all()).filter(pk=area_id).first()
    with transaction.atomic():
        report = feedback.submit_report(key.account, area, **fields)
        ApiWrite.objects.create(
            key=key, kind=ApiWrite.REPORT, object_id=report.pk, consent=True
        )
    return report


def book(key, point, *, date, time, need, consent):
    if consent is not True:
        raise NoConsent
    with transaction.atomic():
        appointment = support.request_appointment(key.account, point, date, time, need)
        ApiWrite.objects.create(
            key=key, kind=ApiWrite.APPOINTMENT, object_id=appointment.pk, consent=True
        )
    return appointment
