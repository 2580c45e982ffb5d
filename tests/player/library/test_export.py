from __future__ import annotations

import json

from player.library.export import library_to_json
from player.library.model import Episode, Series, SourceProblem


def test_library_to_json_keeps_order_and_every_field() -> None:
    library = [
        Series(
            title="甜宠",
            source="/media/usb/甜宠",
            episodes=(
                Episode(1, "第1集", "/media/usb/甜宠/第1集.mp4", "/media/usb/甜宠/第1集.srt"),
                Episode(2, "第2集", "/media/usb/甜宠/第2集.mp4"),
            ),
            cover="/media/usb/甜宠/cover.jpg",
            problems=(SourceProblem("zero_byte", "/media/usb/甜宠/第3集.mp4"),),
            tags=("家庭", "养生"),
        ),
        Series(title="空", source="/media/usb/空", episodes=(), problems=()),
    ]
    data = library_to_json(library)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data == {
        "series": [
            {
                "title": "甜宠",
                "source": "/media/usb/甜宠",
                "cover": "/media/usb/甜宠/cover.jpg",
                "tags": ["家庭", "养生"],
                "problems": [
                    {"code": "zero_byte", "where": "/media/usb/甜宠/第3集.mp4", "detail": ""}
                ],
                "episodes": [
                    {
                        "number": 1,
                        "title": "第1集",
                        "location": "/media/usb/甜宠/第1集.mp4",
                        "subtitle": "/media/usb/甜宠/第1集.srt",
                    },
                    {
                        "number": 2,
                        "title": "第2集",
                        "location": "/media/usb/甜宠/第2集.mp4",
                        "subtitle": None,
                    },
                ],
            },
            {
                "title": "空",
                "source": "/media/usb/空",
                "cover": None,
                "tags": [],
                "problems": [],
                "episodes": [],
            },
        ]
    }


def test_empty_library() -> None:
    assert library_to_json([]) == {"series": []}
