from django import forms
from django.contrib.auth import authenticate, password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from civic.core.areas import GROUP_KINDS, area_model
from civic.core.text import clean_text

from . import throttle
from .models import Household, Residency, ResidencyStatus, User
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
        # The backend throttles (civic.people.throttle): it refuses, counts
        # the failure or clears it; this form only explains.
        self.user = authenticate(self.request, username=identifier, password=password)
        if self.user is None:
            refusal = throttle.refusal_of(self.request)
            if refusal is not None:
                raise throttle.refusal_error(refusal)
            raise ValidationError(self.error_messages["invalid_login"], code="invalid")
        return self.cleaned_data


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's admin login (``WAGTAILADMIN_USER_LOGIN_FORM``), saying why a
    throttled attempt was refused instead of "didn't match"."""

    def get_invalid_login_error(self):
        refusal = throttle.refusal_of(self.request)
        if refusal is not None:
            return throttle.refusal_error(refusal)
        return super().get_invalid_login_error()


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


#: What the consent box says: what is processed, and why (Personal Data Protection
#: Law 2025). Its text, in the language shown, is kept with the time it was given.
CONSENT_TEXT = _(
    "I agree that the ward or commune and my residential group process my name, "
    "phone number or email, address and household, to verify that I live here and "
    "to let me take part in the life of my residential group on this site."
)


class RegistrationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        help_text=_("A phone number or an email address (or both), to sign in."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        required=True,
        initial=False,
        error_messages={
            "required": _(
                "Tick the box to agree; without it we cannot create your account."
            )
        },
    )

    DUPLICATE_PHONE = _(
        "An account with this phone number already exists. Sign in instead."
    )
    DUPLICATE_EMAIL = _("An account with this email already exists. Sign in instead.")

    def clean_full_name(self):
        name = clean_text(self.cleaned_data["full_name"])
        if not name:
            raise ValidationError(_("Give your full name."))
        return name

    def clean_phone(self):
        raw = (self.cleaned_data.get("phone") or "").strip()
        if not raw:
            return None
        phone = normalise_phone(raw)
        if User.objects.filter(phone=phone).exists():
            raise ValidationError(self.DUPLICATE_PHONE, code="duplicate")
        return phone

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if email and User.objects.filter(email__iexact=email).exists():
            raise ValidationError(self.DUPLICATE_EMAIL, code="duplicate")
        return email

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("phone")
            and not cleaned.get("email")
            and "phone" not in self.errors
            and "email" not in self.errors
        ):
            raise ValidationError(_("Give a phone number or an email address."))
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            candidate = User(
                full_name=cleaned.get("full_name") or "",
                phone=cleaned.get("phone"),
                email=cleaned.get("email") or "",
                username=cleaned.get("phone") or cleaned.get("email") or "",
            )
            try:
                password_validation.validate_password(p1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


def group_choices():
    return area_model().objects.live().filter(kind__in=GROUP_KINDS).order_by("path")


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        parent = obj.get_parent()
        return f"{obj.title} — {parent.title}" if parent else obj.title


class GroupForm(forms.Form):
    group = GroupChoiceField(
        label=_("Your residential group"),
        queryset=None,
        empty_label=_("Choose…"),
        error_messages={
            "required": _("Choose your residential group."),
            "invalid_choice": _("Choose a residential group from the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = group_choices()


def joinable_households(group):
    """The households of ``group`` a newcomer can ask to join: those with a
    verified member (a household only declared, not yet verified, is not shown)."""
    return (
        Household.objects.filter(
            area=group,
            pk__in=Residency.objects.filter(status=ResidencyStatus.VERIFIED).values(
                "household_id"
            ),
        )
        .order_by("address")
        .only("pk", "address")
    )


class JoinForm(forms.Form):
    EXISTING, NEW = "existing", "new"

    mode = forms.ChoiceField(
        label=_("Your household"),
        choices=[
            (EXISTING, _("My household is already registered: I join it")),
            (NEW, _("I declare a new household (I will be its representative)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you join or declare a household.")},
    )
    household = forms.ModelChoiceField(
        label=_("Address of the registered household"),
        queryset=Household.objects.none(),
        required=False,
        empty_label=_("Choose…"),
        help_text=_("Its representative confirms you, then your group leader."),
        error_messages={
            "invalid_choice": _("Choose a household of this residential group."),
        },
    )
    address = forms.CharField(
        label=_("Address of the new household"),
        max_length=255,
        required=False,
        help_text=_("House number, alley and street, e.g. 12/3 Hà Ra."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )

    def __init__(self, group, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["household"].queryset = joinable_households(group)

    def clean(self):
        cleaned = super().clean()
        mode = cleaned.get("mode")
        if mode == self.EXISTING and not cleaned.get("household"):
            if "household" not in self.errors:
                self.add_error("household", _("Choose your household's address."))
        elif mode == self.NEW:
            cleaned["household"] = None
            if not clean_text(cleaned.get("address")):
                self.add_error("address", _("Give the address of your household."))
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the resident will see it)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give a reason; the resident will see it.")},
    )


class MovedForm(forms.Form):
    reason = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)


class RepresentativeForm(forms.Form):
    user = forms.IntegerField(
        label=_("New representative"),
        error_messages={
            "required": _("Choose the new representative."),
            "invalid": _("Choose the new representative."),
        },
    )
