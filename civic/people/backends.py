from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError

from civic.core import pagecache
from civic.core.clients import client_address

from . import throttle
from .models import User
from .phone import looks_like_phone, normalise_phone


def find_user(identifier):
    """The user a login identifier (phone, email or username) names, or None."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    if looks_like_phone(identifier):
        try:
            return User.objects.filter(phone=normalise_phone(identifier)).first()
        except ValidationError:
            return None
    if "@" in identifier:
        return User.objects.filter(email__iexact=identifier).first()
    return User.objects.filter(username=identifier).first()


class PhoneOrEmailBackend(ModelBackend):
    """Sign in with a phone number (any usual spelling) or an email address.

    Every sign-in goes through here, whatever form asked (the site's
    ``/dang-nhap/``, Wagtail's ``/quan-tri/login/``, any ``authenticate()``
    call), so this is where the login throttle (:mod:`civic.people.throttle`)
    lives: an attempt the throttle refuses is not tried at all (the password is
    not checked) and ends the sign-in with ``PermissionDenied``; the refusal is
    left on the request for the form to explain (:func:`throttle.refusal_of`).
    A wrong password is counted against the client address, a right one clears
    that address's failures on the account and marks the address as known.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        address = client_address(request)
        refusal = throttle.check(username, address)
        if refusal is not None:
            throttle.remember_refusal(request, refusal)
            # Django's authenticate() stops at PermissionDenied: no other
            # backend gets to try the password either.
            raise PermissionDenied(f"sign-in {refusal.reason}")
        user = find_user(username)
        if user is None:
            User().set_password(password)  # same cost as a real check
        elif user.check_password(password) and self.user_can_authenticate(user):
            throttle.record_success(username, address)
            return user
        throttle.record_failure(username, address)
        return None

    def get_user(self, user_id):
        """The signed-in user of every request, kept between requests with the
        page cache's versions (civic.core.pagecache.memo) until the users'
        table changes - a new password, a deactivation or a new name is seen at
        once; only a sign-in's ``last_login`` is not (shown nowhere)."""
        return pagecache.memo(
            "auth.user", [user_id], lambda: ModelBackend.get_user(self, user_id)
        )

    def get_all_permissions(self, user_obj, obj=None):
        """Django's answer (the user's own permissions and their groups'), read
        with one query instead of two: every signed-in page asks it, for the
        header's link to the management site."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):

            def read():
                fields = ("content_type__app_label", "codename")
                if user_obj.is_superuser:
                    perms = Permission.objects.values_list(*fields)
                else:
                    perms = (
                        Permission.objects.filter(user=user_obj)
                        .values_list(*fields)
                        .order_by()
                        .union(
                            Permission.objects.filter(group__user=user_obj)
                            .values_list(*fields)
                            .order_by()
                        )
                    )
                return {f"{app}.{codename}" for app, codename in perms}

            # kept across requests while no permission, group or membership
            # changed (civic.core.pagecache); the query is built only when read
            user_obj._perm_cache = pagecache.memo(
                "people.permissions", [user_obj.pk, user_obj.is_superuser], read
            )
        return user_obj._perm_cache
