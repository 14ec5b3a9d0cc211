"""The project's tooling, run from the repository (e.g. `python -m scripts.demo`);
not part of the addon or its wheel."""
