"""The market's pages. Thin: every change goes through ``actions`` (run by
``civic.core.views.run_action``); an order is shown only to its buyer and its
seller (anyone else, or a forged id, gets 404)."""

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from civic.core.views import run_action, valid_data
from content.models import AreaPage, listed

from . import actions, queries, vietqr
from .forms import (
    BankAccountForm,
    EditListingForm,
    FilterForm,
    ListingForm,
    ModerationForm,
    OrderForm,
    ProposeForm,
    RateForm,
    ReasonForm,
)
from .models import Listing, Operator, Order, OrderStatus, Seller
from .permissions import can_moderate_listing, can_read_listing
from .rules import PROHIBITED

PER_PAGE = 24


def _market_page(request, area=None):
    form = FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    listings = queries.shown_listings()
    if area is not None:
        listings = queries.in_area(listings, area)
    listings = queries.filtered(listings, data, request.user)
    page = Paginator(listings, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "market/market.html",
        {
            "area": area,
            "form": form,
            "page_obj": page,
            "listings": page.object_list,
        },
    )


def market(request):
    return _market_page(request)


def market_area(request, area_pk):
    area = get_object_or_404(listed(AreaPage.objects.all()), pk=area_pk)
    return _market_page(request, area)


def _listing(pk, user):
    listing = get_object_or_404(
        Listing.objects.select_related("area", "seller__user", "shop"), pk=pk
    )
    if not can_read_listing(user, listing):
        raise Http404
    return listing


def _listing_context(request, listing, **extra):
    return {
        "listing": listing,
        "photos": list(listing.photos.all()),
        "delivery": list(listing.delivery_areas.order_by("path")),
        "rating": queries.seller_rating(listing.seller),
        "report_type": ContentType.objects.get_for_model(Listing).pk,
        # the moderators of its area hide or show it here (with a reason)
        "moderation_form": ModerationForm()
        if can_moderate_listing(request.user, listing)
        else None,
        **extra,
    }


def listing_detail(request, pk):
    listing = _listing(pk, request.user)
    is_seller = (
        request.user.is_authenticated and listing.seller.user_id == request.user.pk
    )
    form = None
    if request.user.is_authenticated and not is_seller and listing.is_shown():
        form = OrderForm(initial={"quantity": 1})
    return render(
        request,
        "market/listing.html",
        _listing_context(request, listing, is_seller=is_seller, form=form),
    )


@login_required
def listing_new(request):
    places = actions.selling_places(request.user)
    refusal = None
    if not places:
        refusal = _(
            "Only verified residents and approved local shops can sell on the "
            "market. Ask your group leader to verify you first."
        )
    else:
        area = next(iter(places.values()))[0]
        refusal = actions.sell_refusal(request.user, area)
    form = ListingForm(request.POST or None, request.FILES or None, places=places)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            area, shop = form.place_value()
            done = run_action(
                request,
                actions.post_listing,
                request.user,
                area,
                shop=shop,
                photos=form.cleaned_data["photos"],
                form=form,
                success=_("Your listing is on the market for 30 days."),
                **form.listing_fields(),
            )
            if done:
                return redirect(done.value)
        status = 400
    return render(
        request,
        "market/listing_form.html",
        {"form": form, "refusal": refusal},
        status=status,
    )


@login_required
def listing_edit(request, pk):
    listing = _listing(pk, request.user)
    if listing.seller.user_id != request.user.pk:
        raise Http404
    initial = {
        field: getattr(listing, field)
        for field in (
            "kind",
            "category",
            "title",
            "description",
            "price",
            "unit",
            "availability",
            "stock",
            "pickup",
        )
    }
    initial["delivery_areas"] = list(listing.delivery_areas.all())
    form = EditListingForm(
        request.POST or None, request.FILES or None, listing=listing, initial=initial
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            done = run_action(
                request,
                actions.edit_listing,
                request.user,
                listing,
                photos=form.cleaned_data["photos"],
                remove_photos=form.cleaned_data["remove_photos"],
                form=form,
                success=_("Your listing was saved."),
                **form.listing_fields(),
            )
            if done:
                return redirect(done.value)
        status = 400
    return render(
        request,
        "market/listing_form.html",
        {
            "form": form,
            "listing": listing,
            "photos": list(listing.photos.all()),
            "removing": set(map(str, form["remove_photos"].value() or ())),
        },
        status=status,
    )


@require_POST
@login_required
def listing_renew(request, pk):
    listing = _listing(pk, request.user)
    run_action(
        request,
        actions.renew_listing,
        request.user,
        listing,
        success=_("Your listing is on the market for another 30 days."),
    )
    return redirect(listing)


@require_POST
@login_required
def listing_withdraw(request, pk):
    listing = _listing(pk, request.user)
    run_action(
        request,
        actions.withdraw_listing,
        request.user,
        listing,
        success=_("Your listing was withdrawn."),
    )
    return redirect(listing)


def _moderate(action, success):
    @require_POST
    @login_required
    def view(request, pk):
        listing = _listing(pk, request.user)

        def run(user, listing):
            data = valid_data(ModerationForm(request.POST))
            return action(user, listing, data["reason"])

        run_action(request, run, request.user, listing, success=success)
        return redirect(listing)

    return view


listing_hide = _moderate(actions.hide_listing, gettext_lazy("The listing is hidden."))
listing_show = _moderate(
    actions.show_listing, gettext_lazy("The listing is shown again.")
)


def seller_detail(request, pk):
    seller = get_object_or_404(
        Seller.objects.select_related("user"), pk=pk, user__isnull=False
    )
    listings = list(
        queries.shown_listings().filter(seller=seller).order_by("-renewed_at")
    )
    reviews = list(
        seller.sales.filter(rating__isnull=False)
        .select_related("listing")
        .order_by("-rated_at")[:20]
    )
    return render(
        request,
        "market/seller.html",
        {
            "seller": seller,
            "listings": listings,
            "reviews": reviews,
            "rating": queries.seller_rating(seller),
            "report_type": ContentType.objects.get_for_model(Seller).pk,
        },
    )


@login_required
def mine(request):
    seller = Seller.objects.filter(user=request.user).first()
    listings = (
        list(seller.listings.select_related("area").order_by("-renewed_at"))
        if seller
        else []
    )
    sales = list(seller.sales.select_related("listing", "buyer")[:50]) if seller else []
    purchases = list(
        Order.objects.filter(buyer=request.user).select_related("listing")[:50]
    )
    return render(
        request,
        "market/mine.html",
        {
            "seller": seller,
            "listings": listings,
            "sales": sales,
            "purchases": purchases,
        },
    )


def _order(request, pk):
    """The order, for its buyer or its seller only: anyone else gets 404."""
    order = (
        Order.objects.select_related("listing", "seller__user", "buyer")
        .filter(pk=pk)
        .first()
    )
    user = request.user
    if order is None or not (
        order.buyer_id == user.pk or order.seller.user_id == user.pk
    ):
        raise Http404
    return order


@login_required
def order_detail(request, pk):
    order = _order(request, pk)
    is_seller = order.seller.user_id == request.user.pk
    payment = None
    if (
        not is_seller
        and order.status in (OrderStatus.ACCEPTED, OrderStatus.COMPLETED)
        and order.seller.has_bank_account
    ):
        try:
            payload = vietqr.build_payload(
                order.seller.bank_bin,
                order.seller.account_number,
                order.total or None,
                order.reference,
            )
        except vietqr.PayloadError:
            # a total beyond the 13 digits of EMVCo's amount: no code
            payment = {"payload": None}
        else:
            payment = {"payload": payload, "svg": vietqr.svg(payload)}
    return render(
        request,
        "market/order.html",
        {
            "order": order,
            "is_seller": is_seller,
            "events": list(order.events.select_related("actor")),
            "payment": payment,
            "propose_form": ProposeForm(),
            "reason_form": ReasonForm(),
            "rate_form": RateForm(
                initial={"rating": order.rating, "review": order.review}
            ),
        },
    )


@require_POST
@login_required
def order_new(request, pk):
    listing = _listing(pk, request.user)
    form = OrderForm(request.POST)
    if form.is_valid():
        done = run_action(
            request,
            actions.request_order,
            request.user,
            listing,
            form=form,
            success=_("Your order was sent to the seller."),
            **form.cleaned_data,
        )
        if done:
            return redirect(done.value)
    return render(
        request,
        "market/listing.html",
        _listing_context(request, listing, form=form),
        status=400,
    )


def _step(action, form_class=None, success=None):
    @require_POST
    @login_required
    def view(request, pk):
        order = _order(request, pk)

        def run(user, order):
            if form_class is None:
                return action(user, order)
            data = valid_data(form_class(request.POST))
            return action(user, order, *data.values())

        run_action(request, run, request.user, order, success=success)
        return redirect(order)

    return view


order_accept = _step(actions.accept_order, success=_("Order accepted."))
order_propose = _step(actions.propose_time, ProposeForm, _("Time proposed."))
order_decline = _step(actions.decline_order, ReasonForm, _("Order declined."))
order_confirm = _step(actions.confirm_proposal, success=_("Time agreed."))
order_cancel = _step(actions.cancel_order, ReasonForm, _("Order cancelled."))
order_seller_cancel = _step(
    actions.seller_cancel_order, ReasonForm, _("Order cancelled.")
)
order_complete = _step(actions.complete_order, success=_("Order completed."))
order_received = _step(actions.confirm_received, success=_("Thank you."))
order_rate = _step(actions.rate_order, RateForm, _("Thank you for your rating."))


@login_required
def bank_account(request):
    seller = Seller.objects.filter(user=request.user).first()
    initial = {}
    if seller:
        initial = {
            "bank_bin": seller.bank_bin,
            "account_number": seller.account_number,
            "account_name": seller.account_name,
        }
    form = BankAccountForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            done = run_action(
                request,
                actions.set_bank_account,
                request.user,
                form.cleaned_data["bank_bin"],
                form.cleaned_data["account_number"],
                form.cleaned_data["account_name"],
                form=form,
                success=_("Your bank account was saved."),
            )
            if done:
                return redirect("market:mine")
        status = 400
    return render(request, "market/bank_account.html", {"form": form}, status=status)


def rules(request):
    operators = list(
        Operator.objects.select_related("area")
        .filter(area__live=True)
        .order_by("area__path")
    )
    return render(
        request,
        "market/rules.html",
        {"prohibited": PROHIBITED, "operators": operators},
    )
