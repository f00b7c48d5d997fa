"""Demo images drawn locally with Pillow: nothing is downloaded."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

PALETTES = [
    ((24, 48, 89), (217, 83, 79)),
    ((30, 70, 50), (240, 200, 80)),
    ((60, 30, 80), (120, 200, 220)),
    ((90, 40, 20), (250, 240, 230)),
    ((20, 20, 20), (200, 30, 40)),
    ((40, 80, 120), (250, 250, 250)),
]


def _palette(seed: str):
    digest = hashlib.sha256(seed.encode()).digest()
    return PALETTES[digest[0] % len(PALETTES)], digest


def hero_png(seed: str, *, width: int = 1200, height: int = 675) -> bytes:
    """An abstract road-and-horizon illustration, different for every seed."""
    (background, accent), digest = _palette(seed)
    horizon = int(height * (0.45 + digest[1] / 255 * 0.15))
    # A one-pixel-wide sky gradient stretched to full width: far cheaper than a line per row.
    sky = Image.new("RGB", (1, horizon))
    sky.putdata(
        [tuple(min(255, c + y * 60 // horizon) for c in background) for y in range(horizon)]
    )
    image = Image.new("RGB", (width, height), background)
    image.paste(sky.resize((width, horizon)), (0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, horizon, width, height], fill=(74, 92, 64))
    draw.polygon(
        [(width * 0.42, horizon), (width * 0.58, horizon), (width, height), (0, height)],
        fill=(45, 45, 48),
    )
    for lane in range(6):
        top = horizon + (height - horizon) * lane / 6
        bottom = top + (height - horizon) / 14
        draw.polygon(
            [
                (width * 0.497, top),
                (width * 0.503, top),
                (width * 0.51, bottom),
                (width * 0.49, bottom),
            ],
            fill=(235, 235, 220),
        )
    sun_x = int(width * (0.15 + digest[2] / 255 * 0.7))
    radius = int(height * 0.09)
    draw.ellipse([sun_x - radius, horizon - radius * 2, sun_x + radius, horizon], fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def portrait_png(initials: str, seed: str, *, size: int = 400) -> bytes:
    """A round badge with the author's initials."""
    (background, accent), _ = _palette(seed)
    image = Image.new("RGB", (size, size), accent)
    draw = ImageDraw.Draw(image)
    draw.ellipse([0, 0, size, size], fill=background)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
