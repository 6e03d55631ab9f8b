"""The timeline as a film (geo.film): a frame per year, platforms appearing, GIF and MP4 that play."""

import io

import imageio.v2 as imageio
import numpy as np
import pytest
from PIL import Image

from geo import film, filters

SMALL = {"preset": "custom", "size": (640, 360)}


@pytest.fixture(scope="module")
def images():
    return film.frames(filters.ViewState(), first=2013, last=2016, **SMALL)


def test_one_frame_per_year_at_the_asked_size(images):
    assert len(images) == 4 and all(i.shape == (360, 640, 3) for i in images)
    assert any(not np.array_equal(a, b) for a, b in zip(images, images[1:]))


def test_platforms_and_parks_appear_as_they_are_set_up():
    counts = [filters.visible_layers(filters.ViewState(as_of=y, include_undated=False)).counts() for y in film.years()]
    parks = [c["parks"] for c in counts]
    assert parks == sorted(parks) and parks[0] < parks[-1]


def test_the_gif_loops_one_frame_per_year(images):
    with Image.open(io.BytesIO(film.to_gif(images))) as gif:
        assert gif.n_frames == 4 and gif.size == (640, 360)
        assert gif.info["duration"] == 1000 and gif.info.get("loop") == 0


def test_the_mp4_is_h264_from_the_wheels_ffmpeg(images, tmp_path):
    data = film.to_mp4(images)
    assert data[4:8] == b"ftyp"
    path = tmp_path / "f.mp4"
    path.write_bytes(data)
    reader = imageio.get_reader(path)
    try:
        meta = reader.get_meta_data()
        assert meta["codec"].startswith("h264") and tuple(meta["size"]) == (640, 360)
        assert reader.count_frames() == 4 + 2  # the last year held
    finally:
        reader.close()


def test_bad_years_and_formats_are_refused():
    with pytest.raises(ValueError, match="first year"):
        film.years(2020, 2015)
    with pytest.raises(ValueError, match="gif or mp4"):
        film.film(filters.ViewState(), "avi")
