"""Plots for the statistics page, drawn on the server as SVG.

Only geometry is computed here; templates/charts.html draws it, so every label
goes through the same escaping as the rest of the page and no script or
outside stylesheet is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Distinguishable colours, enough for Peerline's 15 languages.
PALETTE = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
           "#666666", "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6", "#ff7f00", "#6a3d9a",
           "#b15928")
WIDTH, HEIGHT = 720, 260
LEFT, BOTTOM, TOP = 48, 40, 12


@dataclass
class Chart:
    width: int
    height: int
    bars: list[dict] = field(default_factory=list)  # x, y, w, h, colour, title
    labels: list[dict] = field(default_factory=list)  # x, y, text, anchor
    legend: list[dict] = field(default_factory=list)  # colour, text


def _axis(chart: Chart, top: float, unit: str = "") -> None:
    plot = chart.height - BOTTOM - TOP
    for step in range(5):
        value = top * step / 4
        chart.labels.append({"x": LEFT - 6, "y": chart.height - BOTTOM - plot * step / 4 + 4,
                             "text": f"{value:.0f}{unit}", "anchor": "end"})


def _day_labels(chart: Chart, days: list[str], slot: float) -> None:
    every = max(1, len(days) // 10)  # at most about ten dates under the axis
    for index, day in enumerate(days):
        if index % every == 0:
            chart.labels.append({"x": LEFT + slot * (index + 0.5), "y": chart.height - BOTTOM + 16,
                                 "text": day[5:], "anchor": "middle"})


def per_day_and_language(rows: list[dict]) -> Chart:
    """Stacked bars: messages a day, one colour per language."""
    chart = Chart(WIDTH, HEIGHT)
    days = sorted({row["day"] for row in rows})
    languages = sorted({row["language"] for row in rows})
    if not days:
        return chart
    colour = {code: PALETTE[index % len(PALETTE)] for index, code in enumerate(languages)}
    totals = {day: sum(r["turns"] for r in rows if r["day"] == day) for day in days}
    top = max(totals.values())
    plot = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / len(days)
    stacked = dict.fromkeys(days, 0)
    for row in sorted(rows, key=lambda r: (r["day"], r["language"])):
        height = plot * row["turns"] / top
        stacked[row["day"]] += height
        chart.bars.append({"x": LEFT + slot * days.index(row["day"]) + slot * 0.1,
                           "y": HEIGHT - BOTTOM - stacked[row["day"]], "w": slot * 0.8,
                           "h": height, "colour": colour[row["language"]],
                           "title": f"{row['day']} {row['language']}: {row['turns']}"})
    _axis(chart, top)
    _day_labels(chart, days, slot)
    chart.legend = [{"colour": colour[code], "text": code} for code in languages]
    return chart


def rates_per_day(rows: list[dict]) -> Chart:
    """Bars: the share of a day's messages that fell back, and that met degraded mode."""
    chart = Chart(WIDTH, HEIGHT)
    if not rows:
        return chart
    plot = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT) / len(rows)
    series = (("fallbacks", "fallback", PALETTE[1]), ("degraded", "degraded", PALETTE[2]))
    for index, row in enumerate(rows):
        for offset, (key, name, colour) in enumerate(series):
            rate = (row[key] or 0) / row["turns"]
            chart.bars.append({"x": LEFT + slot * index + slot * (0.1 + 0.4 * offset),
                               "y": HEIGHT - BOTTOM - plot * rate, "w": slot * 0.4,
                               "h": plot * rate, "colour": colour,
                               "title": f"{row['day']} {name}: {rate:.0%} of {row['turns']}"})
    _axis(chart, 100, "%")
    _day_labels(chart, [row["day"] for row in rows], slot)
    chart.legend = [{"colour": colour, "text": name} for _, name, colour in series]
    return chart


def intents(rows: list[dict]) -> Chart:
    """Horizontal bars: how often each intent was recognised."""
    row_height, label_width = 20, 170
    chart = Chart(WIDTH, TOP + row_height * len(rows) + 8)
    top = max((row["turns"] for row in rows), default=1)
    for index, row in enumerate(rows):
        y = TOP + row_height * index
        width = (WIDTH - label_width - 60) * row["turns"] / top
        chart.bars.append({"x": label_width, "y": y, "w": width, "h": row_height - 4,
                           "colour": PALETTE[0], "title": f"{row['intent']}: {row['turns']}"})
        chart.labels.append({"x": label_width - 6, "y": y + 12, "text": row["intent"],
                             "anchor": "end"})
        chart.labels.append({"x": label_width + width + 6, "y": y + 12,
                             "text": str(row["turns"]), "anchor": "start"})
    return chart
