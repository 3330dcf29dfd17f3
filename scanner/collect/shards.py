"""`fgscan audit --shard K/N`: which (account, region) work units one of N runners reads.

A unit belongs to a shard by a hash of its own name, not by its position in a list, so every runner agrees
on the split without seeing the others, even when one of them could not open an account or list its
regions: no unit is read twice and none is dropped. Account-level reads (assuming the role, listing the
regions) are repeated by every shard; IAM roles are read by each shard that has a task definition naming them.
"""

from __future__ import annotations

import hashlib
import re

from msgspec import Struct

SPEC = re.compile(r"^(\d+)/(\d+)$")


class Shard(Struct, frozen=True):
    """Shard `index` (1-based) of `count`."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """`K/N` with 1 <= K <= N; ValueError otherwise."""
        match = SPEC.match(text.strip())
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise ValueError(f"not a shard: {text!r} (expected K/N with 1 <= K <= N, e.g. 2/8)")
        return cls(int(match.group(1)), int(match.group(2)))

    def owns(self, account: str, region: str) -> bool:
        """True when the unit (account, region) is this shard's."""
        digest = hashlib.sha256(f"{account}/{region}".encode()).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"
