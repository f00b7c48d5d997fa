"""Server-rendered SVG bar charts: no JavaScript, escaped text, a data table beside each."""

from dataclasses import dataclass

from django.template.loader import render_to_string

ROW_HEIGHT = 28
LABEL_WIDTH = 190
BAR_WIDTH = 300


@dataclass
class Bar:
    label: str
    value: float
    display: str


def horizontal_bar_chart(*, title: str, description: str, bars: list[Bar], max_value=None) -> str:
    """An accessible SVG (role img, title and desc) with one labelled bar per row."""
    top = max([max_value or 0, *[bar.value for bar in bars], 1])
    rows = [
        {
            "y": index * ROW_HEIGHT,
            "label": bar.label,
            "display": bar.display,
            "width": max(1, round(BAR_WIDTH * bar.value / top)),
        }
        for index, bar in enumerate(bars)
    ]
    return render_to_string(
        "charts/horizontal_bars.svg",
        {
            "title": title,
            "description": description,
            "rows": rows,
            "height": max(ROW_HEIGHT, ROW_HEIGHT * len(rows)),
            "label_width": LABEL_WIDTH,
            "width": LABEL_WIDTH + BAR_WIDTH + 90,
            "bar_height": ROW_HEIGHT - 8,
            "text_dy": ROW_HEIGHT // 2 + 1,
        },
    )
