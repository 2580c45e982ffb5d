"""The reduced pictures the cut and flash measures read: made in ``accessibility.frames``.

Kept under this name for the pacing code and tests that import it from here.
"""

from accessibility.frames.pictures import (
    SHORT_SIDE_TARGET,
    SmallPicture,
    bottom_band,
    reduction_steps,
    small_picture,
)

__all__ = ["SHORT_SIDE_TARGET", "SmallPicture", "bottom_band", "reduction_steps",
           "small_picture"]
