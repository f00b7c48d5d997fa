"""A catalogue change purges the vehicle's pages in every edition, and the API once."""

import pytest

from motorpress.catalogue.purging import vehicle_paths
from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.core.editions import paths_in_every_edition
from motorpress.newsroom.services import site_structure_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return site_structure_ensure()


def _paths(model):
    return paths_in_every_edition(
        lambda: vehicle_paths(model_ids=[model.pk], make_ids=[model.make_id])
    )


def test_a_vehicle_is_purged_in_both_editions_and_its_api_answer_once(site, hindi):
    model = VehicleModelFactory(make=MakeFactory(slug="suzuki"), slug="e-access")
    paths = _paths(model)
    for path in ("/vehicles/suzuki/e-access/", "/vehicles/suzuki/", "/tracker/suzuki/"):
        assert path in paths
        assert f"/hi{path}" in paths
    assert "/hi/compare/?with=suzuki-e-access" in paths
    assert paths.count("/api/v1/models/suzuki/e-access") == 1
    assert not any(path.startswith("/hi/api/") for path in paths)


def test_without_a_hindi_edition_only_english_paths_are_purged(site):
    model = VehicleModelFactory(make=MakeFactory(slug="tvs"), slug="orbiter")
    paths = _paths(model)
    assert "/vehicles/tvs/orbiter/" in paths
    assert not any(path.startswith("/hi/") for path in paths)
