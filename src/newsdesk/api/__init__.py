"""The JSON API, ``/api/v1/``: published articles as IPTC ninjs, sections, search; read-only.

An interface room (DESIGN.md): each view parses its parameters (``params``),
asks one read query (``newsroom.archive`` or ``newsroom.selectors``), shapes
the answer (``representations``, articles through ``publish.ninjs_out``) and
hands it to ``responses``, which adds the ETag, the 304, the cache and CORS
headers and turns every refusal into ``{"error": {"code", "message"}}``.

Adding an endpoint (stories and entities, issue 4, come next): a view in
``views``, its path in ``urls``, its operation in ``openapi.PATHS`` and its
row in docs/api.md; tests/api/test_documented.py fails until all four agree.
"""
