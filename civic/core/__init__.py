"""The lowest layer: helpers every app may use (text cleaning, identifiers).

Not a Django app: no models, nothing to install.
"""
