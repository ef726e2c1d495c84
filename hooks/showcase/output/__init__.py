"""Layer 6: the site as files, without MkDocs: which pages exist and where (page plan,
fingerprints for incremental rebuilds), redirects, published pictures, QR codes and
addresses, Markdown and narrative sanitising, the output check and atomic publishing.
Imports every layer before it."""
