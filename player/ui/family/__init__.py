"""The family side of the app: settings behind a PIN, first-run setup, the rest reminder."""

from player.ui.family.controller import FamilyController
from player.ui.family.rest_notice import RestPrompt

__all__ = ["FamilyController", "RestPrompt"]
