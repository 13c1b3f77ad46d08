"""Image side of the scan: safe fetch + decode, PDQ hash banks, logo matching, QR codes and OCR.

Reading order (data flow): `errors` → `fetch` (SSRF-safe download) → `decode` (sniffed, capped,
oriented) → `loader` (once per item, shared via `ScanContext.memo`) → the analyses `pdq` /
`hash_bank`, `logo_index`, `qr`, `ocr` → the detectors in `moderation/detectors/{image_hash,logo,qr,
ocr}.py` → `detectors_factory.image_detectors(...)`, the one function the engine calls.

Nothing here imports a web framework, a database or a queue; persistence of hash banks and logos
is another module's job and talks to this package only through the loading seams documented in
`hash_bank` and `logos`.
"""
