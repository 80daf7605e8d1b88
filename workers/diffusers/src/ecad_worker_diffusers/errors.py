"""The worker's error type: the shared package's `EcadError` (ecad_diffusers/errors.py), under the worker's name.

Every bad input or missing file becomes a WorkerError with a protocol code; the caching refusals of the shared
package (layout and step-count mismatches, forward chunking, unknown transformers) are its subclasses, so the
worker reports them as protocol errors too.
"""

from ecad_diffusers.errors import EcadError as WorkerError

__all__ = ["WorkerError"]
