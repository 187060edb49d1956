"""``tiered/pdf``: print-quality, tagged PDFs of a built site, per topic, tier and library."""
