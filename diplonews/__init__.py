"""diplonews: French and English diplomacy and security news → documents, entities and claims.

The public face of the project; the implementation is the `pipeline` package (one module per
stage). In Python::

    import diplonews

    nlp = diplonews.load()                      # params: None, a params.yaml path, or a dict
    result = nlp.process("PARIS, 3 mars (AFP) - ...")
    result.claims                               # pipeline.schema.Claim records

On the command line: `diplonews run --input DIR --output DIR` (or `python -m diplonews`).
"""

from pipeline import __version__
from pipeline.api import Analyzer, Result, load
from pipeline.schema import Claim, Document, Entity, Mention, Reject

__all__ = ["Analyzer", "Claim", "Document", "Entity", "Mention", "Reject", "Result", "__version__", "load"]
