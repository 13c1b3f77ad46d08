"""Detectors: one module per detector, all implementing `base.Detector`."""

from moderation.detectors.base import Detector, DetectorExample, ScanContext

__all__ = ["Detector", "DetectorExample", "ScanContext"]
