"""CSV files and hand-written SVG plots (no plotting library in the project's venv)."""
import csv
import html

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]


def write_csv(path, header, rows):
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


class Plot:
    """A line/scatter plot in SVG with linear axes."""

    def __init__(self, title, x_label, y_label, x_range, y_range, width=720, height=440):
        self.title, self.x_label, self.y_label = title, x_label, y_label
        self.x0, self.x1 = x_range
        self.y0, self.y1 = y_range
        self.width, self.height = width, height
        self.left, self.right, self.top, self.bottom = 70, 170, 40, 50
        self.items = []
        self.legend = []

    def _x(self, x):
        span = self.width - self.left - self.right
        return self.left + span * (x - self.x0) / ((self.x1 - self.x0) or 1)

    def _y(self, y):
        span = self.height - self.top - self.bottom
        return self.height - self.bottom - span * (y - self.y0) / ((self.y1 - self.y0) or 1)

    def line(self, points, colour, width=2.0, opacity=1.0, step=True):
        path, previous = [], None
        for x, y in points:
            if step and previous is not None:
                path.append(f"{self._x(x):.1f},{self._y(previous):.1f}")
            path.append(f"{self._x(x):.1f},{self._y(y):.1f}")
            previous = y
        self.items.append(f'<polyline fill="none" stroke="{colour}" stroke-width="{width}" '
                          f'stroke-opacity="{opacity}" points="{" ".join(path)}"/>')

    def points(self, points, colour, marker="circle"):
        for x, y in points:
            cx, cy = self._x(x), self._y(y)
            if marker == "circle":
                self.items.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}"/>')
            else:
                self.items.append(f'<rect x="{cx - 3.5:.1f}" y="{cy - 3.5:.1f}" width="7" height="7" '
                                  f'fill="none" stroke="{colour}" stroke-width="1.5"/>')

    def hline(self, y, colour, label):
        self.items.append(f'<line x1="{self.left}" x2="{self.width - self.right}" y1="{self._y(y):.1f}" '
                          f'y2="{self._y(y):.1f}" stroke="{colour}" stroke-dasharray="5,4"/>')
        self.items.append(f'<text x="{self.left + 4}" y="{self._y(y) - 4:.1f}" font-size="11" '
                          f'fill="{colour}">{html.escape(label)}</text>')

    def key(self, label, colour):
        self.legend.append((label, colour))

    def svg(self):
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
               f'font-family="sans-serif">', f'<rect width="100%" height="100%" fill="white"/>',
               f'<text x="{self.width / 2 - 80:.0f}" y="22" font-size="15">{html.escape(self.title)}</text>']
        for i in range(6):
            x = self.x0 + (self.x1 - self.x0) * i / 5
            y = self.y0 + (self.y1 - self.y0) * i / 5
            out.append(f'<text x="{self._x(x):.1f}" y="{self.height - self.bottom + 16}" font-size="11" '
                       f'text-anchor="middle">{x:.4g}</text>')
            out.append(f'<text x="{self.left - 6}" y="{self._y(y) + 4:.1f}" font-size="11" '
                       f'text-anchor="end">{y:.3g}</text>')
            out.append(f'<line x1="{self.left}" x2="{self.width - self.right}" y1="{self._y(y):.1f}" '
                       f'y2="{self._y(y):.1f}" stroke="#eee"/>')
        out.append(f'<rect x="{self.left}" y="{self.top}" width="{self.width - self.left - self.right}" '
                   f'height="{self.height - self.top - self.bottom}" fill="none" stroke="#888"/>')
        out.append(f'<text x="{(self.width - self.right + self.left) / 2:.0f}" y="{self.height - 12}" '
                   f'font-size="12" text-anchor="middle">{html.escape(self.x_label)}</text>')
        out.append(f'<text x="16" y="{self.height / 2:.0f}" font-size="12" text-anchor="middle" '
                   f'transform="rotate(-90 16 {self.height / 2:.0f})">{html.escape(self.y_label)}</text>')
        out.extend(self.items)
        for i, (label, colour) in enumerate(self.legend):
            y = self.top + 14 + 18 * i
            x = self.width - self.right + 12
            out.append(f'<rect x="{x}" y="{y - 9}" width="12" height="12" fill="{colour}"/>')
            out.append(f'<text x="{x + 18}" y="{y + 1}" font-size="12">{html.escape(label)}</text>')
        out.append("</svg>")
        return "\n".join(out)

    def save(self, path):
        with open(path, "w") as handle:
            handle.write(self.svg())
