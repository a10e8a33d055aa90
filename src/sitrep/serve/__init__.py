"""serve: the HTTP API, the dashboard and the review queue over a sitrep database."""
