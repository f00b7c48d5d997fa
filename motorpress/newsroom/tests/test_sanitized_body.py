"""Article bodies are sanitised when stored, however the page is saved."""

import json

import pytest

from motorpress.newsroom.models import ArticlePage
from motorpress.newsroom.tests.factories import create_article

DIRTY = (
    "<p>Launched at ₹8 lakh<script>alert(1)</script>"
    '<a href="javascript:alert(2)" onclick="x()">book</a>'
    '<a linktype="page" id="3">road test</a></p>'
)


def _stored_body(article) -> str:
    """The body as the database holds it (raw data: nothing re-serialised or rendered)."""
    value = ArticlePage.objects.filter(pk=article.pk).values_list("body", flat=True).get()
    return json.dumps(list(value.raw_data))


@pytest.mark.django_db
def test_a_programmatically_created_article_stores_no_script(site):
    article = create_article(site.sections["news"], body=[{"type": "paragraph", "value": DIRTY}])
    stored = _stored_body(article)
    assert "script" not in stored
    assert "javascript" not in stored
    assert "onclick" not in stored
    assert 'linktype=\\"page\\" id=\\"3\\"' in stored  # Wagtail's page link is kept
    assert "<script" not in article.get_latest_revision().content["body"]


@pytest.mark.django_db
def test_a_body_assigned_as_raw_data_and_saved_stores_no_script(site):
    article = create_article(site.sections["news"])
    article.body = [("paragraph", DIRTY)]
    article.save()
    revision = article.save_revision()
    assert "script" not in _stored_body(article)
    assert "script" not in revision.content["body"]


@pytest.mark.django_db
def test_the_published_page_serves_no_script(site, client):
    article = create_article(site.sections["news"], body=[{"type": "paragraph", "value": DIRTY}])
    html = client.get(article.url).content.decode()
    assert "alert(1)" not in html
    assert "javascript:alert" not in html
