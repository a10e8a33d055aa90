"""A scorer's figures, printed as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class Report:
    name: str
    metrics: dict[str, float] = field(default_factory=dict)  # "event_type_accuracy" -> 0.91
    counts: dict[str, int] = field(default_factory=dict)  # "gold_items" -> 6246
    details: str = ""  # extra text: a confusion table, per-corpus rows

    def table(self) -> str:
        width = max([len(k) for k in list(self.metrics) + list(self.counts)] + [10])
        lines = [self.name, "-" * (width + 12)]
        lines += [f"{k:<{width}}  {v:>9.3f}" for k, v in self.metrics.items()]
        lines += [f"{k:<{width}}  {v:>9d}" for k, v in self.counts.items()]
        return "\n".join(lines + ([self.details] if self.details else []))

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "metrics": self.metrics, "counts": self.counts}, indent=2)
