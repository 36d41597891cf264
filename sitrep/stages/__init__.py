"""The stages of the line, one module each, in pipeline order (see sitrep.pipeline)."""
