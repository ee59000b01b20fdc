"""The services' fixtures (communes with support points, procedures, helpers)."""

from ..services.conftest import *  # noqa: F403 (fixtures and helpers)
from ..services.conftest import _english  # noqa: F401 (autouse)
