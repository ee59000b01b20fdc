"""The lowest layer: helpers every app may use (errors, text cleaning,
identifiers, the page cache) and the registry of what the apps add to the site
(``registry``: menu links, area-page sections). It imports no app of the project.

An app without models (``CoreConfig``: the page cache's hooks).
"""
