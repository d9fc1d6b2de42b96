"""One reader per input format (see :mod:`indicators.readers.base`); :mod:`indicators.readers.registry`
lists them and picks one for a file.  Adding a format is adding one module here and one line in the registry."""
