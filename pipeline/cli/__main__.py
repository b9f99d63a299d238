"""``python -m pipeline.cli`` (= ``extract``)."""
from pipeline.cli import main

main()
