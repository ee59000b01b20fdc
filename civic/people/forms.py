from django import forms
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from . import throttle
from .models import User
from .phone import normalise_phone


class LoginForm(forms.Form):
    identifier = forms.CharField(
        label=_("Phone number or email"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "The phone number, email or password is not right. Please try again."
        ),
        "locked": _(
            "Too many failed attempts. For your safety, sign-in is paused for "
            "%(minutes)d minutes."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        identifier = self.cleaned_data.get("identifier")
        password = self.cleaned_data.get("password")
        if not identifier or not password:
            return self.cleaned_data
        from django.conf import settings

        address = throttle.client_address(self.request) if self.request else ""
        if throttle.is_locked(identifier, address):
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": max(1, settings.LOGIN_THROTTLE_WINDOW // 60)},
            )
        self.user = authenticate(self.request, username=identifier, password=password)
        if self.user is None:
            throttle.record_failure(identifier, address)
            raise ValidationError(self.error_messages["invalid_login"], code="invalid")
        throttle.reset(identifier, address)
        return self.cleaned_data


class _AdminUserFields(forms.ModelForm):
    """Wagtail's admin user form with our fields: full name, phone, optional email."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        required=False,
        help_text=_("Filled in from the phone number or email when left empty."),
    )
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    email = forms.EmailField(label=_("Email"), required=False)

    def clean_phone(self):
        raw = self.cleaned_data.get("phone")
        if not raw:
            return None
        phone = normalise_phone(raw)
        others = User.objects.filter(phone=phone)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(
                _("An account with this phone number already exists.")
            )
        return phone

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if email:
            others = User.objects.filter(email__iexact=email)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise ValidationError(_("An account with this email already exists."))
        return email

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email"):
            raise ValidationError(_("Give a phone number or an email address."))
        return cleaned


class AdminUserCreationForm(_AdminUserFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = {
            User.USERNAME_FIELD,
            "full_name",
            "phone",
            "email",
            "is_superuser",
            "groups",
        }


class AdminUserEditForm(_AdminUserFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = {
            User.USERNAME_FIELD,
            "full_name",
            "phone",
            "email",
            "is_active",
            "is_superuser",
            "groups",
        }


for _form in (AdminUserCreationForm, AdminUserEditForm):
    _form.base_fields.pop("first_name", None)
    _form.base_fields.pop("last_name", None)
