"""The statistics' charts (QtCharts): incidents by month, stacked by category, and the on-time
rate of each report kind; each saved as a PNG drawn at twice the screen's size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

from app.domain.enums import Category, ReportKind
from app.domain.terms import term
from app.export.files import atomic_write, check_target
from app.services.stats import Stats
from app.ui import style

COLOURS = {Category.NATURAL: "#4e79a7", Category.ACCIDENT: "#e15759", Category.HEALTH: "#59a14f",
           Category.SOCIAL: "#f28e2b", None: "#9c9c9c"}
RATE_COLOUR = "#4e79a7"
PNG_SCALE = 2


def _axes(chart: QChart, series: QBarSeries | QStackedBarSeries, categories: list[str],
          top: float, label: str) -> None:
    x = QBarCategoryAxis()
    x.append(categories)
    y = QValueAxis()
    y.setRange(0, top)
    y.setLabelFormat(label)
    y.applyNiceNumbers()
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    _dress(chart, (x, y))


def _dress(chart: QChart, axes: tuple[QBarCategoryAxis, QValueAxis]) -> None:
    """The chart in the palette's colours (a dark theme gets a dark chart)."""
    chart.setBackgroundBrush(style.colour("surface"))
    chart.setTitleBrush(style.colour("text"))
    chart.legend().setLabelColor(style.colour("text"))
    for axis in axes:
        axis.setLabelsColor(style.colour("text"))
        axis.setGridLineColor(style.colour("border"))
        axis.setLinePenColor(style.colour("border_strong"))


def month_chart(stats: Stats) -> QChart:
    """Incidents received each month, a bar per month stacked by category."""
    inc = stats.incidents
    months = list(inc.by_month)
    series = QStackedBarSeries()
    for category in [*Category, None]:
        if category is None and not inc.by_category.get(None):
            continue
        name = term(category) if category else QCoreApplication.translate("StatsCharts", "No category")
        bar = QBarSet(name)
        bar.append([float(inc.by_month_category.get((m, category), 0)) for m in months])
        bar.setColor(QColor(COLOURS[category]))
        series.append(bar)
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("StatsCharts", "Incidents by month"))
    chart.addSeries(series)
    _axes(chart, series, [f"{m[:4]}.{m[5:]}" for m in months], max([*inc.by_month.values(), 1]), "%d")
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def rate_chart(stats: Stats) -> QChart:
    """The on-time rate (%) of each report kind that had a deadline decided in the period."""
    kinds = [(k, o) for k in ReportKind if (o := stats.deadlines.of_kind(k)).decided]
    bar = QBarSet(QCoreApplication.translate("StatsCharts", "On-time rate (%)"))
    bar.append([100.0 * (o.on_time_rate or 0.0) for _k, o in kinds])
    bar.setColor(QColor(RATE_COLOUR))
    bar.setLabelColor(QColor("#ffffff"))  # inside the bar, on its blue
    series = QBarSeries()
    series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPrecision(3)  # 71.4%, not 71.4286%
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("StatsCharts", "On-time rate by kind"))
    chart.addSeries(series)
    names = [term(k) for k, _o in kinds] or [QCoreApplication.translate("StatsCharts", "Nothing decided")]
    _axes(chart, series, names, 100, "%d%%")
    chart.legend().hide()
    return chart


def view(chart: QChart) -> QChartView:
    out = QChartView(chart)
    out.setRenderHint(QPainter.RenderHint.Antialiasing)
    out.setMinimumHeight(260)
    return out


def save_png(chart_view: QChartView, path: Path) -> Path:
    """The chart as a PNG at twice its size on screen (800×450 when not shown), drawn from the
    scene (vector, not a screenshot), written whole or not at all."""
    target = check_target(path)
    chart = chart_view.chart()
    size = chart_view.size() if chart_view.isVisible() else QSize(800, 450)
    chart.resize(size.width(), size.height())
    image = QImage(size * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene = chart.scene()
    if scene is not None:
        scene.render(painter, QRectF(image.rect()), chart.geometry())
    painter.end()
    with atomic_write(target) as part:
        # a writer with an explicit format: the temporary name ends in .part, not .png
        writer = QImageWriter(str(part), QByteArray(b"png"))
        if not writer.write(image):
            raise OSError(writer.errorString())
    return target
