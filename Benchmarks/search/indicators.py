"""Hypervolume of (-reward, MAC fraction) against one fixed reference point, the same for every strategy (the
daemon's: reward 0, MAC fraction 1.05), and the curve "HV of everything evaluated so far vs images so far"."""

REFERENCE = (0.0, 1.05)


def nondominated(points):
    """The non-dominated subset of (f1, f2) points, both minimized, sorted by f1."""
    best = []
    for f1, f2 in sorted(set(points)):
        if not best or f2 < best[-1][1]:
            best.append((f1, f2))
    return best


def hypervolume(points, reference=REFERENCE):
    """Exact 2-D hypervolume; points not strictly better than the reference in both objectives add nothing."""
    area, previous_f2 = 0.0, reference[1]
    for f1, f2 in nondominated(p for p in points if p[0] < reference[0] and p[1] < reference[1]):
        area += (reference[0] - f1) * (previous_f2 - f2)
        previous_f2 = f2
    return area


def curve(trace):
    """[(images so far, HV so far)] from a run's trace: entries (images, point or None), in evaluation order.
    A None point (a screening evaluation that gives no full-fidelity result) spends images only."""
    images, points, out = 0, [], []
    for spent, point in trace:
        images += spent
        if point is not None:
            points.append(point)
        out.append((images, hypervolume(points)))
    return out


def images_to_reach(curve_points, target):
    """Images spent when the curve first reaches `target` (None if it never does)."""
    for images, hv in curve_points:
        if hv >= target - 1e-12:
            return images
    return None
