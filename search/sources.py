"""The kinds of result of the search page: the registry is ``content.search_sources``
(below the apps that register into it); this name stays for the search app's
own modules and the benchmarks."""

from content.search_sources import (  # noqa: F401
    Source,
    area_ids_inside,
    get,
    listed_area_ids,
    register,
    sources,
)
