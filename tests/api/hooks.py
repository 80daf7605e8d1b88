"""schemathesis hooks for make test-api (loaded through schemathesis.toml, relative to the repository root)."""
import json

import schemathesis


@schemathesis.deserializer("application/x-ndjson")
def json_lines(ctx, response):
    """`GET /v1/jobs/{id}/events?follow=true`: every line must be a JSON document; the first is validated against
    the documented EventPage (on a finished job the stream is that one line)."""
    pages = [json.loads(line) for line in response.content.splitlines() if line.strip()]
    return pages[0] if pages else None
