# SilverReel 长辈剧场 — see README.md.
.PHONY: setup run test bench lint docs

setup:
	bash packaging/setup.sh

run: setup
	.venv/bin/silverreel $(ARGS)

test: setup
	.venv/bin/python -m pytest

bench: setup
	.venv/bin/python -m pip install -q -e ".[bench]"
	.venv/bin/python -m pip install -q --no-deps "scenedetect>=0.6.4"  # without GUI OpenCV
	.venv/bin/python benchmarks/run_all.py

lint: setup
	.venv/bin/ruff check player accessibility tests benchmarks
	.venv/bin/mypy player accessibility

docs: setup
	.venv/bin/python -m player.config.docs > docs/settings.md

# The Debian package, in dist/ (or PACKAGE_DIR=...); see docs/packaging.md.
.PHONY: package
package: setup
	.venv/bin/python packaging/build_deb.py $(if $(PACKAGE_DIR),--output-dir "$(PACKAGE_DIR)")
