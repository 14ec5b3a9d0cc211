"""`make load`: a bounded load run against `make scale-demo` (python -m scripts.load)."""
