"""Factories for catalogue tests: makes, models, variants and the figures sourced to them."""

from datetime import date

import factory
from django.utils.text import slugify

from motorpress.catalogue.models import (
    Make,
    Offer,
    PricePoint,
    SalesFigure,
    Variant,
    VehicleModel,
)
from motorpress.newsroom.services import article_create
from motorpress.newsroom.tests.factories import AuthorFactory

SOURCE = "Maker's price list (test)"


class MakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Make
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testmake {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    country = "India"


class VehicleModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VehicleModel

    make = factory.SubFactory(MakeFactory)
    name = factory.Sequence(lambda n: f"Model {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    segment = "motorcycle"
    body_type = "commuter"
    status = "on_sale"
    summary = "A test vehicle."


class VariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Variant

    vehicle_model = factory.SubFactory(VehicleModelFactory)
    name = factory.Sequence(lambda n: f"Variant {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    sort_order = factory.Sequence(lambda n: n % 100)
    powertrain = "ice"
    engine_cc = 125
    power_ps = 10
    torque_nm = 10
    source_label = SOURCE


class PricePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PricePoint

    variant = factory.SubFactory(VariantFactory)
    amount = 100_000
    kind = "ex_showroom"
    effective_date = date(2026, 1, 1)
    source_label = SOURCE


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Test offer {n}")
    up_to_amount = 10_000
    valid_from = date(2026, 1, 1)
    valid_until = date(2026, 1, 31)
    source_label = SOURCE

    @factory.post_generation
    def vehicle_models(self, create, extracted, **kwargs):
        if create and extracted:
            self.vehicle_models.set(extracted)


class SalesFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SalesFigure

    make = factory.SubFactory(MakeFactory)
    vehicle_model = None
    period = "month"
    period_start = date(2025, 12, 1)
    market = "india"
    units = 1000
    source_label = SOURCE


_story_numbers = iter(range(1, 10**9))


def create_story_about(section, *, vehicles, title: str | None = None):
    """A published news story linked to catalogue models (the newsroom's create_article
    does not take vehicles, so this goes through the same service with them)."""
    number = next(_story_numbers)
    title = title or f"Story about vehicles {number}"
    return article_create(
        section=section,
        title=title,
        slug=slugify(title),
        kind="news",
        teaser=f"Teaser for {title}.",
        highlights=["First highlight.", "Second highlight."],
        body=[{"type": "paragraph", "value": "<p>torque torque torque</p>"}],
        authors=[AuthorFactory()],
        vehicles=list(vehicles),
    )
