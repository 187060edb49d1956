"""Reading levels measured on the rendered article text, per tier (``tiered/readability``)."""
