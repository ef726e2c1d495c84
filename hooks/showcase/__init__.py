"""The showcase package: YAML records and Markdown narratives → a public showcase site.

Its folders are its layers; each imports only from the ones before it (tests/test_layers.py):

    core/    values with no dependencies: dates, quantities, vocabularies, problems, YAML nodes, text rules
    schema/  field types as classes: cleaning, JSON Schema, guide text, examples, YAML writing, cells
    model/   record kinds declared once (fields, folder, label, template, behaviour), site settings, Dataset
    load/    YAML with line numbers, the loader, references, criteria and narrative citations
    derive/  relations, dossier, report, charts, embeds, descriptions, summary (no MkDocs)
    output/  page plan, fingerprints, redirects, pictures, QR codes, markup, output check, publishing
    mkdocs/  the only layer that imports MkDocs: session, build events, template API, preview
    tools/   editors' commands: check, new, import, templates, field guide, JSON Schemas
"""
