"""Compiled Jinja templates kept between the builds of one process (``mkdocs serve``)."""

from __future__ import annotations

import jinja2
import jinja2.bccache


class CompiledTemplates(jinja2.BytecodeCache):
    """MkDocs makes a new Jinja environment for every build; this keeps their compiled
    templates. Jinja checks each template's source checksum, so an edited template is
    compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

    def attach(self, env: jinja2.Environment) -> jinja2.Environment:
        env.bytecode_cache = self
        return env
