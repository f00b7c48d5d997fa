"""Uploads through the admin: huge or scriptable images and HTML documents are refused."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from motorpress.newsroom.services import site_structure_ensure

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture(autouse=True)
def site(db):
    """The page tree and the root collection that uploads go into."""
    return site_structure_ensure()


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    return client


def png(width: int, height: int) -> bytes:
    """A 1-bit PNG: a 40-megapixel picture in a few kilobytes, cheap to make and to post."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name: str, content: bytes, content_type: str):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def upload_document(client, name: str, content: bytes, content_type: str):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_an_image_over_40_megapixels_is_refused_with_a_form_error(admin_client_):
    response = upload_image(admin_client_, "huge.png", png(8000, 5001), "image/png")
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert "pixels" in " ".join(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


def test_an_image_just_under_the_limit_is_accepted(admin_client_):
    response = upload_image(admin_client_, "big.png", png(8000, 5000), "image/png")
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 8000


def test_an_svg_image_is_refused_with_a_form_error(admin_client_):
    response = upload_image(admin_client_, "logo.svg", SVG, "image/svg+xml")
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("page.html", "text/html"),
        ("page.htm", "text/html"),
        ("page.xhtml", "application/xhtml+xml"),
        ("drawing.svg", "image/svg+xml"),
        ("tracker.js", "text/javascript"),
    ],
)
def test_a_document_a_browser_would_run_is_refused_with_a_form_error(
    admin_client_, name, content_type
):
    response = upload_document(admin_client_, name, b"<script>alert(1)</script>", content_type)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("name", ["press-release.pdf", "price-list.txt"])
def test_a_served_document_is_a_download_not_a_page(client, name):
    document = get_document_model().objects.create(
        title=name, file=ContentFile(b"%PDF-1.4 or plain words", name=name)
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
