"""The project's addresses plus the baseline of ``bench/ballots.py``: a trivial
authenticated POST. It goes through the same middleware as a ballot (session
loaded from the database, the signed-in user loaded and checked, CSRF checked)
and answers as the ballot view does, with a redirect, but does nothing else."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def signed_in_post(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseRedirect(request.path)


urlpatterns = [path("bench/signed-in-post/", signed_in_post), *project_urlpatterns]
