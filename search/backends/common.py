"""What the search backends share (``search.backends.whoosh`` and
``search.backends.postgres``): the scoring constants, how an object becomes a
search document (:class:`DocumentMapping`: the same document in a Whoosh index
and in PostgreSQL's ``search_document`` row), the query compilers' filter and
ordering helpers, the results' assembly (objects fetched by primary key in the
index's order, counts of a slice), and :class:`PartHits`, the answer of
``search_parts`` (one search over every kind)."""

import datetime
import uuid
from collections import OrderedDict
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import F, OrderBy, Subquery
from django.db.models.sql.constants import SINGLE
from django.utils import timezone
from modelsearch.backends.base import (
    FilterFieldError,
    OrderByFieldError,
    get_model_root,
)
from modelsearch.index import (
    AutocompleteField,
    FilterField,
    Indexed,
    RelatedFields,
    SearchField,
)

from civic.core.pagecache import SEARCH_INDEX, bump

#: How much each word found exactly as typed adds (a query typed with marks), for
#: the documents that hold only some of the words exactly as typed.
ACCENT_BOOST = 0.5
#: How much the words of a multi-word query found next to each other add.
PHRASE_BOOST = 2.0
#: Added to the score of a document that has every word of an accented query with
#: exactly its accents, so that such documents come first ("Dương Văn Nam": a
#: document with those three words before one with "Dương" in its title and
#: "vấn" for "văn"); among themselves, and among the others, the usual score
#: orders them. Larger than any text score.
EXACT_TIER = 1_000_000.0

# Fixed field names never end with "__<kind>"; model columns always do and always
# start with "f_" (Whoosh reserves names that start with an underscore).
# Fixed field names never end with "__<kind>"; model columns always do and always
# start with "f_" (Whoosh reserves names that start with an underscore).
PK = "pk"
PK_NUM = "pknum"
CONTENT_TYPES = "ct"
NULLS = "nulls"
ALL_TEXT = "all"
AUTOCOMPLETE = "ac"

INT_TYPES = {
    "AutoField",
    "SmallAutoField",
    "BigAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
}
FLOAT_TYPES = {"FloatField", "DecimalField"}
DATE_TYPES = {"DateField", "DateTimeField"}
BOOL_TYPES = {"BooleanField", "NullBooleanField"}


def _kind_of_type(internal_type):
    if internal_type in INT_TYPES:
        return "i"
    if internal_type in FLOAT_TYPES:
        return "f"
    if internal_type in DATE_TYPES:
        return "d"
    if internal_type in BOOL_TYPES:
        return "b"
    return "s"


def _is_multi(field, model):
    try:
        django_field = model._meta.get_field(field.field_name)
    except FieldDoesNotExist:
        return False
    return bool(django_field.many_to_many or django_field.one_to_many)


def clean_value(kind, value):
    """Convert a Python value to what the Whoosh field of ``kind`` stores."""
    if isinstance(value, models.Model):
        value = value.pk
    if value is None:
        return None
    if kind == "i":
        if isinstance(value, bool):
            return int(value)
        return int(value)
    if kind == "f":
        return float(value)
    if kind == "d":
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = value.astimezone(datetime.UTC).replace(tzinfo=None)
            return value
        if isinstance(value, datetime.date):
            return datetime.datetime(value.year, value.month, value.day)
        if isinstance(value, str):
            return clean_value(kind, datetime.datetime.fromisoformat(value))
        raise ValueError(f"not a date: {value!r}")
    if kind == "b":
        return bool(value)
    if isinstance(value, (datetime.time, datetime.date)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    return str(value)


def _flatten_text(value):
    """Text content of a search field value (strings, lists, numbers…)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple, set)):
        out = []
        for v in value:
            out.extend(_flatten_text(v))
        return out
    if isinstance(value, (models.Manager, models.QuerySet)):
        return [str(v) for v in value.all()]
    return [str(value)]


class DocumentMapping:
    """How instances of ``model`` become search documents (a Whoosh document;
    the PostgreSQL backend stores the same one as a row)."""

    def __init__(self, model):
        self.model = model

    def get_parent(self):
        for base in self.model.__bases__:
            if issubclass(base, Indexed) and issubclass(base, models.Model):
                return type(self)(base)

    def get_content_type(self):
        return self.model._meta.app_label + "." + self.model.__name__

    def get_all_content_types(self):
        content_types = [self.get_content_type()]
        ancestor = self.get_parent()
        while ancestor:
            content_types.append(ancestor.get_content_type())
            ancestor = ancestor.get_parent()
        return content_types

    def _prefix(self, field, model):
        root_model = get_model_root(model)
        definition_model = field.get_definition_model(model)
        if definition_model is not None and definition_model != root_model:
            return (
                definition_model._meta.app_label.lower()
                + "_"
                + definition_model.__name__.lower()
                + "."
            )
        return ""

    def base_name(self, field, model=None):
        model = model or self.model
        if isinstance(field, RelatedFields):
            return self._prefix(field, model) + field.field_name
        return self._prefix(field, model) + field.get_attname(model)

    def filter_column(self, field_path):
        """The Whoosh field of a path of ``RelatedFields`` ending in a FilterField."""
        model = self.model
        parts = []
        multi = False
        for field in field_path[:-1]:
            parts.append(self.base_name(field, model))
            model = field.get_field(model).related_model
            multi = True
        field = field_path[-1]
        parts.append(self.base_name(field, model))
        kind = _kind_of_type(field.get_type(model))
        multi = multi or _is_multi(field, model)
        return "f_" + "/".join(parts) + "__" + kind + ("m" if multi else ""), kind

    def text_column(self, field):
        return "f_" + self.base_name(field) + "__t"

    def autocomplete_column(self, field):
        return "f_" + self.base_name(field) + "__ac"

    @staticmethod
    def boost_column(boost):
        return "allb_" + str(float(boost)).replace(".", "_")

    # -- documents -------------------------------------------------------------

    def get_document(self, obj):
        doc = {
            PK: str(obj.pk),
            CONTENT_TYPES: " ".join(self.get_all_content_types()),
        }
        if isinstance(obj.pk, int):
            doc[PK_NUM] = obj.pk
        self._nulls = []
        self._all = []
        self._boosted = {}
        self._ac = []
        self._add_fields(doc, self.model.get_search_fields(), obj, [], self.model)
        if self._all:
            doc[ALL_TEXT] = "\n".join(self._all)
        for boost, texts in self._boosted.items():
            doc[self.boost_column(boost)] = "\n".join(texts)
        if self._ac:
            doc[AUTOCOMPLETE] = "\n".join(self._ac)
        if self._nulls:
            doc[NULLS] = " ".join(self._nulls)
        return doc

    def _add_fields(self, doc, search_fields, obj, path, model):
        for field in search_fields:
            if isinstance(field, RelatedFields):
                self._add_related(doc, field, obj, path, model)
            elif isinstance(field, FilterField):
                self._add_filter(doc, field, field.get_value(obj), path)
            elif isinstance(field, AutocompleteField):
                texts = _flatten_text(field.get_value(obj))
                self._ac.extend(texts)
                if not path:
                    doc[self.autocomplete_column(field)] = "\n".join(texts)
            elif isinstance(field, SearchField):
                self._add_text(doc, field, field.get_value(obj), path)

    def _add_related(self, doc, field, obj, path, model):
        """Every related object's values, into many-valued fields."""
        related_model = field.get_field(model).related_model
        sub_path = [*path, field]
        for sub_obj in _related_objects(field.get_value(obj)):
            self._add_fields(doc, field.fields, sub_obj, sub_path, related_model)
        for sub_field in field.fields:
            if isinstance(sub_field, FilterField):
                col, _kind = self.filter_column([*sub_path, sub_field])
                if col not in doc and col not in self._nulls:
                    self._nulls.append(col)

    def _add_filter(self, doc, field, value, path):
        col, kind = self.filter_column([*path, field])
        if isinstance(value, (models.Manager, models.QuerySet)):
            value = list(value.values_list("pk", flat=True))
        if isinstance(value, (list, tuple, set)):
            values = [clean_value(kind, v) for v in value if v is not None]
        else:
            values = [] if value is None else [clean_value(kind, value)]
        if not col.endswith("m"):  # single-valued
            if values:
                doc[col] = values[0]
            else:
                self._nulls.append(col)
            return
        existing = doc.get(col, [])
        merged = existing + [v for v in values if v not in existing]
        if merged:
            doc[col] = merged
            if col in self._nulls:
                self._nulls.remove(col)
        elif col not in self._nulls:
            self._nulls.append(col)

    def _add_text(self, doc, field, value, path):
        texts = _flatten_text(value)
        if not texts:
            return
        self._all.extend(texts)
        if field.boost and float(field.boost) != 1.0:
            self._boosted.setdefault(float(field.boost), []).extend(texts)
        if not path:
            doc[self.text_column(field)] = "\n".join(texts)


def _related_objects(value):
    """The objects of a ``RelatedFields`` value (a manager, one object, none)."""
    if isinstance(value, (models.Manager, models.QuerySet)):
        return list(value.all())
    if value is None:
        return []
    if isinstance(value, models.Model) or hasattr(value, "_meta"):
        return [value]
    return []


def _pk_type(pk_field):
    while pk_field.is_relation:
        pk_field = pk_field.target_field
    return pk_field.get_internal_type()


def pk_column_kind(model):
    """``"i"`` when ``model``'s primary key is an integer (``PK_NUM`` orders it)."""
    return _kind_of_type(_pk_type(model._meta.pk))


class CompilerMixin:
    """What both backends' query compilers do alike: subqueries in filters
    (``in``/``exact`` on a queryset), ``order_by`` read as filter fields."""

    def _resolve_query_value(self, value, result_type):
        db_alias = self.queryset._db or DEFAULT_DB_ALIAS
        query = value.query if isinstance(value, Subquery) else value
        result = query.get_compiler(db_alias).execute_sql(result_type=result_type)
        if result_type == SINGLE:
            return result[0] if result else None
        return [row[0] for chunk in result for row in chunk]

    def _get_order_by(self):
        """``(reverse, FilterField)`` for each of the queryset's ``order_by``."""
        if self.order_by_relevance:
            return
        for item in self.queryset.query.order_by:
            if isinstance(item, OrderBy):
                expression = item.expression
                if not isinstance(expression, F):
                    raise OrderByFieldError(
                        f'Sorting search results with "{item}" is not supported by '
                        "this search backend.",
                        field_name=str(item),
                    )
                name = ("-" if item.descending else "") + expression.name
                yield from self._order_fields([name])
            else:
                yield from self._order_fields([item])

    def _order_fields(self, names):
        for field_name in names:
            reverse = field_name.startswith("-")
            field_name = field_name.lstrip("-")
            field = self._get_filterable_field(field_name)
            if field is None:
                raise OrderByFieldError(
                    f'Cannot sort search results with field "{field_name}". Please '
                    f'add index.FilterField("{field_name}") to '
                    f"{self.queryset.model.__name__}.search_fields.",
                    field_name=field_name,
                )
            yield reverse, field

    def facet_column(self, field_name):
        """``(column, kind)`` of a filter field to facet on, or ``FilterFieldError``."""
        field = self._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to '
                f"{self.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        return self.mapping.filter_column([field])


class ResultsMixin:
    """What both backends' results do alike: the objects of a page of primary
    keys, in the index's order (``queryset.filter(pk__in=…)``, so the queryset's
    own filters still apply), with their scores; the count of a slice."""

    def _objects(self, pks, scores):
        if not pks:
            return []
        queryset = self.query_compiler.queryset
        found = {str(obj.pk): obj for obj in queryset.filter(pk__in=pks)}
        out = []
        for pk in pks:
            obj = found.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, scores.get(pk))
            out.append(obj)
        return out

    def _sliced_count(self, total):
        total -= self.start
        if self.stop is not None:
            total = min(total, self.stop - self.start)
        return max(total, 0)


def sorted_facet(counts):
    """Facet counts, most frequent first."""
    return OrderedDict(sorted(counts.items(), key=lambda kv: -kv[1]))


def part_compilers(backend, query, querysets, operator, autocomplete):
    """``search_parts``' query compilers, one per queryset (checked)."""
    compiler_class = (
        backend.autocomplete_query_compiler_class
        if autocomplete
        else backend.query_compiler_class
    )
    compilers = []
    for queryset in querysets:
        compiler = compiler_class(queryset, query, operator=operator)
        compiler.check()
        compilers.append(compiler)
    return compilers


class PartHits:
    """What :func:`search_parts` found: ``hits``, the best matches ranked
    together as ``(part, pk, score)`` (``part`` indexes the querysets given),
    ``counts``, the number of matches of each part, and ``total``.

    ``capped``: counting stopped at ``total`` matches (a backend that bounds a
    common query's cost, the PostgreSQL one): there are more, and each part's
    count is a lower bound (the page says "more than")."""

    def __init__(self, hits, counts, capped=False, cap=None):
        self.hits = hits
        self.counts = counts
        self.capped = capped
        self.total = cap if capped else sum(counts)


def index_changed():
    """Pages that showed search results (or suggestions) are stale: the index
    they read changed (civic/core/pagecache.py)."""
    bump([SEARCH_INDEX])
