"""Plane geometry of the boundary map: shared borders stay shared, paths are compact and exact."""

from orte.geometry import Projection, Scanlines, Topology, contains, path_data, simplify, visual_centre

# Two squares side by side sharing the edge x = 10, with extra vertices along that edge.
LEFT = [(0, 0), (10, 0), (10, 3), (10.2, 5), (10, 7), (10, 10), (0, 10), (0, 0)]
RIGHT = [(10, 0), (20, 0), (20, 10), (10, 10), (10, 7), (10.2, 5), (10, 3), (10, 0)]
U_SHAPE = [(0, 0), (30, 0), (30, 30), (20, 30), (20, 10), (10, 10), (10, 30), (0, 30), (0, 0)]


def identity(x, y):
    return (x, y)


def test_a_shared_border_is_one_arc_used_by_both_rings():
    topology = Topology.from_rings([LEFT, RIGHT])
    used = [{arc for arc, _ in ring} for ring in topology.rings]
    common = used[0] & used[1]
    assert len(common) == 1
    (arc,) = common
    assert set(topology.arcs[arc]) == {(10, 0), (10, 3), (10.2, 5), (10, 7), (10, 10)}
    assert arc not in topology.outer_arcs()


def test_simplified_neighbours_keep_exactly_the_same_border():
    topology = Topology.from_rings([LEFT, RIGHT])
    arcs = topology.simplified(identity, tolerance=0.5)  # drops the 0.2 bulge of the shared edge
    left, right = topology.ring_points(0, arcs), topology.ring_points(1, arcs)
    border = {point for point in left if point[0] == 10}
    assert border == {point for point in right if point[0] == 10} == {(10, 0), (10, 10)}
    assert left[0] == left[-1] and right[0] == right[-1]


def test_outline_is_the_outer_edge_of_all_rings():
    topology = Topology.from_rings([LEFT, RIGHT])
    (outline,) = topology.outline(topology.simplified(identity, tolerance=0.5))
    assert outline[0] == outline[-1]
    assert set(outline) == {(0, 0), (10, 0), (20, 0), (20, 10), (10, 10), (0, 10)}


def test_douglas_peucker_keeps_ends_and_real_corners():
    line = [(0, 0), (5, 0.3), (10, 0), (10, 10)]
    assert simplify(line, 1) == [(0, 0), (10, 0), (10, 10)]
    assert simplify(line, 0.1) == line


def test_path_data_is_relative_and_compact():
    assert path_data([[(10, 20), (13, 18), (13, 25), (10, 20)]], closed=True) == "M10 20l3-2 0 7z"
    assert path_data([[(1, 1), (2, 2)], [(5, 5), (4, 4)]]) == "M1 1l1 1M5 5l-1-1"


def test_projection_puts_north_up_and_keeps_the_margin():
    rings = [[(6.7, 50.1), (6.9, 50.1), (6.9, 50.3), (6.7, 50.3), (6.7, 50.1)]]
    projection = Projection.fit(rings, width=200, margin=10)
    assert projection(6.7, 50.3) == (10, 10)  # north-west corner
    assert projection(6.9, 50.1)[0] == 190
    assert projection(6.7, 50.1)[1] > projection(6.7, 50.3)[1]
    # A degree of longitude is shorter than one of latitude at 50° N: the square is taller than wide.
    assert projection.height(rings) > 200


def test_scanlines_agree_with_the_exact_test():
    shape = Scanlines(U_SHAPE, step=1)
    for x in range(-2, 33, 3):
        for y in range(-2, 33, 3):
            sample = (x + 0.3, y + 0.5)  # a row's middle: where the scanline samples
            assert shape.contains(*sample) == contains(U_SHAPE, *sample), sample


def test_visual_centre_lies_inside_even_where_the_centroid_does_not():
    x, y = visual_centre(U_SHAPE, precision=0.5)
    assert contains(U_SHAPE, x, y)
    assert not contains(U_SHAPE, 15, 20)  # the middle of the bounding box is outside the U
