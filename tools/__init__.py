"""Maintenance scripts run by hand or by ``make``; not part of the tiered package."""
