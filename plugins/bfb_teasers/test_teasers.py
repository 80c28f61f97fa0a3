from bfb_teasers.teasers import teaser_position


def test_teaser_positions_are_numbers_so_ten_comes_after_two():
    positions = [teaser_position(value, {}) for value in ["10", "2", " 1 "]]
    assert sorted(positions) == [1, 2, 10]
