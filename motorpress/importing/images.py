"""What every imported image must pass before it becomes a Wagtail image: a format the site
serves, within the upload limits the admin enforces (bytes and pixels)."""

import io

from django.conf import settings
from PIL import Image as PILImage

# Pillow's format name -> the file extension stored.
FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def max_bytes() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


def image_problem(data: bytes) -> tuple[str | None, str | None]:
    """(extension, None) for an acceptable image, else (None, why it is refused)."""
    if len(data) > max_bytes():
        return None, "is larger than the upload limit"
    try:
        with PILImage.open(io.BytesIO(data)) as opened:
            image_format = opened.format
            pixels = opened.width * opened.height
            opened.verify()
    except Exception:  # Pillow raises many types for a damaged or non-image file
        return None, "is not a readable image"
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
    if image_format not in FORMATS or pixels > max_pixels:
        return None, f"is {image_format} or too large in pixels"
    return FORMATS[image_format], None
