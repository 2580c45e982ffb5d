"""Builds the small demo series shipped in ``assets/demo/`` (see ``assets/make_demo.py``)."""
